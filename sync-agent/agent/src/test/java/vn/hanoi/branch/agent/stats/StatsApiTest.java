package vn.hanoi.branch.agent.stats;

import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.hanoi.branch.agent.testing.TestAgent;
import vn.hanoi.branch.api.CounterState;
import vn.hanoi.branch.api.DayStats;
import vn.hanoi.branch.api.DeviceKind;
import vn.hanoi.branch.api.Role;
import vn.hanoi.branch.api.Ticket;
import vn.hanoi.branch.client.DeskClient;
import vn.hanoi.branch.client.KioskClient;
import vn.hanoi.branch.client.SupervisorClient;
import vn.hanoi.branch.client.AgentException;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * GET /api/v1/stats/today over real HTTP, on a scripted day: tickets issued, called, served and
 * finished through the API, then their times set to known values so that every figure is exact.
 */
class StatsApiTest {
    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh"); // the demo branch's zone

    private TestAgent agent;
    private KioskClient kiosk;
    private DeskClient clerk;
    private SupervisorClient supervisor;

    @BeforeEach
    void start() {
        agent = TestAgent.start();
        kiosk = agent.kioskClient();
        clerk = agent.deskClient();
        supervisor = agent.supervisorClient();
    }

    @AfterEach
    void stop() {
        agent.close();
    }

    @Test
    void figuresOfAScriptedDay() {
        Ticket ht1 = issue(1);
        Ticket ht2 = issue(1);
        Ticket ht3 = issue(1);
        Ticket ht4 = issue(1);
        Ticket ct1 = issue(2);
        Ticket ct2 = issue(2);
        assertThat(clerk.callNext(1).id()).isEqualTo(ht1.id());
        clerk.finish(clerk.serve(ht1.id()).id());
        assertThat(clerk.callNext(1).id()).isEqualTo(ht2.id());
        clerk.finish(clerk.serve(ht2.id()).id());
        assertThat(clerk.callNext(1).id()).isEqualTo(ht3.id());
        clerk.noShow(ht3.id());
        assertThat(clerk.callNext(3).id()).isEqualTo(ct1.id());
        clerk.serve(ct1.id());
        clerk.setCounterState(2, CounterState.PAUSED, "Họp / Meeting");

        // Known times: waits 10, 20, 20 and 30 minutes; service 4 and 10 minutes.
        long now = System.currentTimeMillis();
        times(ht1, at(9, 0), at(9, 10), at(9, 11), at(9, 15));
        times(ht2, at(9, 5), at(9, 25), at(9, 26), at(9, 36));
        times(ht3, at(9, 20), at(9, 40), null, at(9, 42));
        times(ct1, at(10, 0), at(10, 30), at(10, 31), null);
        times(ht4, now - 600_000, null, null, null);
        times(ct2, now - 300_000, null, null, null);

        DayStats s = supervisor.statsToday();

        assertThat(s.businessDay()).isEqualTo(LocalDate.now(ZONE));
        assertThat(s.waiting()).isEqualTo(2);
        assertThat(s.servedToday()).isEqualTo(2);
        assertThat(s.avgWaitSeconds()).isCloseTo(1200.0, within(0.01));
        assertThat(s.avgServiceSeconds()).isCloseTo(420.0, within(0.01));

        DayStats.ServiceStats ht = service(s, "HT");
        assertThat(ht.waiting()).isEqualTo(1);
        assertThat(ht.longestWaitSeconds()).isBetween(600L, 630L);
        assertThat(ht.servedToday()).isEqualTo(2);
        assertThat(ht.avgWaitSeconds()).isCloseTo(1000.0, within(0.01));
        assertThat(ht.avgServiceSeconds()).isCloseTo(420.0, within(0.01));
        DayStats.ServiceStats ct = service(s, "CT");
        assertThat(ct.waiting()).isEqualTo(1);
        assertThat(ct.longestWaitSeconds()).isBetween(300L, 330L);
        assertThat(ct.servedToday()).isZero();
        assertThat(ct.avgWaitSeconds()).isCloseTo(1800.0, within(0.01));
        assertThat(ct.avgServiceSeconds()).isNull();
        DayStats.ServiceStats dd = service(s, "DD");
        assertThat(dd.waiting()).isZero();
        assertThat(dd.longestWaitSeconds()).isZero();
        assertThat(dd.avgWaitSeconds()).isNull();

        DayStats.CounterStats c1 = counter(s, 1);
        assertThat(c1.state()).isEqualTo(CounterState.OPEN);
        assertThat(c1.servedToday()).isEqualTo(2);
        assertThat(c1.currentNumber()).isNull();
        DayStats.CounterStats c2 = counter(s, 2);
        assertThat(c2.state()).isEqualTo(CounterState.PAUSED);
        assertThat(c2.reason()).isEqualTo("Họp / Meeting");
        DayStats.CounterStats c3 = counter(s, 3);
        assertThat(c3.currentNumber()).isEqualTo(ct1.displayNumber());
        assertThat(c3.servedToday()).isZero();

        Map<Integer, Integer> issued = new HashMap<>();
        issued.merge(9, 3, Integer::sum);
        issued.merge(10, 1, Integer::sum);
        issued.merge(Instant.ofEpochMilli(now - 600_000).atZone(ZONE).getHour(), 1, Integer::sum);
        issued.merge(Instant.ofEpochMilli(now - 300_000).atZone(ZONE).getHour(), 1, Integer::sum);
        Map<Integer, Integer> shownIssued = s.hourly().stream().filter(h -> h.issued() > 0)
                .collect(Collectors.toMap(DayStats.HourStats::hour, DayStats.HourStats::issued));
        assertThat(shownIssued).isEqualTo(issued);
        Map<Integer, Integer> shownServed = s.hourly().stream().filter(h -> h.served() > 0)
                .collect(Collectors.toMap(DayStats.HourStats::hour, DayStats.HourStats::served));
        assertThat(shownServed).isEqualTo(Map.of(9, 2));
        // Hours run without gaps from the first to the last with activity.
        for (int i = 1; i < s.hourly().size(); i++) {
            assertThat(s.hourly().get(i).hour()).isEqualTo(s.hourly().get(i - 1).hour() + 1);
        }

        Map<Integer, Integer> buckets = s.waitBuckets().stream().filter(b -> b.count() > 0)
                .collect(Collectors.toMap(DayStats.WaitBucket::fromMinutes, DayStats.WaitBucket::count));
        assertThat(buckets).isEqualTo(Map.of(10, 1, 20, 2, 30, 1));
    }

