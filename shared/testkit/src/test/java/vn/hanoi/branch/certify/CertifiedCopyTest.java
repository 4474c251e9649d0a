package vn.hanoi.branch.certify;

import vn.hanoi.branch.testkit.pki.TestSigningPki;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CertifiedCopyTest {
    static final String BRANCH = "Chi nhánh số 5 – Trung tâm Phục vụ hành chính công Hà Nội";
    static final String DOSSIER = "000.00.05.H26-250512-0001";
    /** Now, to the second as the signature dictionary keeps it; certificates are valid now only. */
    static final Clock CLOCK = Clock.fixed(Instant.now().truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC);
    static final String TODAY = DateTimeFormatter.ofPattern("dd/MM/yyyy").format(CLOCK.instant().atZone(CertifiedCopy.HANOI));

    @TempDir
    static Path dir;
    static TestSigningPki pki;
    static BranchSigner signer;
    static byte[] original;
    static byte[] copy;

    @BeforeAll
    static void sign() throws Exception {
        pki = TestSigningPki.generate(BRANCH);
        char[] password = "mật khẩu thử".toCharArray();
        Path p12 = pki.writePkcs12(dir.resolve("branch.p12"), password);
        signer = BranchSigner.open(p12, password);
        original = SamplePdfs.result(3);
        copy = new CertifiedCopy(signer, BRANCH).withClock(CLOCK).certify(original, DOSSIER);
    }

    private static SignatureCheck check() {
        return new SignatureCheck(java.util.List.of(pki.root())).withClock(CLOCK);
    }

    @Test
    void signedCopyVerifies() {
        SignatureCheck.Result r = check().check(copy);

        assertThat(r.problems()).isEmpty();
        assertThat(r.details()).isEmpty();
        assertThat(r.valid()).isTrue();
        assertThat(r.signerName()).isEqualTo("TEST " + BRANCH);
        assertThat(r.signerCertificate()).isEqualTo(pki.signer());
        assertThat(r.claimedSigningTime()).isEqualTo(CLOCK.instant());
        assertThat(r.timestampTime()).isNull();
        assertThat(r.reason()).isEqualTo("Bản sao điện tử được chứng thực từ bản chính");
        assertThat(r.location()).isEqualTo(BRANCH);
    }

    @Test
    void originalBytesStayIntactAtTheStart() {
        assertThat(copy.length).isGreaterThan(original.length);
        assertThat(Arrays.copyOf(copy, original.length)).isEqualTo(original);
    }

    @Test
    void oneChangedByteInTheSignedRangeFailsTheSignature() {
        byte[] tampered = copy.clone();
        int at = indexOf(tampered, (SamplePdfs.MARKER + "1").getBytes(StandardCharsets.US_ASCII));
        assertThat(at).isPositive();
        tampered[at] = 'X'; // GIAY → XIAY: same length, still a well-formed PDF

        SignatureCheck.Result r = check().check(tampered);

        assertThat(r.valid()).isFalse();
        assertThat(r.problems()).containsExactly(SignatureCheck.Problem.SIGNATURE_INVALID);
    }

    @Test
    void aChangeSavedAfterSigningIsReported() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PDDocument doc = Loader.loadPDF(copy)) {
            PDPage page = doc.getPage(0);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 20);
                cs.newLineAtOffset(72, 400);
                cs.showText("VOID");
                cs.endText();
            }
            doc.saveIncremental(out);
        }

        SignatureCheck.Result r = check().check(out.toByteArray());

        assertThat(r.problems()).containsExactly(SignatureCheck.Problem.MODIFIED_AFTER_SIGNING);
    }

    @Test
    void anotherTrustAnchorDoesNotChain() {
        TestSigningPki stranger = TestSigningPki.generate("Somewhere else");

        SignatureCheck.Result r = new SignatureCheck(java.util.List.of(stranger.root())).withClock(CLOCK).check(copy);

        assertThat(r.problems()).containsExactly(SignatureCheck.Problem.CHAIN_UNTRUSTED);
        assertThat(r.signerCertificate()).isEqualTo(pki.signer());
    }

    @Test
    void anUnsignedPdfIsNotSigned() {
        assertThat(check().check(original).problems()).containsExactly(SignatureCheck.Problem.NOT_SIGNED);
        assertThat(check().check("not a pdf".getBytes(StandardCharsets.US_ASCII)).problems())
                .containsExactly(SignatureCheck.Problem.UNREADABLE);
    }

    @Test
    void stampTextIsOnEveryPageExactlyAsWritten() throws Exception {
        String expected = "BẢN SAO ĐIỆN TỬ CHỨNG THỰC TỪ BẢN CHÍNH – " + BRANCH + " – " + TODAY + " – mã hồ sơ " + DOSSIER;
        assertThat(Normalizer.isNormalized(expected, Normalizer.Form.NFC)).isTrue();
        assertThat(new CertifiedCopy(signer, BRANCH).withClock(CLOCK).stampText(DOSSIER)).isEqualTo(expected);

        try (PDDocument doc = Loader.loadPDF(copy)) {
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                String text = stripper.getText(doc);
                assertThat(text.lines()).as("page %d", p).contains(expected);
                // The original's own line reads top to bottom on the landscape page: compare it without line breaks.
                assertThat(text.replaceAll("\\R", "")).contains(SamplePdfs.MARKER + p);
                assertThat(Normalizer.isNormalized(text, Normalizer.Form.NFC)).isTrue();
            }
        }
    }

    @Test
    void decomposedInputIsStampedAsPrecomposedLetters() throws Exception {
        String nfd = Normalizer.normalize(BRANCH, Normalizer.Form.NFD);
        assertThat(nfd).isNotEqualTo(BRANCH);

        byte[] c = new CertifiedCopy(signer, nfd).withClock(CLOCK).certify(original, DOSSIER);

        try (PDDocument doc = Loader.loadPDF(c)) {
            assertThat(new PDFTextStripper().getText(doc)).contains(" – " + BRANCH + " – ");
        }
    }

    @Test
    void copyOpensWithTheOriginalsPagesAndIsACertificationSignature() throws Exception {
        try (PDDocument before = Loader.loadPDF(original); PDDocument doc = Loader.loadPDF(copy)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(before.getNumberOfPages()).isEqualTo(3);
            assertThat(doc.getPage(1).getRotation()).isEqualTo(90);

            PDSignature sig = doc.getLastSignatureDictionary();
            assertThat(sig.getFilter()).isEqualTo("Adobe.PPKLite");
            assertThat(sig.getSubFilter()).isEqualTo("ETSI.CAdES.detached");
            assertThat(sig.getSignDate().toInstant()).isEqualTo(CLOCK.instant());

            COSDictionary perms = doc.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.PERMS);
            assertThat(perms).isNotNull();
            COSDictionary docMdp = perms.getCOSDictionary(COSName.DOCMDP);
            assertThat(docMdp.getCOSName(COSName.SUB_FILTER).getName()).isEqualTo("ETSI.CAdES.detached");
            assertThat(docMdp.getDictionaryObject(COSName.CONTENTS)).isEqualTo(sig.getCOSObject().getDictionaryObject(COSName.CONTENTS));
            COSDictionary transform = ((COSDictionary) docMdp.getCOSArray(COSName.REFERENCE).getObject(0))
                    .getCOSDictionary(COSName.TRANSFORM_PARAMS);
            assertThat(transform.getInt(COSName.P)).isEqualTo(2);
        }
    }

    @Test
    void anAlreadySignedOriginalGetsAnApprovalSignatureBesideItsOwn() throws Exception {
        byte[] again = new CertifiedCopy(signer, BRANCH).withClock(CLOCK).certify(copy, "000.00.05.H26-250512-0002");

        assertThat(check().check(again).valid()).isTrue();
        try (PDDocument doc = Loader.loadPDF(again)) {
            assertThat(doc.getSignatureDictionaries()).hasSize(2);
        }
    }

    @Test
    void rsaKeysSignToo() throws Exception {
        TestSigningPki rsa = TestSigningPki.builder("Chi nhánh RSA").rsa().build();
        char[] pw = "x".toCharArray();
        BranchSigner s = BranchSigner.open(rsa.writePkcs12(dir.resolve("rsa.p12"), pw), pw);

        byte[] c = new CertifiedCopy(s, "Chi nhánh RSA").certify(original, DOSSIER);

        assertThat(new SignatureCheck(java.util.List.of(rsa.root())).check(c).problems()).isEmpty();
    }

    @Test
    void timestamperMakesItBT() throws Exception {
        TestTsa tsa = new TestTsa(pki);

        byte[] c = new CertifiedCopy(signer, BRANCH).withTimestamper(tsa).certify(original, DOSSIER);
        SignatureCheck.Result r = check().check(c);

        assertThat(tsa.calls).hasValue(1);
        assertThat(r.problems()).isEmpty();
        assertThat(r.timestampTime()).isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(1, ChronoUnit.MINUTES));
    }

    @Test
    void aTimestampOverOtherDataIsRefused() throws Exception {
        TestTsa tsa = new TestTsa(pki);
        Timestamper wrong = value -> tsa.timestampToken(new byte[] {1, 2, 3});

        byte[] c = new CertifiedCopy(signer, BRANCH).withTimestamper(wrong).certify(original, DOSSIER);

        assertThat(check().check(c).problems()).containsExactly(SignatureCheck.Problem.TIMESTAMP_INVALID);
    }

    @Test
    void longBranchNamesWrapInsteadOfRunningOffThePage() throws Exception {
        String longName = "Chi nhánh Trung tâm Phục vụ hành chính công thành phố Hà Nội tại quận Nam Từ Liêm, "
                + "điểm tiếp nhận và trả kết quả số 2 (khu đô thị mới)";

        byte[] c = new CertifiedCopy(signer, longName).withClock(CLOCK).certify(original, DOSSIER);

        try (PDDocument doc = Loader.loadPDF(c)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains(longName).contains("mã hồ sơ " + DOSSIER);
        }
        assertThat(check().check(c).valid()).isTrue();
    }

    @Test
    void pathsInPathsOut() throws Exception {
        Path in = Files.write(dir.resolve("ket-qua.pdf"), original);
        Path out = dir.resolve("ket-qua-ban-sao.pdf");

        new CertifiedCopy(signer, BRANCH).certify(in, out, DOSSIER);

        assertThat(check().check(out).valid()).isTrue();
        assertThatThrownBy(() -> new CertifiedCopy(signer, BRANCH).certify(in, in, DOSSIER))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Files.readAllBytes(in)).isEqualTo(original);
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
