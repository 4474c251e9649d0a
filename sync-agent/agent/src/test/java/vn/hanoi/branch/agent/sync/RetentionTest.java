package vn.hanoi.branch.agent.sync;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import vn.hanoi.branch.agent.content.ContentStore;
import vn.hanoi.branch.agent.testing.SimulatedClock;
import vn.hanoi.branch.agent.testing.TestAgent;
import vn.hanoi.branch.agent.testing.TestCity;
import vn.hanoi.branch.api.DeviceKind;
import vn.hanoi.branch.api.Ticket;
import vn.hanoi.branch.client.DeskClient;
import vn.hanoi.branch.client.KioskClient;

/** Personal data and scans leave the branch the configured number of days after the city confirmed them, not before. */
@Timeout(60)
class RetentionTest {
    @Test
    void applicantDataAndScansAreDeletedDaysAfterTheCityConfirmedThem() throws Exception {
        Instant start = Instant.now();
        SimulatedClock clock = new SimulatedClock(start, ZoneId.of("Asia/Ho_Chi_Minh"));
        try (TestCity city = TestCity.start()) {
            Map<String, String> config = new HashMap<>(city.agentConfig());
            config.put("retention.days.after.confirmed", "30");
            try (TestAgent agent = TestAgent.start(config, clock)) {
                KioskClient kiosk = agent.kioskClient();
                DeskClient clerk = agent.deskClient();
                Ticket t = kiosk.issueTicket(2, UUID.randomUUID().toString());
                clerk.callNext(3);
                long dossierId = clerk.receiveDossier(CitySyncTest.reception(t.id())).id();
                ContentStore.Item scan = agent.agent().content().put("%PDF-1.7 scan of the ID card".getBytes(),
                        new ContentStore.Meta(dossierId, "SCAN", "CT01", "application/pdf", null));
                await("the city to confirm the dossier and the scan").atMost(Duration.ofMinutes(1))
                        .until(() -> confirmed(agent, "dossier", dossierId) && confirmed(agent, "content_file", scan.id()));

                // The city is now refusing everything: a scan made now stays unconfirmed and must survive retention.
                city.sim().faults().set(Map.of("errorRate", 1.0));
                ContentStore.Item unsent = agent.agent().content().put("%PDF-1.7 another scan".getBytes(),
                        new ContentStore.Meta(dossierId, "SCAN", "CT02", "application/pdf", null));

                clock.set(start.plus(Duration.ofDays(29)));
                assertThat(agent.agent().retention().run()).isEqualTo(new Retention.Result(0, 0));
                assertThat(applicant(agent, dossierId)).contains(CitySyncTest.APPLICANT.fullName());
                assertThat(Files.exists(agent.agent().content().file(scan))).isTrue();

                clock.set(start.plus(Duration.ofDays(31)));
                assertThat(agent.agent().retention().run()).isEqualTo(new Retention.Result(1, 1));
                assertThat(applicant(agent, dossierId)).isNull();
                ContentStore.Item after = agent.agent().content().find(scan.id()).orElseThrow();
                assertThat(after.deletedAt()).isNotNull();
                assertThat(Files.exists(agent.agent().content().dir().resolve(scan.path()))).isFalse();
                assertThat(Files.exists(agent.agent().content().file(unsent))).as("not confirmed: kept").isTrue();
                // The city still holds the scan; the dossier's code, state and history stay at the branch.
                assertThat(city.sim().uploads(TestCity.BRANCH)).anyMatch(u -> u.complete() && u.sha256().equals(scan.sha256()));
                assertThat(agent.agent().retention().run()).as("nothing twice").isEqualTo(new Retention.Result(0, 0));
                long oldSent = agent.agent().database().read(c -> {
                    try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM outbox WHERE sent_at IS NOT NULL "
                            + "AND sent_at < ?")) {
                        ps.setLong(1, start.plus(Duration.ofDays(1)).toEpochMilli());
                        try (ResultSet rs = ps.executeQuery()) {
                            rs.next();
                            return rs.getLong(1);
                        }
                    }
                });
                assertThat(oldSent).as("outbox rows the city took a month ago are pruned").isZero();
            }
        }
    }

    private static boolean confirmed(TestAgent agent, String table, long id) {
        return agent.agent().database().read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT city_confirmed_at FROM " + table + " WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    rs.getLong(1);
                    return !rs.wasNull();
                }
            }
        });
    }

    private static String applicant(TestAgent agent, long dossierId) {
        return agent.agent().database().read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT applicant FROM dossier WHERE id = ?")) {
                ps.setLong(1, dossierId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
    }
}
