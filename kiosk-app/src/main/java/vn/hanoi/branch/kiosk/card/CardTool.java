package vn.hanoi.branch.kiosk.card;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import net.sf.scuba.smartcards.CardService;
import net.sf.scuba.smartcards.TerminalCardService;
import org.slf4j.LoggerFactory;
import vn.hanoi.branch.card.CardAccess;
import vn.hanoi.branch.card.CardException;
import vn.hanoi.branch.card.CardTerminalWatcher;
import vn.hanoi.branch.card.CccdReader;
import vn.hanoi.branch.card.CitizenCard;
import vn.hanoi.branch.card.CitizenIdQr;
import vn.hanoi.branch.card.PassiveAuthentication;

import vn.hanoi.branch.code.BookingQr;
import vn.hanoi.branch.code.DossierQr;
import vn.hanoi.branch.qr.QrImageDecoder;
import vn.hanoi.branch.qr.ScannedCode;
import vn.hanoi.branch.qr.ScannedCodes;
import vn.hanoi.branch.code.TicketQr;
import vn.hanoi.branch.i18n.I18n;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vn.hanoi.branch.kiosk.CommandLines;
import vn.hanoi.branch.kiosk.CommandLines.ToolCommand;

import javax.smartcardio.CardTerminal;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Card reader diagnostics for branch IT, without the kiosk UI ({@code --help} for each command):
 * <pre>
 *   CardTool list-readers
 *   CardTool read-card [--reader NAME] (--qr TEXT | --doc N --dob yyMMdd --expiry yyMMdd) [--csca FILE]... [--dg2]
 *   CardTool decode-qr IMAGE
 * </pre>
 * {@code read-card} prints what the chip holds as JSON, with the passive-authentication verdict
 * (an issuer the CSCA files do not know is reported, not refused, so IT sees it). It shows a
 * citizen's personal data on this terminal: use it with the citizen present, never redirect it to
 * a log. Without a card at hand, the testkit's {@code CardEmulatorTool} puts a made-up citizen's card
 * into pcscd's virtual reader (developer checkout only).
 * Exit status 0 when the read (or the command) worked, 1 when not, 2 for bad usage.
 */
@Command(name = "card-tool", synopsisHeading = "usage: ", usageHelpAutoWidth = true,
        description = "Card reader diagnostics for branch IT.")
public final class CardTool extends ToolCommand {
    private static final Duration CARD_WAIT = Duration.ofSeconds(5);

    /** Where {@code read-card} gets its card; PC/SC unless a test gives another. */
    interface CardSource {
        CardService open(String reader);
    }

    private CardTool(PrintStream out) {
        super(out);
    }

    public static void main(String[] args) throws Exception {
        // stdout carries the JSON: keep the libraries' INFO lines out of it.
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        System.exit(run(List.of(args), out, CardTool::openPcsc));
    }

    /** Runs one command and returns the exit status. */
    public static int run(List<String> args, PrintStream out) {
        return run(args, out, CardTool::openPcsc);
    }

    static int run(List<String> args, PrintStream out, CardSource source) {
        return CommandLines.of(out, new CardTool(out), new ListReaders(out), new ReadCard(out, source), new DecodeQr(out))
                .execute(args.toArray(String[]::new));
    }

    @Command(name = "list-readers", description = "The PC/SC readers and whether a card is on each.")
    private static final class ListReaders extends ToolCommand {
        ListReaders(PrintStream out) {
            super(out);
        }

        @Override
        public Integer call() {
            return listReaders(out);
        }
    }

    @Command(name = "decode-qr", description = "Reads a QR code from a photo and says what kind of code it is.")
    private static final class DecodeQr extends ToolCommand {
        @Parameters(arity = "0..1", paramLabel = "IMAGE", description = "a PNG or JPEG photo of the code")
        Path image;

        DecodeQr(PrintStream out) {
            super(out);
        }

        @Override
        public Integer call() {
            return image == null ? usage("decode-qr needs an image file (PNG or JPEG)") : decodeQr(image, out);
        }
    }

    @Command(name = "read-card", description = "Reads the chip of an ID card (CCCD) and prints it as JSON.")
    private static final class ReadCard extends ToolCommand {
        @Option(names = "--reader", paramLabel = "NAME", description = "the PC/SC reader (default: the first)")
        String reader;

