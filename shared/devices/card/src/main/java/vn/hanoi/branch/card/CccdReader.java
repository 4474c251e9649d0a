package vn.hanoi.branch.card;

import net.sf.scuba.data.Gender;
import net.sf.scuba.smartcards.CardFileInputStream;
import net.sf.scuba.smartcards.CardService;
import net.sf.scuba.smartcards.CardServiceException;
import org.jmrtd.DefaultFileSystem;
import org.jmrtd.PassportService;
import org.jmrtd.lds.LDSFile;
import org.jmrtd.lds.icao.COMFile;
import org.jmrtd.lds.icao.DG1File;
import org.jmrtd.lds.icao.DG2File;
import org.jmrtd.lds.icao.MRZInfo;
import org.jmrtd.lds.iso19794.FaceImageInfo;
import org.jmrtd.lds.iso19794.FaceInfo;
import org.jmrtd.protocol.BACProtocol;
import org.jmrtd.protocol.ReadBinaryAPDUSender;
import org.jmrtd.protocol.SecureMessagingWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.hanoi.branch.card.CardException.Reason;

/**
 * Reads a CCCD chip through any SCUBA {@link CardService} (a PC/SC reader through
 * {@code TerminalCardService}, or the in-process emulator): selects the eMRTD application, opens it
 * with BAC trying the given keys in order, reads COM, DG1, DG13, SOD (and DG2 when configured) under
 * secure messaging, and checks them with {@link PassiveAuthentication}.
 *
 * <p>Every failure is a {@link CardException} with the reason the kiosk shows: {@code NO_CARD},
 * {@code CARD_REMOVED}, {@code NOT_CITIZEN_ID_CARD}, {@code ACCESS_DENIED} (no key opened the chip),
 * {@code TAMPERED} (data not what the issuer signed), {@code NO_READER}, {@code READ_FAILED}. Logs
 * carry reasons and counts, never what was read.
 *
 * <p>The reader opens the service if needed and leaves closing it to the caller, who owns the
 * connection. One instance can be used for many reads, from one thread at a time per card.
 */
public final class CccdReader {
    private static final Logger LOG = LoggerFactory.getLogger(CccdReader.class);
    /** The ICAO eMRTD application. */
    static final byte[] EMRTD_AID = {(byte) 0xA0, 0x00, 0x00, 0x02, 0x47, 0x10, 0x01};
    private static final DateTimeFormatter DG13_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    /**
     * @param readFaceImage        also read DG2 (the face image, 10-20 KB: many more APDUs)
     * @param authentication       the CSCA trust anchors, or none
     * @param acceptUnknownIssuer  return the data with verdict FAILED when the signer is not from a
     *                             configured CSCA, instead of refusing the card (diagnostics only)
     * @param maxBlockSize         bytes per READ BINARY; 223 keeps a secure-messaging answer in one short APDU
     */
    public record Options(boolean readFaceImage, PassiveAuthentication authentication, boolean acceptUnknownIssuer,
                          int maxBlockSize) {
        public static Options defaults() {
            return new Options(false, PassiveAuthentication.withoutCsca(), false, PassportService.DEFAULT_MAX_BLOCKSIZE);
        }

        public Options withFaceImage(boolean read) {
            return new Options(read, authentication, acceptUnknownIssuer, maxBlockSize);
        }

        public Options withAuthentication(PassiveAuthentication pa) {
            return new Options(readFaceImage, pa, acceptUnknownIssuer, maxBlockSize);
        }

        public Options withAcceptUnknownIssuer(boolean accept) {
            return new Options(readFaceImage, authentication, accept, maxBlockSize);
        }
    }

    private final Options options;

    public CccdReader(Options options) {
        this.options = options;
    }

    public CccdReader() {
        this(Options.defaults());
    }

    /**
     * Reads the card with the first of {@code keys} that opens it.
     *
     * @param keys from {@link CardAccess#fromQr} (several guesses) or {@link CardAccess#fromMrz} (one)
     */
    public CitizenCard read(CardService service, List<CardAccess> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("no access key");
        }
        long start = System.nanoTime();
        CountingCardService card = new CountingCardService(service);
        try {
            card.open();
        } catch (CardServiceException | RuntimeException e) {
            throw failure(card, Reason.NO_CARD, "could not connect to the card", e);
        }
        ReadBinaryAPDUSender apdus = new ReadBinaryAPDUSender(card);
        selectApplet(card, apdus);

