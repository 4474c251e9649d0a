package vn.hanoi.branch.agent.dossier;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hanoi.branch.agent.testing.TestAgent;
import vn.hanoi.branch.certify.SignatureCheck;
import vn.hanoi.branch.agent.backup.Backups;
import vn.hanoi.branch.agent.backup.Restore;
import vn.hanoi.branch.testkit.pki.TestSigningPki;
import vn.hanoi.branch.api.Dossiers;
import vn.hanoi.branch.api.Dossiers.State;
import vn.hanoi.branch.client.DeskClient;
import vn.hanoi.branch.client.AgentException;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Results: the certified electronic copy signed by the branch, and the hand-over at the counter or home. */
class DossierResultApiTest {
    private static final char[] PASSWORD = "test-only-password".toCharArray();

    @TempDir
    Path dir;

    private TestSigningPki pki;
    private TestAgent agent;
    private DeskClient clerk;

    @BeforeEach
    void start() throws Exception {
        pki = TestSigningPki.generate("Chi nhánh số 1");
        Path p12 = pki.writePkcs12(dir.resolve("branch.p12"), PASSWORD);
        Path pw = TestSigningPki.writePasswordFile(dir.resolve("branch.pw"), PASSWORD);
        agent = TestAgent.start(Map.of("certify.pkcs12", p12.toString(), "certify.password.file", pw.toString(),
                "documents.dir", dir.resolve("documents").toString()));
        clerk = agent.deskClient();
    }

    @AfterEach
    void stop() {
        agent.close();
    }

    private Dossiers.Dossier readyDossier() {
        Dossiers.Dossier d = clerk.receiveDossier(new Dossiers.Reception(null, "1.004194", DossierApiTest.APPLICANT,
                List.of(), 20_000, null, false));
        clerk.changeDossierState(d.id(), State.SENT_TO_DEPARTMENT, null, null);
        clerk.changeDossierState(d.id(), State.PROCESSING, null, null);
        clerk.changeDossierState(d.id(), State.RESULT_READY, null, null);
        return d;
    }

