package vn.hanoi.branch.testkit.card;

import net.sf.scuba.data.Gender;
import org.jmrtd.PassportService;
import org.jmrtd.lds.LDSFile;
import org.jmrtd.lds.SODFile;
import org.jmrtd.lds.icao.COMFile;
import org.jmrtd.lds.icao.DG1File;
import org.jmrtd.lds.icao.DG2File;
import org.jmrtd.lds.icao.MRZInfo;
import org.jmrtd.lds.iso19794.FaceImageInfo;
import org.jmrtd.lds.iso19794.FaceInfo;
import vn.hanoi.branch.card.CardAccess;
import vn.hanoi.branch.card.DG13File;
import vn.hanoi.branch.card.ExpiryCandidates;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * The files of an emulated CCCD chip for one {@link FakeCitizen}: COM, DG1 (TD1 MRZ {@code IDVNM…},
 * document number = last 9 digits of the ID, the full ID in the optional data), DG13, optionally
 * DG2 (a generated JPEG, not a face), and the SOD with SHA-256 hashes signed by the {@link TestPki}
 * document signer. The ICAO files are encoded by JMRTD's own classes, DG13 by {@link DG13File}.
 *
 * <p>Switches for tests: DG13 fields in shuffled order or with extra unknown fields, a data group
 * changed after signing (tampering), a SOD signed by another issuer (forgery).
 */
public final class CccdCardFiles {
    /** Made up for the emulator (under the ITU-T country arc of Viet Nam); readers accept any OID. */
    public static final String DG13_OID = "2.16.704.9.13.1";
    public static final String NO_EXPIRY_TEXT = "Không thời hạn";
    private static final DateTimeFormatter DG13_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final FakeCitizen citizen;
    private final TestPki pki;
    private final Map<Short, byte[]> files;

    private CccdCardFiles(FakeCitizen citizen, TestPki pki, Map<Short, byte[]> files) {
        this.citizen = citizen;
        this.pki = pki;
        this.files = Collections.unmodifiableMap(files);
    }

    public static Builder of(FakeCitizen citizen) {
        return new Builder(citizen);
    }

    public static final class Builder {
        private final FakeCitizen citizen;
        private TestPki pki = TestPki.shared();
        private TestPki signer;
        private int faceImageBytes;
        private Long shuffleSeed;
        private final Map<Integer, String> extraFields = new TreeMap<>();
        private int tamperedDataGroup;

        private Builder(FakeCitizen citizen) {
            this.citizen = citizen;
        }

        public Builder pki(TestPki issuer) {
            this.pki = issuer;
            return this;
        }

        /** Sign the SOD with another issuer's document signer (a forgery the reader must catch). */
        public Builder signedBy(TestPki forger) {
            this.signer = forger;
            return this;
        }

        /** Add DG2 with an image of about this many bytes (real cards: 10-20 KB); 0: no DG2. */
        public Builder faceImage(int approxBytes) {
            this.faceImageBytes = approxBytes;
            return this;
        }

        /** Write the DG13 fields in an order drawn from this seed instead of ascending. */
        public Builder shuffleDg13(long seed) {
            this.shuffleSeed = seed;
            return this;
        }

        public Builder extraDg13Field(int number, String value) {
            extraFields.put(number, value);
            return this;
        }

        /** Change data group 1, 2 or 13 after the SOD was signed. */
        public Builder tamper(int dataGroup) {
            if (dataGroup != 1 && dataGroup != 2 && dataGroup != 13) {
                throw new IllegalArgumentException("tamper DG1, DG2 or DG13");
            }
            this.tamperedDataGroup = dataGroup;
            return this;
        }

        public CccdCardFiles build() {
            try {
                Map<Integer, byte[]> dgs = new TreeMap<>();
                dgs.put(1, dg1(citizen, citizen.mrzPrimaryIdentifier()));
                dgs.put(13, dg13(citizen.fullName()));
                if (faceImageBytes > 0) {
                    dgs.put(2, dg2(citizen, faceImageBytes, (byte) 0));
                }
                TestPki s = signer == null ? pki : signer;
                Map<Integer, byte[]> hashes = new TreeMap<>();
                MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
                dgs.forEach((n, bytes) -> hashes.put(n, sha256.digest(bytes)));
                byte[] sod = new SODFile("SHA-256", "SHA256withECDSA", hashes, s.documentSignerKey(),
                        s.documentSigner()).getEncoded();

                switch (tamperedDataGroup) {
                    case 1 -> dgs.put(1, dg1(citizen, "MALLORY"));
                    case 13 -> dgs.put(13, dg13(citizen.familyName() + " Văn Giả"));
                    case 2 -> dgs.put(2, dg2(citizen, faceImageBytes, (byte) 1));
                    default -> {
                    }
                }
                int[] tags = dgs.containsKey(2)
                        ? new int[]{LDSFile.EF_DG1_TAG, LDSFile.EF_DG2_TAG, LDSFile.EF_DG13_TAG}
                        : new int[]{LDSFile.EF_DG1_TAG, LDSFile.EF_DG13_TAG};
                Map<Short, byte[]> files = new LinkedHashMap<>();
                files.put(PassportService.EF_COM, new COMFile("1.7", "4.0.0", tags).getEncoded());
                files.put(PassportService.EF_DG1, dgs.get(1));
                if (dgs.containsKey(2)) {
                    files.put(PassportService.EF_DG2, dgs.get(2));
                }
                files.put(PassportService.EF_DG13, dgs.get(13));
                files.put(PassportService.EF_SOD, sod);
                return new CccdCardFiles(citizen, pki, files);
            } catch (GeneralSecurityException | IOException e) {
                throw new IllegalStateException("cannot build the card files", e);
            }
        }