        SecureMessagingWrapper wrapper = null;
        int attempts = 0;
        for (CardAccess key : keys) {
            attempts++;
            try {
                BACProtocol bac = new BACProtocol(new BacApduSender(card, () -> selectApplet(card, apdus)),
                        PassportService.NORMAL_MAX_TRANCEIVE_LENGTH, true);
                wrapper = bac.doBAC(key.bacKey()).getWrapper();
                break;
            } catch (CardServiceException | RuntimeException e) {
                if (card.cardLost() || card.readerGone()) {
                    throw failure(card, Reason.CARD_REMOVED, "card left during BAC attempt " + attempts, e);
                }
                LOG.debug("BAC attempt {} of {} refused", attempts, keys.size());
            }
        }
        if (wrapper == null) {
            LOG.info("Card refused all {} access keys", attempts);
            throw new CardException(Reason.ACCESS_DENIED, "none of " + attempts + " access keys opened the chip");
        }

        DefaultFileSystem files = new DefaultFileSystem(apdus, false);
        files.setWrapper(wrapper);
        Map<Integer, byte[]> dataGroups = new LinkedHashMap<>();
        byte[] sod;
        COMFile com;
        try {
            com = new COMFile(new ByteArrayInputStream(read(files, PassportService.EF_COM)));
            dataGroups.put(1, read(files, PassportService.EF_DG1));
            dataGroups.put(13, read(files, PassportService.EF_DG13));
            if (options.readFaceImage() && Arrays.stream(com.getTagList()).anyMatch(t -> t == LDSFile.EF_DG2_TAG)) {
                dataGroups.put(2, read(files, PassportService.EF_DG2));
            }
            sod = read(files, PassportService.EF_SOD);
        } catch (CardServiceException | IOException | RuntimeException e) {
            throw failure(card, Reason.READ_FAILED, "reading a file failed", e);
        }

        PassiveAuthentication.Result pa = options.authentication().check(sod, dataGroups);
        if (pa.tampered() || (pa.verdict() == PassiveAuthentication.Verdict.FAILED && !options.acceptUnknownIssuer())) {
            LOG.warn("Card refused by passive authentication: {}", pa.detail());
            throw new CardException(Reason.TAMPERED, pa.detail());
        }