        @Option(names = "--qr", paramLabel = "TEXT", description = "the card's QR text, for the chip's access key")
        String qr;

        @Option(names = "--doc", paramLabel = "N", description = "document number (MRZ access key)")
        String doc;

        @Option(names = "--dob", paramLabel = "yyMMdd", description = "date of birth (MRZ access key)")
        String dob;

        @Option(names = "--expiry", paramLabel = "yyMMdd", description = "expiry date (MRZ access key)")
        String expiry;

        @Option(names = "--csca", paramLabel = "FILE", description = "CSCA certificate(s) to verify the issuer; repeatable")
        List<Path> csca = new ArrayList<>();

        @Option(names = "--dg2", description = "also read the face image")
        boolean dg2;

        private final CardSource source;

        ReadCard(PrintStream out, CardSource source) {
            super(out);
            this.source = source;
        }

        @Override
        public Integer call() {
            if (qr != null && doc != null) {
                return usage("--qr or --doc/--dob/--expiry, not both");
            }
            if (qr == null && (doc == null || dob == null || expiry == null)) {
                return usage("read-card needs --qr TEXT, or --doc, --dob and --expiry");
            }
            return read();
        }

        private int read() {
            for (Path f : csca) {
                if (!java.nio.file.Files.isReadable(f)) {
                    return usage("Không đọc được tệp CSCA / cannot read the CSCA file " + f.toAbsolutePath());
                }
            }
            List<CardAccess> keys;
            CccdReader.Options options = CccdReader.Options.defaults().withFaceImage(dg2).withAcceptUnknownIssuer(true);
            try {
                keys = qr != null ? CardAccess.fromQr(CitizenIdQr.parse(qr))
                        : List.of(CardAccess.fromMrz(doc, dob, expiry));
                if (!csca.isEmpty()) {
                    options = options.withAuthentication(PassiveAuthentication.fromCertificateFiles(csca));
                }
            } catch (IllegalArgumentException | IOException e) {
                return usage(e.getMessage());
            } catch (CardException e) {
                return error(out, e);
            }
            CardService card = null;
            try {
                card = source.open(reader);
                CitizenCard c = new CccdReader(options).read(card, keys);
                out.println(json(toJson(c)));
                return c.authentication().verdict() == PassiveAuthentication.Verdict.FAILED ? 1 : 0;
            } catch (CardException e) {
                return error(out, e);
            } finally {
                if (card != null) {
                    card.close();
                }
            }
        }
    }

    /**
     * Reads a QR code from a photo or camera frame and says what kind of code it is, e.g. to check a
     * citizen's card that the kiosk refuses. Prints the code's text, which may be personal data.
     */
    private static int decodeQr(Path image, PrintStream out) {
        String text;
        try {
            text = QrImageDecoder.decode(image);
        } catch (QrImageDecoder.NoCodeFoundException e) {
            out.println("No QR code found in " + image + ". Take the photo straight on, closer, without glare.");
            return 1;
        } catch (IOException e) {
            out.println("Cannot read " + image + ": " + e.getMessage());
            return 1;
        }
        out.println("text: " + text);
        try {
            ScannedCode code = ScannedCodes.parse(text);
            out.println("kind: " + switch (code) {
                case ScannedCode.CitizenId id -> "citizen ID card (CCCD), " + (id.card().extras().size() + 7) + " fields";
                case ScannedCode.Ours(TicketQr t) -> "ticket " + t.displayNumber() + " of " + t.branchCode() + " on " + t.businessDay();
                case ScannedCode.Ours(BookingQr b) -> "online booking " + b.code();
                case ScannedCode.Ours(DossierQr d) -> "dossier " + d.code();
            });
            return 0;
        } catch (CardException e) {
            out.println("kind: not usable at the kiosk (" + e.reason() + "): " + e.message(I18n.EN));
            return 1;
        }
    }

    private static int listReaders(PrintStream out) {
        List<String> readers = CardTerminalWatcher.readerNames();
        if (readers.isEmpty()) {
            out.println("No card readers found (is pcscd running? `systemctl status pcscd`, or `pcscd -f`).");
            return 1;
        }
        for (String r : readers) {
            boolean card = CardTerminalWatcher.find(r).map(CardTool::cardPresent).orElse(false);
            out.println(r + "\t" + (card ? "card present" : "empty"));
        }
        return 0;
    }

