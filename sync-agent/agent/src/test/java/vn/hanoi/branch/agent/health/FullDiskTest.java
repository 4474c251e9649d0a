package vn.hanoi.branch.agent.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.hanoi.branch.agent.db.Database;
import vn.hanoi.branch.agent.testing.ApiErrors;
import vn.hanoi.branch.agent.testing.BusyBranch;
import vn.hanoi.branch.agent.testing.TestAgent;
import vn.hanoi.branch.api.Dossiers;
import vn.hanoi.branch.api.Health;
import vn.hanoi.branch.api.Ticket;
import vn.hanoi.branch.client.AgentException;
import vn.hanoi.branch.client.DeskClient;
import vn.hanoi.branch.client.KioskClient;
import vn.hanoi.branch.files.DurableFiles;

/**
 * The agent on a small volume of its own (a tmpfs the test mounts: CI runs as root) that fills up while
 * kiosks issue and a clerk scans: below the free-space floor scans are refused and tickets go on; when the disk
 * is really full tickets are refused with a clear message; nothing acknowledged is lost, numbering has no gap,
 * and the agent works again by itself once space returns.
 */
class FullDiskTest {
    private static final long FLOOR_MB = 8;

    private Path volume;
    private TestAgent agent;
    private final List<Ticket> acknowledged = new ArrayList<>();

    @BeforeEach
    void mountSmallVolume() throws Exception {
        volume = Files.createTempDirectory("full-disk");
        run("mount", "-t", "tmpfs", "-o", "size=40m", "tmpfs", volume.toString());
        agent = TestAgent.startIn(volume, Map.of("documents.dir", volume.resolve("documents").toString(),
                "disk.free.floor.mb", Long.toString(FLOOR_MB), "health.probe.seconds", "1",
                "http.max.document.bytes", "4000000"), Clock.systemUTC());
    }

    @AfterEach
    void unmount() throws Exception {
        if (agent != null) {
            agent.close();
        }
        run("umount", "--lazy", volume.toString()); // lazy: also when a failed start left a file open, no mount stays
        Files.deleteIfExists(volume);
    }

    @Test
    void scansStopAtTheFloorTicketsAtAFullDiskNothingAcknowledgedIsLostAndTheAgentRecovers() throws Exception {
        KioskClient kiosk = agent.kioskClient();
        DeskClient clerk = agent.deskClient();
        Dossiers.Dossier dossier = clerk.receiveDossier(new Dossiers.Reception(null, "1.004194", new Dossiers.Applicant(
                "Phạm Văn Thử", "001090000001", LocalDate.of(1990, 1, 1), "0900000001", "Số 1 phố Mẫu, Hà Nội"),
                List.of(), 0, null, false));
        String docType = clerk.procedures().stream().filter(p -> p.code().equals("1.004194")).findFirst().orElseThrow()
                .documents().getFirst().code();
        issue(kiosk, 20);
        byte[] first = BusyBranch.scannedPage(dossier.code(), docType, 1, 100);
        clerk.storeScan(dossier.id(), docType, first, DurableFiles.sha256Hex(first));

        // 1. Below the floor: scans refused with the clerk's message, tickets go on, health tells IT why.
        Path ballast = volume.resolve("ballast.bin");
        fill(ballast, free() - (FLOOR_MB - 3) * 1024 * 1024);
        byte[] second = BusyBranch.scannedPage(dossier.code(), docType, 2, 100);
        assertThatThrownBy(() -> clerk.storeScan(dossier.id(), docType, second, DurableFiles.sha256Hex(second)))
                .isInstanceOfSatisfying(AgentException.class, e -> ApiErrors.assertError(e.error(), 507, "disk_low"));
        issue(kiosk, 20);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Health h = agent.link().health();
            assertThat(h.status()).isEqualTo("warning");
            assertThat(h.problems()).extracting(Health.Problem::code).contains("disk_low");
        });

        // 2. The disk really full: tickets go on while SQLite still has room (its WAL), then are refused clearly.
        fill(volume.resolve("ballast-2.bin"), Long.MAX_VALUE);
        AgentException refused = null;
        for (int i = 0; i < 5_000 && refused == null; i++) {
            try {
                acknowledged.add(kiosk.issueTicket(1, UUID.randomUUID().toString()));
            } catch (AgentException e) {
                refused = e;
            }
        }
        assertThat(refused).as("a full disk must end in a refusal, not in endless success").isNotNull();
        ApiErrors.assertError(refused.error(), 503, "disk_full");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThatThrownBy(() -> agent.link().health()).isInstanceOf(AgentException.class));

        // 3. Space returns: the agent works again by itself.
        Files.delete(volume.resolve("ballast-2.bin"));
        Files.delete(ballast);
        long t0 = System.nanoTime();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
            try {
                acknowledged.add(kiosk.issueTicket(1, UUID.randomUUID().toString()));
                return true;
            } catch (AgentException e) {
                return false;
            }
        });
        long firstTicketMs = (System.nanoTime() - t0) / 1_000_000;
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> "ok".equals(agent.link().health().status()));
        System.out.printf("full disk: first ticket %d ms after space returned, health ok after %d ms%n", firstTicketMs,
                (System.nanoTime() - t0) / 1_000_000);
        clerk.storeScan(dossier.id(), docType, second, DurableFiles.sha256Hex(second));
        issue(kiosk, 5);

        // Nothing acknowledged lost, no number twice, no gap: in the file, after a clean stop.
        agent.agent().close(); // the agent only: the test agent's close would delete the files
        agent = null; // the volume goes with the unmount
        Path db = volume.resolve("branch.db");
        Database.checkIntegrity(db);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*), count(DISTINCT seq), min(seq), max(seq) FROM ticket WHERE service_id = 1")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(acknowledged.size());
            assertThat(rs.getLong(2)).isEqualTo(acknowledged.size());
            assertThat(rs.getLong(3)).isEqualTo(1);
            assertThat(rs.getLong(4)).isEqualTo(acknowledged.size());
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM content_file WHERE kind = 'SCAN'")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(2);
        }
    }

    private void issue(KioskClient kiosk, int n) {
        for (int i = 0; i < n; i++) {
            acknowledged.add(kiosk.issueTicket(1, UUID.randomUUID().toString()));
        }
    }

    private long free() throws IOException {
        return Files.getFileStore(volume).getUsableSpace();
    }

    /** Writes zeros until {@code bytes} or the disk is full, whichever comes first. */
    private static void fill(Path file, long bytes) throws IOException {
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < bytes; written += block.length) {
                out.write(block, 0, (int) Math.min(block.length, bytes - written));
            }
        } catch (IOException full) {
            if (!String.valueOf(full.getMessage()).contains("No space left")) {
                throw full;
            }
        }
    }

    private static void run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed (the test mounts a tmpfs: run it as root): " + out);
        }
    }
}