        private byte[] dg13(String fullName) {
            FakeCitizen c = citizen;
            Map<Integer, List<String>> f = new TreeMap<>();
            f.put(DG13File.ID, List.of(c.id()));
            f.put(DG13File.FULL_NAME, List.of(fullName));
            f.put(DG13File.DATE_OF_BIRTH, List.of(DG13_DATE.format(c.dateOfBirth())));
            f.put(DG13File.SEX, List.of(c.sex()));
            f.put(DG13File.NATIONALITY, List.of(c.nationality()));
            f.put(DG13File.ETHNICITY, List.of(c.ethnicity()));
            f.put(DG13File.RELIGION, List.of(c.religion()));
            f.put(DG13File.PLACE_OF_ORIGIN, List.of(c.placeOfOrigin()));
            f.put(DG13File.PLACE_OF_RESIDENCE, List.of(c.placeOfResidence()));
            f.put(DG13File.IDENTIFYING_MARKS, List.of(c.identifyingMarks()));
            f.put(DG13File.ISSUE_DATE, List.of(DG13_DATE.format(c.issueDate())));
            f.put(DG13File.EXPIRY_DATE, List.of(c.expiryDate() == null ? NO_EXPIRY_TEXT : DG13_DATE.format(c.expiryDate())));
            f.put(DG13File.PARENTS, List.of(c.father(), c.mother()));
            if (c.spouse() != null) {
                f.put(DG13File.SPOUSE, List.of(c.spouse()));
            }
            if (c.oldId() != null) {
                f.put(DG13File.OLD_ID, List.of(c.oldId()));
            }
            extraFields.forEach((n, v) -> f.put(n, List.of(v)));
            DG13File file = new DG13File(1, DG13_OID, f);
            List<Integer> order = new ArrayList<>(f.keySet());
            if (shuffleSeed != null) {
                Collections.shuffle(order, new Random(shuffleSeed));
            }
            return file.encoded(order);
        }
    }

    public FakeCitizen citizen() {
        return citizen;
    }

    /** The trust anchor a reader needs for a VERIFIED result (the real issuer's, even when forged). */
    public TestPki pki() {
        return pki;
    }

    /** File ID → file bytes, as the chip stores them. */
    public Map<Short, byte[]> files() {
        return files;
    }

    /** The key that opens this chip (document number, birth date, chip expiry). */
    public CardAccess accessKey() {
        return new CardAccess(citizen.documentNumber(), ExpiryCandidates.format(citizen.dateOfBirth()),
                citizen.chipExpiry());
    }

    private static byte[] dg1(FakeCitizen c, String primaryName) {
        MRZInfo mrz = MRZInfo.createTD1MRZInfo("ID", "VNM", c.documentNumber(), c.id(),
                ExpiryCandidates.format(c.dateOfBirth()), c.male() ? Gender.MALE : Gender.FEMALE,
                c.chipExpiry(), "VNM", "", primaryName, c.mrzSecondaryIdentifier());
        return new DG1File(mrz).getEncoded();
    }

    /**
     * A small generated JPEG grown to about {@code approxBytes} with a comment segment, which keeps
     * it a valid JPEG; {@code variant} changes one byte of the filler (tampering).
     */
    // Cards carry ISO 19794-5 face records; JMRTD deprecates writing them in favour of ISO 39794.
    @SuppressWarnings("deprecation")
    private static byte[] dg2(FakeCitizen c, int approxBytes, byte variant) throws IOException {
        BufferedImage img = new BufferedImage(90, 120, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(0xDDE6F0));
        g.fillRect(0, 0, 90, 120);
        g.setColor(new Color(0x6B7A8F));
        g.fillOval(25, 20, 40, 50);
        g.fillRect(15, 75, 60, 45);
        g.dispose();
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(img, "jpeg", jpeg);
        byte[] base = jpeg.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(base, 0, 2); // SOI
        int filler = Math.max(0, approxBytes - base.length);
        while (filler > 0) {
            int n = Math.min(filler, 65000);
            byte[] segment = new byte[n];
            segment[0] = variant;
            out.write(0xFF);
            out.write(0xFE);
            out.write((n + 2) >> 8);
            out.write(n + 2);
            out.write(segment, 0, n);
            filler -= n;
        }
        out.write(base, 2, base.length - 2);
        byte[] image = out.toByteArray();
        FaceImageInfo info = new FaceImageInfo(c.male() ? Gender.MALE : Gender.FEMALE, FaceImageInfo.EyeColor.UNSPECIFIED,
                0, FaceImageInfo.HAIR_COLOR_UNSPECIFIED, FaceImageInfo.EXPRESSION_UNSPECIFIED, new int[3], new int[3],
                FaceImageInfo.FACE_IMAGE_TYPE_FULL_FRONTAL, FaceImageInfo.IMAGE_COLOR_SPACE_RGB24,
                FaceImageInfo.SOURCE_TYPE_STATIC_PHOTO_DIGITAL_CAM, 0, 0, new FaceImageInfo.FeaturePoint[0],
                90, 120, new ByteArrayInputStream(image), image.length, FaceImageInfo.IMAGE_DATA_TYPE_JPEG);
        return new DG2File(List.of(new FaceInfo(List.of(info)))).getEncoded();
    }
}
