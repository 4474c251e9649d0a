package vn.hanoi.branch.agent.scan;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hanoi.branch.files.DurableFiles;
import vn.hanoi.branch.agent.testing.TestAgent;
import vn.hanoi.branch.pdf.DocumentMeta;
import vn.hanoi.branch.pdf.PdfAWriter;
import vn.hanoi.branch.scan.ScanSettings;
import vn.hanoi.branch.testkit.scan.SimulatedPages;
import vn.hanoi.branch.api.DeviceKind;
import vn.hanoi.branch.api.Dossiers;
import vn.hanoi.branch.api.Role;
import vn.hanoi.branch.api.Scans;
import vn.hanoi.branch.client.DeskClient;
import vn.hanoi.branch.client.AgentException;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Storing digitized documents on the agent over HTTP: verified hash, idempotent retry, audited reads, bad input. */
class ScanApiTest {
    private static final Dossiers.Applicant APPLICANT = new Dossiers.Applicant("Phạm Văn Thử", "001090000001",
            LocalDate.of(1990, 1, 1), "0900000001", "Số 1 phố Mẫu, Hà Nội");

    @TempDir
    Path dir;

    private TestAgent agent;
    private DeskClient clerk;
    private Dossiers.Dossier dossier;
    private String docType;

    @BeforeEach
    void start() {
        agent = TestAgent.start(Map.of("documents.dir", dir.resolve("documents").toString(),
                "http.max.document.bytes", "2000000"));
        clerk = agent.deskClient();
        dossier = clerk.receiveDossier(new Dossiers.Reception(null, "1.004194", APPLICANT, List.of(), 0, null, false));
        docType = clerk.procedures().stream().filter(p -> p.code().equals("1.004194")).findFirst().orElseThrow()
                .documents().getFirst().code();
    }

    @AfterEach
    void stop() {
        agent.close();
    }

