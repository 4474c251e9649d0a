package vn.hanoi.branch.agent.ticket;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hanoi.branch.agent.testing.AgentProcess;
import vn.hanoi.branch.api.DeviceKind;
import vn.hanoi.branch.api.Ticket;
import vn.hanoi.branch.client.AgentLink;
import vn.hanoi.branch.client.AgentException;
import vn.hanoi.branch.client.KioskClient;

/**
 * Durability: the agent process is SIGKILLed in the middle of a stream of issue requests, 20 times.
 * After each restart every acknowledged ticket must be there unchanged, numbering must continue with
 * no gap and no duplicate, and a request whose answer was lost must, when retried with its key, give
 * back the ticket it created (if any) rather than a second one.
 */
class KillDuringIssueTest {
    private static final int KILLS = 20;
    private static final int KIOSKS = 4;
    private static final long[] SERVICES = {1, 2};

    @TempDir
    Path dir;

    @Test
    void acknowledgedTicketsSurviveKillAndNumberingHasNoGap() throws Exception {
        Map<String, Ticket> acknowledged = new ConcurrentHashMap<>();
        Map<String, Long> unanswered = new ConcurrentHashMap<>(); // key -> service, answer lost in a kill
        Random random = new Random(42);
        List<String> tokens = new ArrayList<>();

        try (AgentProcess agent = AgentProcess.prepare(dir)) {
            List<String> codes = new ArrayList<>();
            for (int i = 0; i < KIOSKS; i++) {
                codes.add(agent.pairingCode(DeviceKind.KIOSK));
            }
            agent.start();
            for (String code : codes) {
                tokens.add(AgentLink.to(agent.baseUrl()).pair(code, "kiosk").token());
            }

            for (int round = 0; round < KILLS; round++) {
                AtomicBoolean stop = new AtomicBoolean();
                ExecutorService pool = Executors.newFixedThreadPool(KIOSKS);
                List<Future<?>> workers = new ArrayList<>();
                for (int k = 0; k < KIOSKS; k++) {
                    KioskClient client = client(agent, tokens.get(k));
                    int kiosk = k;
                    long service = SERVICES[k % SERVICES.length];
                    workers.add(pool.submit(() -> {
                        while (!stop.get()) {
                            String key = UUID.randomUUID().toString();
                            unanswered.put(key + "@" + kiosk, service);
                            try {
                                Ticket t = client.issueTicket(service, key);
                                acknowledged.put(key + "@" + kiosk, t);
                                unanswered.remove(key + "@" + kiosk);
                            } catch (AgentException e) {
                                if (!e.isUnreachable()) {
                                    throw e;
                                }
                                return null; // the agent is gone: this key's fate is checked after restart
                            }
                        }
                        return null;
                    }));
                }
                // the kill lands after a random number of acknowledged tickets, while requests are in flight
                int target = acknowledged.size() + 5 + random.nextInt(40);
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(1))
                        .until(() -> acknowledged.size() >= target);
                agent.kill();
                stop.set(true);
                for (Future<?> w : workers) {
                    w.get(30, TimeUnit.SECONDS);
                }
                pool.shutdown();

                agent.start();
                verifyAcknowledged(agent.dbFile(), acknowledged);
                resolveUnanswered(agent, tokens, acknowledged, unanswered);
                verifyNumbering(agent.dbFile());
            }
        }
        assertThat(acknowledged).hasSizeGreaterThan(KILLS * 5);
    }

    private static KioskClient client(AgentProcess agent, String token) {
        return AgentLink.builder(agent.baseUrl()).connectTimeout(Duration.ofSeconds(1)).readTimeout(Duration.ofSeconds(5))
                .build().kiosk(token);
    }

    private static void verifyAcknowledged(Path db, Map<String, Ticket> acked) throws Exception {
        Map<Long, String> stored = new HashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT id, service_id, seq, display_number FROM ticket")) {
            while (rs.next()) {
                stored.put(rs.getLong(1), rs.getLong(2) + "/" + rs.getInt(3) + "/" + rs.getString(4));
            }
        }
        for (Ticket t : acked.values()) {
            assertThat(stored.get(t.id())).as("acknowledged ticket %s", t.id())
                    .isEqualTo(t.serviceId() + "/" + t.seq() + "/" + t.displayNumber());
        }
    }

    /** A retry with the same key returns the ticket the lost request created, or creates it now. */
    private static void resolveUnanswered(AgentProcess agent, List<String> tokens, Map<String, Ticket> acked,
                                          Map<String, Long> unanswered) {
        for (var e : Map.copyOf(unanswered).entrySet()) {
            String[] keyAndKiosk = e.getKey().split("@");
            KioskClient c = client(agent, tokens.get(Integer.parseInt(keyAndKiosk[1])));
            Ticket first = c.issueTicket(e.getValue(), keyAndKiosk[0]);
            Ticket again = c.issueTicket(e.getValue(), keyAndKiosk[0]);
            assertThat(again.id()).isEqualTo(first.id());
            acked.put(e.getKey(), first);
            unanswered.remove(e.getKey());
        }
    }

    /** Per service and day the numbers are exactly 1..N. */
    private static void verifyNumbering(Path db) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT service_id, business_day, count(*), count(DISTINCT seq), min(seq), "
                     + "max(seq) FROM ticket WHERE transferred_from IS NULL GROUP BY service_id, business_day")) {
            Map<Long, Integer> seen = new HashMap<>();
            while (rs.next()) {
                int count = rs.getInt(3);
                assertThat(rs.getInt(4)).as("distinct numbers").isEqualTo(count);
                assertThat(rs.getInt(5)).as("first number").isEqualTo(1);
                assertThat(rs.getInt(6)).as("last number = count (no gap)").isEqualTo(count);
                seen.put(rs.getLong(1), count);
            }
            assertThat(seen).isNotEmpty();
        }
    }
}