        CitizenCard.ReadStats stats = new CitizenCard.ReadStats(card.apdus(), card.bytesSent(), card.bytesReceived(),
                Duration.ofNanos(System.nanoTime() - start), new ArrayList<>(dataGroups.keySet()));
        CitizenCard result;
        try {
            result = assemble(dataGroups, pa, attempts, stats);
        } catch (IOException | RuntimeException e) {
            throw new CardException(Reason.READ_FAILED, "chip data does not parse: " + e.getClass().getSimpleName(), e);
        }
        LOG.info("Card read: {} APDUs, {} bytes, {} BAC attempt(s), {} ms, {}", stats.apdus(),
                stats.bytesSent() + stats.bytesReceived(), attempts, stats.elapsed().toMillis(), pa.verdict());
        return result;
    }

    private static void selectApplet(CountingCardService card, ReadBinaryAPDUSender apdus) {
        try {
            apdus.sendSelectApplet(null, EMRTD_AID);
        } catch (CardServiceException | RuntimeException e) {
            if (card.cardLost() || card.readerGone()) {
                throw failure(card, Reason.CARD_REMOVED, "card left during SELECT", e);
            }
            throw new CardException(Reason.NOT_CITIZEN_ID_CARD, "no eMRTD application (SW "
                    + (e instanceof CardServiceException c ? Integer.toHexString(c.getSW() & 0xFFFF) : "?") + ")", e);
        }
    }

    private byte[] read(DefaultFileSystem files, short fid) throws CardServiceException, IOException {
        files.selectFile(fid);
        CardFileInputStream in = new CardFileInputStream(options.maxBlockSize(), files);
        byte[] bytes = in.readAllBytes();
        if (bytes.length != in.getLength()) {
            throw new IOException("file " + Integer.toHexString(fid) + " short");
        }
        return bytes;
    }

    private static CardException failure(CountingCardService card, Reason otherwise, String what, Throwable e) {
        if (card.readerGone()) {
            return new CardException(Reason.NO_READER, what + ": reader gone", e);
        }
        if (card.cardLost()) {
            return new CardException(Reason.CARD_REMOVED, what + ": card removed", e);
        }
        return new CardException(otherwise, what + ": " + e.getClass().getSimpleName(), e);
    }

    // DG2 of CCCD cards is ISO 19794-5, which JMRTD reads through methods it deprecates for ISO 39794.
    @SuppressWarnings("deprecation")
    private static CitizenCard assemble(Map<Integer, byte[]> dgs, PassiveAuthentication.Result pa, int attempts,
                                        CitizenCard.ReadStats stats) throws IOException {
        MRZInfo m = new DG1File(new ByteArrayInputStream(dgs.get(1))).getMRZInfo();
        CitizenCard.Mrz mrz = new CitizenCard.Mrz(m.getDocumentCode(), m.getIssuingState(), m.getDocumentNumber(),
                m.getOptionalData1(), m.getDateOfBirth(), m.getGenderCode() == null ? null : m.getGenderCode().name(),
                m.getDateOfExpiry(), m.getNationality(), m.getPrimaryIdentifier(), m.getSecondaryIdentifier());
        DG13File d = DG13File.parse(dgs.get(13));

        String id = d.text(DG13File.ID).orElseGet(() -> m.getOptionalData1().replace("<", ""));
        LocalDate dob = d.text(DG13File.DATE_OF_BIRTH).map(CccdReader::date).orElse(null);
        if (dob == null) {
            dob = mrzDate(m.getDateOfBirth(), true);
        }
        String sex = d.text(DG13File.SEX).orElseGet(() -> m.getGenderCode() == Gender.MALE ? "Nam"
                : m.getGenderCode() == Gender.FEMALE ? "Nữ" : null);
        String expiry = d.text(DG13File.EXPIRY_DATE).orElse(m.getDateOfExpiry());
        LocalDate expiryDate = d.text(DG13File.EXPIRY_DATE).map(CccdReader::date).orElse(null);

        byte[] face = null;
        String mime = null;
        if (dgs.containsKey(2)) {
            for (FaceInfo fi : new DG2File(new ByteArrayInputStream(dgs.get(2))).getFaceInfos()) {
                for (FaceImageInfo img : fi.getFaceImageInfos()) {
                    if (face == null) {
                        face = img.getImageInputStream().readAllBytes();
                        mime = img.getMimeType();
                    }
                }
            }
        }
        return new CitizenCard(id, d.text(DG13File.FULL_NAME).orElse(null), dob, sex,
                d.text(DG13File.NATIONALITY).orElse(null), d.text(DG13File.ETHNICITY).orElse(null),
                d.text(DG13File.RELIGION).orElse(null), d.text(DG13File.PLACE_OF_ORIGIN).orElse(null),
                d.text(DG13File.PLACE_OF_RESIDENCE).orElse(null), d.text(DG13File.IDENTIFYING_MARKS).orElse(null),
                d.text(DG13File.ISSUE_DATE).map(CccdReader::date).orElse(null), expiry, expiryDate,
                d.text(DG13File.PARENTS, 0).orElse(null), d.text(DG13File.PARENTS, 1).orElse(null),
                d.text(DG13File.SPOUSE).orElse(null), d.text(DG13File.OLD_ID).orElse(null),
                d.fields(), mrz, face, mime, pa, attempts, stats);
    }

    /** A DG13 date ({@code dd/MM/yyyy}), or null for anything else ("Không thời hạn"). */
    static LocalDate date(String text) {
        try {
            return LocalDate.parse(text.strip(), DG13_DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** An MRZ {@code yyMMdd} birth date: the century is the one that puts it in the past. */
    private static LocalDate mrzDate(String yyMMdd, boolean past) {
        try {
            LocalDate d = LocalDate.parse("20" + yyMMdd, DateTimeFormatter.BASIC_ISO_DATE);
            return past && d.isAfter(LocalDate.now()) ? d.minusYears(100) : d;
        } catch (DateTimeParseException | NullPointerException e) {
            return null;
        }
    }
}
