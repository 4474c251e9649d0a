package vn.hanoi.branch.agent.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hanoi.branch.agent.testing.AgentProcess;
import vn.hanoi.branch.api.DeviceKind;
import vn.hanoi.branch.api.Ticket;
import vn.hanoi.branch.client.AgentException;
import vn.hanoi.branch.client.AgentLink;
import vn.hanoi.branch.client.KioskClient;

/**
 * A writer thread killed by an Error, in a real agent process: health turns red within seconds, writes are
 * refused with a clear message instead of hanging, the process exits with status 70 so that the service
 * manager (systemd Restart=always, WinSW onfailure restart) starts it again, and the restarted agent has every
 * acknowledged ticket and numbers on without a gap.
 */
class WriterLossTest {
    @TempDir
    Path dir;

    @Test
    void aDeadWriterTurnsHealthRedAndTheAgentExitsForARestartThatLosesNothing() throws Exception {
        AgentProcess prepared = AgentProcess.prepare(dir);
        String code = prepared.pairingCode(DeviceKind.KIOSK);
        String base = prepared.baseUrl();
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), WriterLossProcess.class.getName())
                .redirectErrorStream(true).redirectOutput(dir.resolve("agent.log").toFile());
        pb.environment().put("BRANCH_AGENT_DB_PATH", prepared.dbFile().toString());
        pb.environment().put("BRANCH_AGENT_HTTP_HOST", "127.0.0.1");
        pb.environment().put("BRANCH_AGENT_HTTP_PORT", base.substring(base.lastIndexOf(':') + 1));
        Process child = pb.start();
        try {
            AgentLink link = AgentLink.builder(base).connectTimeout(Duration.ofMillis(500)).readTimeout(Duration.ofSeconds(5))
                    .build();
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> link.health().database());
            String token = link.pair(code, "kiosk").token();
            KioskClient kiosk = link.kiosk(token);
            List<Ticket> acknowledged = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                acknowledged.add(kiosk.issueTicket(1, UUID.randomUUID().toString()));
            }

            try (OutputStream in = child.getOutputStream()) {
                long t0 = System.nanoTime();
                in.write("inject\n".getBytes(StandardCharsets.UTF_8));
                in.flush();
                await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20)).until(() -> {
                    try {
                        link.health();
                        return false;
                    } catch (AgentException e) {
                        return e.status() == 503 || e.isUnreachable();
                    }
                });
                System.out.printf("writer lost: health red %d ms after the injected Error%n", (System.nanoTime() - t0) / 1_000_000);
                assertThat(child.waitFor(20, TimeUnit.SECONDS)).as("the agent exits for its service manager").isTrue();
                assertThat(child.exitValue()).isEqualTo(70);
            }
            assertThat(Files.readString(dir.resolve("agent.log"))).contains("the database writer thread died")
                    .contains("exiting with status 70");

            // What the service manager does next: start it again. Everything acknowledged is there, numbering goes on.
            try (AgentProcess restarted = prepared) {
                restarted.start();
                kiosk = AgentLink.to(base).kiosk(token); // a new connection: the old one died with the process
                Ticket next = kiosk.issueTicket(1, UUID.randomUUID().toString());
                assertThat(next.seq()).isEqualTo(acknowledged.size() + 1);
                for (Ticket t : acknowledged) {
                    assertThat(kiosk.ticket(t.id()).displayNumber()).isEqualTo(t.displayNumber());
                }
            }
        } finally {
            child.destroyForcibly();
            child.waitFor();
        }
    }
}