    private static byte[] resultPdf() throws Exception {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
                cs.newLineAtOffset(72, 700);
                cs.showText("Residence registration result (test document)");
                cs.endText();
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    @Test
    void theResultIsCertifiedSignedByTheBranchAndKeptIntact() throws Exception {
        Dossiers.Dossier d = readyDossier();
        byte[] original = resultPdf();
        Map<String, Object> stored = clerk.certifyCopy(d.id(), original);

        byte[] copy = clerk.certifiedCopy(d.id());
        assertThat(stored.get("bytes")).isEqualTo(copy.length);
        assertThat(clerk.dossier(d.id()).certifiedCopySha256()).isEqualTo(stored.get("sha256"));
        SignatureCheck.Result check = new SignatureCheck(List.of(pki.root())).check(copy);
        assertThat(check.valid()).as(check.problems().toString()).isTrue();
        assertThat(check.reason()).isEqualTo("Bản sao điện tử được chứng thực từ bản chính");
        assertThat(copy).startsWith(original); // an incremental update: the department's file is untouched
        try (PDDocument doc = Loader.loadPDF(copy)) {
            assertThat(new PDFTextStripper().getText(doc)).contains(d.code());
        }
        // What the agent keeps is the same file, in the content store (backed up and uploaded like a scan).
        String sha = (String) stored.get("sha256");
        assertThat(dir.resolve("documents").resolve("store").resolve(sha.substring(0, 2)).resolve(sha + ".pdf"))
                .hasBinaryContent(copy);
    }

    @Test
    void aCertifiedCopyIsBackedUpAndComesBackWithARestore() throws Exception {
        Dossiers.Dossier d = readyDossier();
        clerk.certifyCopy(d.id(), resultPdf());
        byte[] copy = clerk.certifiedCopy(d.id());
        Path store = dir.resolve("documents").resolve("store");
        Backups backups = new Backups(agent.databaseFile(), store, dir.resolve("backups"), 2);
        Backups.Result backup = backups.run(Instant.now());
        assertThat(backup.contentCopied()).isEqualTo(1);

        agent.restart(() -> {
            try (var files = Files.walk(store)) { // the documents disk is replaced by an empty one
                for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
            assertThat(Restore.run(backup.database(), agent.databaseFile(), store, backups.contentMirror(), Instant.now())
                    .contentRestored()).isEqualTo(1);
        });

        // the clerk's first call may meet the connection the old process left (the app retries as here)
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).ignoreExceptions()
                .until(() -> java.util.Arrays.equals(clerk.certifiedCopy(d.id()), copy));
    }

    @Test
    void handOverAtTheCounterOrHome() {
        Dossiers.Dossier atCounter = clerk.handOver(readyDossier().id(),
                new Dossiers.HandOver(Dossiers.HandOverMethod.COUNTER, null, null));
        assertThat(atCounter.state()).isEqualTo(State.RETURNED);
        assertThat(atCounter.trackingCode()).isNull();

        Dossiers.Dossier home = clerk.handOver(readyDossier().id(), new Dossiers.HandOver(Dossiers.HandOverMethod.HOME,
                "Số 8 phố Lý Thường Kiệt, Hà Nội", "0912345678"));
        assertThat(home.state()).isEqualTo(State.DELIVERED);
        assertThat(home.trackingCode()).matches("GH[A-Z2-9]{10}");
        assertThat(home.history().getLast().noteVi()).contains(home.trackingCode());

        assertThatThrownBy(() -> clerk.handOver(readyDossier().id(), new Dossiers.HandOver(Dossiers.HandOverMethod.HOME, " ", null)))
                .satisfies(e -> assertThat(((AgentException) e).error().code()).isEqualTo("missing_address"));
    }

    @Test
    void nothingToCertifyOrNotAPdfIsRefused() throws Exception {
        Dossiers.Dossier notReady = clerk.receiveDossier(new Dossiers.Reception(null, "1.004194", DossierApiTest.APPLICANT,
                List.of(), 0, null, false));
        assertThatThrownBy(() -> clerk.certifyCopy(notReady.id(), resultPdf()))
                .satisfies(e -> assertThat(((AgentException) e).error().code()).isEqualTo("no_result_yet"));
        assertThatThrownBy(() -> clerk.handOver(notReady.id(), new Dossiers.HandOver(Dossiers.HandOverMethod.COUNTER, null, null)))
                .satisfies(e -> assertThat(((AgentException) e).error().code()).isEqualTo("bad_dossier_move"));
        Dossiers.Dossier d = readyDossier();
        assertThatThrownBy(() -> clerk.certifyCopy(d.id(), "not a pdf".getBytes()))
                .satisfies(e -> assertThat(((AgentException) e).error().code()).isEqualTo("not_a_pdf"));
        assertThatThrownBy(() -> clerk.certifiedCopy(d.id()))
                .satisfies(e -> assertThat(((AgentException) e).error().code()).isEqualTo("no_copy"));
    }

    @Test
    void withoutASigningCertificateTheClerkIsToldToCallIt() throws Exception {
        try (TestAgent plain = TestAgent.start()) {
            DeskClient c = plain.deskClient();
            Dossiers.Dossier d = c.receiveDossier(new Dossiers.Reception(null, "1.004194", DossierApiTest.APPLICANT,
                    List.of(), 0, null, false));
            c.changeDossierState(d.id(), State.SENT_TO_DEPARTMENT, null, null);
            c.changeDossierState(d.id(), State.PROCESSING, null, null);
            c.changeDossierState(d.id(), State.RESULT_READY, null, null);
            assertThatThrownBy(() -> c.certifyCopy(d.id(), resultPdf()))
                    .satisfies(e -> {
                        var err = ((AgentException) e).error();
                        assertThat(err.status()).isEqualTo(503);
                        assertThat(err.messageVi()).contains("IT");
                    });
        }
    }
}