    private static CardService openPcsc(String reader) {
        CardTerminalWatcher.usePcscLibrary();
        Optional<CardTerminal> t = CardTerminalWatcher.find(reader);
        if (t.isEmpty()) {
            throw new CardException(CardException.Reason.NO_READER, reader == null ? "no reader" : "reader not found");
        }
        long deadline = System.nanoTime() + CARD_WAIT.toNanos();
        while (!cardPresent(t.get())) {
            if (System.nanoTime() > deadline) {
                throw new CardException(CardException.Reason.NO_CARD, "no card within " + CARD_WAIT.toSeconds() + " s");
            }
            try {
                t.get().waitForCardPresent(250);
            } catch (javax.smartcardio.CardException e) {
                throw new CardException(CardException.Reason.NO_READER, "reader failed", e);
            }
        }
        return new TerminalCardService(t.get());
    }

    private static boolean cardPresent(CardTerminal t) {
        try {
            return t.isCardPresent();
        } catch (javax.smartcardio.CardException e) {
            return false;
        }
    }

    static Map<String, Object> toJson(CitizenCard c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("fullName", c.fullName());
        m.put("dateOfBirth", str(c.dateOfBirth()));
        m.put("sex", c.sex());
        m.put("nationality", c.nationality());
        m.put("ethnicity", c.ethnicity());
        m.put("religion", c.religion());
        m.put("placeOfOrigin", c.placeOfOrigin());
        m.put("placeOfResidence", c.placeOfResidence());
        m.put("identifyingMarks", c.identifyingMarks());
        m.put("issueDate", str(c.issueDate()));
        m.put("expiry", c.expiry());
        m.put("expiryDate", str(c.expiryDate()));
        m.put("father", c.father());
        m.put("mother", c.mother());
        m.put("spouse", c.spouse());
        m.put("oldId", c.oldId());
        Map<String, Object> dg13 = new LinkedHashMap<>();
        c.dg13().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> dg13.put(String.valueOf(e.getKey()), e.getValue().size() == 1 ? e.getValue().getFirst() : e.getValue()));
        m.put("dg13", dg13);
        CitizenCard.Mrz z = c.mrz();
        Map<String, Object> mrz = new LinkedHashMap<>();
        mrz.put("documentCode", z.documentCode());
        mrz.put("issuingState", z.issuingState());
        mrz.put("documentNumber", z.documentNumber());
        mrz.put("optionalData", z.optionalData());
        mrz.put("dateOfBirth", z.dateOfBirth());
        mrz.put("sex", z.sex());
        mrz.put("dateOfExpiry", z.dateOfExpiry());
        mrz.put("nationality", z.nationality());
        mrz.put("names", z.primaryIdentifier() + " / " + z.secondaryIdentifier());
        m.put("mrz", mrz);
        byte[] face = c.faceImage();
        m.put("faceImage", face == null ? null : Map.of("bytes", face.length, "mimeType", String.valueOf(c.faceImageMimeType())));
        Map<String, Object> pa = new LinkedHashMap<>();
        pa.put("verdict", c.authentication().verdict().name());
        pa.put("problem", c.authentication().problem().name());
        pa.put("vi", c.authentication().verdict().textVi());
        pa.put("en", c.authentication().verdict().textEn());
        pa.put("detail", c.authentication().detail());
        m.put("passiveAuthentication", pa);
        Map<String, Object> read = new LinkedHashMap<>();
        read.put("bacAttempts", c.bacAttempts());
        read.put("apdus", c.stats().apdus());
        read.put("bytes", c.stats().bytesSent() + c.stats().bytesReceived());
        read.put("millis", c.stats().elapsed().toMillis());
        read.put("dataGroups", c.stats().dataGroups());
        m.put("read", read);
        return m;
    }

    private static int error(PrintStream out, CardException e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", e.reason().name());
        m.put("vi", e.message(Locale.of("vi")));
        m.put("en", e.message(Locale.ENGLISH));
        out.println(json(m));
        return 1;
    }

    private static String json(Object o) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(o);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String str(LocalDate d) {
        return d == null ? null : d.toString();
    }
}