    @Test
    void onlySupervisorsMayRead() throws Exception {
        assertThatThrownBy(agent.staffSession(Role.CLERK).supervisor()::statsToday)
                .isInstanceOfSatisfying(AgentException.class, e -> assertThat(e.error().status()).isEqualTo(403));
        // A kiosk's client has no such call: its token, sent by hand, is refused.
        assertThat(agent.status("GET", "/api/v1/stats/today", agent.pair(DeviceKind.KIOSK).token())).isEqualTo(403);
        try (Response r = new OkHttpClient().newCall(new Request.Builder()
                .url(agent.baseUrl() + "/api/v1/stats/today").build()).execute()) {
            assertThat(r.code()).isEqualTo(401);
        }
        assertThat(supervisor.statsToday().services()).isNotEmpty();
    }

    private Ticket issue(long service) {
        return kiosk.issueTicket(service, UUID.randomUUID().toString());
    }

    private static long at(int hour, int minute) {
        return ZonedDateTime.now(ZONE).withHour(hour).withMinute(minute).withSecond(0).withNano(0)
                .toInstant().toEpochMilli();
    }

    private void times(Ticket t, long issued, Long called, Long serving, Long finished) {
        agent.agent().database().write(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement(
                    "UPDATE ticket SET issued_at = ?, position_at = ?, called_at = ?, serving_at = ?, finished_at = ? "
                            + "WHERE id = ?")) {
                ps.setLong(1, issued);
                ps.setLong(2, issued);
                ps.setObject(3, called);
                ps.setObject(4, serving);
                ps.setObject(5, finished);
                ps.setLong(6, t.id());
                return ps.executeUpdate();
            }
        });
    }

    private static DayStats.ServiceStats service(DayStats s, String code) {
        return s.services().stream().filter(x -> x.code().equals(code)).findFirst().orElseThrow();
    }

    private static DayStats.CounterStats counter(DayStats s, int number) {
        return s.counters().stream().filter(x -> x.number() == number).findFirst().orElseThrow();
    }
}