    private byte[] pdfA(long seed) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PdfAWriter(0.6f).write(List.of(SimulatedPages.render(SimulatedPages.Kind.TEXT, 100, ScanSettings.ColorMode.GRAY,
                        0, seed)), ScanSettings.ColorMode.GRAY, 100,
                new DocumentMeta(dossier.code(), docType, null, TestAgent.CLERK, Instant.parse("2025-06-05T02:30:00Z")), out);
        return out.toByteArray();
    }

    private long rows(String where) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + agent.databaseFile());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM content_file WHERE " + where)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private long personalDataReads() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + agent.databaseFile());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM audit_log WHERE action = 'personal_data.read' "
                     + "AND entity = 'dossier' AND entity_id = '" + dossier.id() + "' AND detail LIKE 'scanned document%'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aDocumentIsStoredWithItsHashQueuedForUploadAndReadBackIntact() throws Exception {
        byte[] pdf = pdfA(1);
        String sha = DurableFiles.sha256Hex(pdf);
        Scans.StoredDocument stored = clerk.storeScan(dossier.id(), docType, pdf, sha);
        assertThat(stored.sha256()).isEqualTo(sha);
        assertThat(stored.bytes()).isEqualTo(pdf.length);
        assertThat(stored.documentType()).isEqualTo(docType);
        assertThat(stored.uploaded()).isFalse();

        // One row, kind SCAN, queued for upload (city_confirmed_at NULL), pointing to a whole file with that hash.
        assertThat(rows("dossier_id = " + dossier.id() + " AND kind = 'SCAN' AND city_confirmed_at IS NULL AND sha256 = '"
                + sha + "'")).isEqualTo(1);
        Path file = dir.resolve("documents/store").resolve(sha.substring(0, 2)).resolve(sha + ".pdf");
        assertThat(DurableFiles.sha256Hex(Files.readAllBytes(file))).isEqualTo(sha);

        assertThat(clerk.scans(dossier.id())).containsExactly(stored);
        assertThat(personalDataReads()).isZero(); // the list holds no personal data
        assertThat(clerk.scan(dossier.id(), stored.id())).isEqualTo(pdf);
        assertThat(personalDataReads()).isEqualTo(1);
    }

    @Test
    void aRetryWithTheSameHashGivesTheSameDocumentAndNoSecondRow() throws Exception {
        byte[] pdf = pdfA(2);
        String sha = DurableFiles.sha256Hex(pdf);
        Scans.StoredDocument first = clerk.storeScan(dossier.id(), docType, pdf, sha);
        HttpResponse<String> again = post(dossier.id(), docType, sha, "application/pdf", pdf, clerkToken());
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("\"id\":" + first.id());
        assertThat(clerk.storeScan(dossier.id(), docType, pdf, sha)).isEqualTo(first);
        assertThat(rows("dossier_id = " + dossier.id())).isEqualTo(1);

        // A rescanned document (other bytes) is a new version beside the first.
        byte[] rescan = pdfA(3);
        Scans.StoredDocument second = clerk.storeScan(dossier.id(), docType, rescan, DurableFiles.sha256Hex(rescan));
        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(clerk.scans(dossier.id())).containsExactly(first, second);
    }

    @Test
    void retriesRacingEachOtherStillMakeOneRow() throws Exception {
        byte[] pdf = pdfA(7);
        String sha = DurableFiles.sha256Hex(pdf);
        List<DeskClient> clients = List.of(clerk, agent.deskClient(), agent.deskClient(), agent.deskClient());
        // Four counters (or four retries of one) send the same document at the same moment.
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(clients.size())) {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Scans.StoredDocument>> answers = new java.util.ArrayList<>();
            for (DeskClient c : clients) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return c.storeScan(dossier.id(), docType, pdf, sha);
                }));
            }
            go.countDown();
            java.util.Set<Long> ids = new java.util.HashSet<>();
            for (var a : answers) {
                ids.add(a.get().id());
            }
            assertThat(ids).hasSize(1);
        }
        assertThat(rows("dossier_id = " + dossier.id())).isEqualTo(1);
    }

    @Test
    void aBodyThatDoesNotMatchItsHashIsRefusedAndNothingIsKept() throws Exception {
        byte[] pdf = pdfA(4);
        String sha = DurableFiles.sha256Hex(pdf);
        byte[] damaged = pdf.clone();
        damaged[damaged.length / 2] ^= 0x01;
        assertThatThrownBy(() -> clerk.storeScan(dossier.id(), docType, damaged, sha))
                .isInstanceOfSatisfying(AgentException.class, e -> {
                    assertThat(e.error().status()).isEqualTo(400);
                    assertThat(e.error().code()).isEqualTo("hash_mismatch");
                    assertThat(e.error().messageVi()).contains("không khớp");
                    assertThat(e.error().messageEn()).contains("does not match");
                });
        assertThat(rows("1 = 1")).isZero();
        Path store = dir.resolve("documents/store");
        if (Files.exists(store)) {
            try (var files = Files.walk(store)) {
                assertThat(files.filter(Files::isRegularFile).toList()).isEmpty();
            }
        }
    }

    @Test
    void badInputIsRefusedInBothLanguages() throws Exception {
        byte[] pdf = pdfA(5);
        String sha = DurableFiles.sha256Hex(pdf);
        assertThat(code(() -> clerk.storeScan(dossier.id(), "NOT_ON_THE_LIST", pdf, sha))).isEqualTo("not_in_checklist");
        assertThat(code(() -> clerk.storeScan(dossier.id(), "bad type/..", pdf, sha))).isEqualTo("bad_document_type");
        assertThat(code(() -> clerk.storeScan(999_999, docType, pdf, sha))).isEqualTo("unknown_dossier");
        assertThat(code(() -> clerk.storeScan(dossier.id(), docType, pdf, "abc"))).isEqualTo("missing_hash");
        byte[] plain = plainPdf();
        assertThat(code(() -> clerk.storeScan(dossier.id(), docType, plain, DurableFiles.sha256Hex(plain)))).isEqualTo("not_pdfa");
        byte[] text = "không phải PDF".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(code(() -> clerk.storeScan(dossier.id(), docType, text, DurableFiles.sha256Hex(text)))).isEqualTo("not_a_pdf");
        assertThat(code(() -> clerk.scan(dossier.id(), 12345))).isEqualTo("unknown_document");

        byte[] small = "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        HttpResponse<String> json = post(dossier.id(), docType, DurableFiles.sha256Hex(small), "application/json", small,
                clerkToken());
        assertThat(json.statusCode()).isEqualTo(415);
        assertThat(json.body()).contains("not_a_pdf");
        byte[] big = new byte[2_000_001];
        HttpResponse<String> tooBig = post(dossier.id(), docType, DurableFiles.sha256Hex(big), "application/pdf", big, clerkToken());
        assertThat(tooBig.statusCode()).isEqualTo(413);
        assertThat(tooBig.body()).contains("body_too_large");
        assertThat(rows("1 = 1")).isZero();
    }

    @Test
    void onlyStaffMayStoreOrRead() throws Exception {
        byte[] pdf = pdfA(6);
        String sha = DurableFiles.sha256Hex(pdf);
        assertThat(post(dossier.id(), docType, sha, "application/pdf", pdf, null).statusCode()).isEqualTo(401);
        // A kiosk's client has no such calls: its token, sent by hand, is refused.
        String kiosk = agent.pair(DeviceKind.KIOSK).token();
        assertThat(post(dossier.id(), docType, sha, "application/pdf", pdf, kiosk).statusCode()).isEqualTo(403);
        assertThat(agent.status("GET", "/api/v1/dossiers/" + dossier.id() + "/scans", kiosk)).isEqualTo(403);
        assertThat(rows("1 = 1")).isZero();
    }

    private static String code(Runnable call) {
        try {
            call.run();
        } catch (AgentException e) {
            assertThat(e.error().messageVi()).isNotBlank();
            assertThat(e.error().messageEn()).isNotBlank();
            return e.error().code();
        }
        throw new AssertionError("the agent accepted it");
    }

    private static byte[] plainPdf() throws Exception {
        try (var doc = new org.apache.pdfbox.pdmodel.PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            doc.save(out);
            return out.toByteArray();
        }
    }

    private String clerkToken() {
        return agent.sessionToken(Role.CLERK);
    }

    private HttpResponse<String> post(long dossierId, String type, String sha, String contentType, byte[] body, String token)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(agent.baseUrl() + "/api/v1/dossiers/" + dossierId + "/scans"))
                .header("Content-Type", contentType).header(Scans.DOCUMENT_TYPE_HEADER, type).header(Scans.SHA256_HEADER, sha)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
