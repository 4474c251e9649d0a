package vn.hanoi.branch.agent.sync;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import vn.hanoi.branch.testkit.city.CitySimulator;
import vn.hanoi.branch.agent.testing.FlakyLink;
import vn.hanoi.branch.agent.testing.TestAgent;
import vn.hanoi.branch.agent.testing.TestCity;
import vn.hanoi.branch.api.DeviceKind;
import vn.hanoi.branch.api.Dossiers;
import vn.hanoi.branch.api.Role;
import vn.hanoi.branch.api.SyncStatus;
import vn.hanoi.branch.api.Ticket;
import vn.hanoi.branch.client.AgentLink;
import vn.hanoi.branch.client.DeskClient;
import vn.hanoi.branch.client.KioskClient;
import vn.hanoi.branch.client.SupervisorClient;

/** The branch keeps working while the city is unreachable, and everything arrives once, in order, when it is back. */
@Timeout(120)
class CitySyncTest {
    private static final String RESIDENCE = "1.004194"; // sample procedure of service CT (id 2)
    static final Dossiers.Applicant APPLICANT = new Dossiers.Applicant("Trần Thị Bích Ngọc", "001194012345",
            LocalDate.of(1994, 3, 5), "0912345678", "Số 12 phố Hàng Bông, phường Hoàn Kiếm, Hà Nội");

    private TestCity city;
    private FlakyLink link;
    private TestAgent agent;
    private SupervisorClient supervisor;

    @AfterEach
    void stop() throws Exception {
        if (agent != null) {
            agent.close();
        }
        if (link != null) {
            link.close();
        }
        if (city != null) {
            city.close();
        }
    }

    @Test
    void cityDownWhileTheBranchWorksThenEverythingArrivesOnceInOrder() throws Exception {
        city = TestCity.start();
        link = new FlakyLink(city.sim().port());
        link.mode(FlakyLink.Mode.REFUSE);
        agent = TestAgent.start(city.agentConfig(port(link)));
        KioskClient kiosk = agent.kioskClient();
        DeskClient clerk = agent.deskClient();

        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Ticket t = kiosk.issueTicket(2, UUID.randomUUID().toString());
            clerk.callNext(3);
            codes.add(clerk.receiveDossier(reception(t.id())).code());
            clerk.serve(t.id());
            clerk.finish(t.id());
        }
        await("the sync to notice the city is down").atMost(Duration.ofMinutes(1))
                .until(() -> status().lastError() != null);
        supervisor.endOfDay(); // the day's figures go with the day's close
        SyncStatus down = status();
        assertThat(down.backlog()).isPositive();
        assertThat(down.oldestUnsentAt()).isNotNull();
        assertThat(city.sim().events(TestCity.BRANCH)).isEmpty();

        link.mode(FlakyLink.Mode.PASS);
        await("the backlog to drain").atMost(Duration.ofMinutes(1)).until(() -> status().backlog() == 0);

        assertExactlyOnceInOrder();
        List<CitySimulator.ReceivedEvent> got = city.sim().events(TestCity.BRANCH);
        assertThat(got).extracting(CitySimulator.ReceivedEvent::topic).contains("queue", "dossier", "audit");
        assertThat(got.stream().filter(e -> e.topic().equals("dossier")).map(CitySimulator.ReceivedEvent::key).distinct())
                .containsExactlyInAnyOrderElementsOf(codes);
        List<CitySimulator.ReceivedEvent> stats = got.stream().filter(e -> e.topic().equals("stats")).toList();
        assertThat(stats).hasSize(1);
        var ct = java.util.stream.StreamSupport.stream(stats.get(0).payload().path("services").spliterator(), false)
                .filter(n -> n.path("serviceCode").asText().equals("CT")).findFirst().orElseThrow();
        assertThat(ct.path("issued").asInt()).isEqualTo(6);
        assertThat(ct.path("served").asInt()).isEqualTo(6);
        // Personal data minimised: nothing of the applicant travels in the events.
        for (CitySimulator.ReceivedEvent e : got) {
            String json = e.payload().toString();
            assertThat(json).doesNotContain(APPLICANT.fullName(), APPLICANT.idNumber(), APPLICANT.phone(), "Hàng Bông");
        }
        await("a whole round to succeed").atMost(Duration.ofMinutes(1)).until(() -> status().lastSuccessAt() != null);
        SyncStatus up = status();
        assertThat(up.lastSuccessAt()).isAfter(down.lastErrorAt());
        assertThat(up.alert()).isFalse();
    }

    @Test
    void lostAnswersResetsAndErrorsStillGiveExactlyOnce() throws Exception {
        city = TestCity.start();
        // Timeouts: the city holds a few requests longer than the agent waits (3 s), then does the work anyway.
        city.sim().faults().set(Map.of("lostAnswerRate", 0.2, "resetRate", 0.05, "errorRate", 0.05, "timeoutRate", 0.03,
                "timeoutMs", 3_500));
        Map<String, String> config = new java.util.HashMap<>(city.agentConfig());
        config.put("city.batch.size", "7");
        agent = TestAgent.start(config);
        KioskClient kiosk = agent.kioskClient();
        for (int i = 0; i < 60; i++) {
            kiosk.issueTicket(1 + i % 3, UUID.randomUUID().toString());
        }
        await("the backlog to drain through the faults").atMost(Duration.ofMinutes(1))
                .until(() -> status().backlog() == 0);
        assertExactlyOnceInOrder();
        assertThat(outboxAttempts()).as("some batches had to be sent again").isPositive();
    }

    @Test
    void duplicateAndOutOfOrderStatusUpdatesFromTheCityApplyOnceAndTheNewestWins() throws Exception {
        city = TestCity.start();
        agent = TestAgent.start(city.agentConfig());
        KioskClient kiosk = agent.kioskClient();
        DeskClient clerk = agent.deskClient();
        Ticket t = kiosk.issueTicket(2, UUID.randomUUID().toString());
        clerk.callNext(3);
        String code = clerk.receiveDossier(reception(t.id())).code();

        city.sim().faults().set(Map.of("duplicateRate", 1.0, "outOfOrder", true));
        // The department's updates, offered in a scrambled order: version 3 (result ready) is the newest.
        city.sim().push(TestCity.BRANCH, "dossier-status", status("s3", code, "RESULT_READY", 3));
        city.sim().push(TestCity.BRANCH, "dossier-status", status("s1", code, "SENT_TO_DEPARTMENT", 1));
        city.sim().push(TestCity.BRANCH, "dossier-status", status("s2", code, "PROCESSING", 2));
        city.sim().push(TestCity.BRANCH, "bookings", Map.of("id", "b1", "code", "DL-CITY-1", "serviceCode",
                "HT", "slotStart", java.time.Instant.now().plus(Duration.ofDays(1)).toString()));

        await("the city's updates to apply").atMost(Duration.ofMinutes(1))
                .until(() -> dossierState(code).equals("RESULT_READY") && seen("bookings") == 1);
        status();
        await("more rounds with duplicates to change nothing").during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(10))
                .until(() -> supervisor.lookupDossier(code).history().size() == 4);
        Dossiers.Lookup l = supervisor.lookupDossier(code);
        assertThat(l.state()).isEqualTo(Dossiers.State.RESULT_READY);
        assertThat(l.history()).extracting(Dossiers.Event::state).containsExactly(Dossiers.State.RECEIVED,
                Dossiers.State.SENT_TO_DEPARTMENT, Dossiers.State.PROCESSING, Dossiers.State.RESULT_READY);
        assertThat(seen("dossier-status")).isEqualTo(3);
        assertThat(supervisor.booking("DL-CITY-1").serviceId()).isEqualTo(1);

        // A stale update after the newest (a late redelivery with a lower version) changes nothing.
        city.sim().push(TestCity.BRANCH, "dossier-status", status("s0", code, "SENT_TO_DEPARTMENT", 1));
        await("the stale update to be seen").atMost(Duration.ofMinutes(1)).until(() -> seen("dossier-status") == 4);
        assertThat(dossierState(code)).isEqualTo("RESULT_READY");
    }

    @Test
    void holidaysFromTheCityCountForAppointmentsAndABadItemIsSkipped() throws Exception {
        city = TestCity.start();
        agent = TestAgent.start(city.agentConfig());
        java.time.LocalDate day = java.time.LocalDate.now().plusWeeks(3).with(java.time.DayOfWeek.WEDNESDAY);
        while (!vn.hanoi.branch.calendar.WorkingCalendar.standard().isWorkingDay(day)) {
            day = day.plusWeeks(1);
        }
        city.sim().push(TestCity.BRANCH, "holidays", Map.of("id", "h-bad", "date", day.toString(), "kind", "HOLIDAY"));
        city.sim().push(TestCity.BRANCH, "holidays", Map.of("id", "h1", "date", day.toString(), "kind", "OFF",
                "nameVi", "Nghỉ bù, theo thông báo của thành phố", "nameEn", "Day off announced by the city"));
        await("both holiday items to be seen").atMost(Duration.ofMinutes(1)).until(() -> seen("holidays") == 2);
        vn.hanoi.branch.calendar.HolidayOverrides pulled = CityHolidays.load(agent.agent().database());
        assertThat(pulled.all()).hasSize(1);
        vn.hanoi.branch.calendar.WorkingCalendar withCity = vn.hanoi.branch.calendar.WorkingCalendar.of(
                vn.hanoi.branch.calendar.PublicHolidays.labourCode(),
                vn.hanoi.branch.calendar.HolidayOverrides.bundled().then(pulled));
        assertThat(withCity.isWorkingDay(day)).isFalse();
        assertThat(withCity.isWorkingDay(day.plusDays(1))).isEqualTo(
                vn.hanoi.branch.calendar.WorkingCalendar.standard().isWorkingDay(day.plusDays(1)));
    }

    @Test
    void branchConfigurationFromTheCityAppliesAtTheNextStartWhereTheBranchDidNotSetItself() throws Exception {
        city = TestCity.start();
        agent = TestAgent.start(city.agentConfig());
        String notice = "Thành phố thông báo: nghỉ Tết từ 14/2 ~ The city announces: closed for Tết from 14 Feb";
        city.sim().push(TestCity.BRANCH, "branch-config", Map.of("id", "c1", "key", "hall.notices", "value", notice));
        city.sim().push(TestCity.BRANCH, "branch-config", Map.of("id", "c2", "key", "rating.target.percent", "value", "97"));
        city.sim().push(TestCity.BRANCH, "branch-config", Map.of("id", "c3", "key", "http.port", "value", "80"));
        city.sim().push(TestCity.BRANCH, "branch-config", Map.of("id", "c4", "key", "booking.checkin.after.minutes",
                "value", "lots"));
        await("the four branch settings to be seen").atMost(Duration.ofMinutes(1))
                .until(() -> seen("branch-config") == 4);

        // only what the city may set, and only well-formed values
        assertThat(CityBranchConfig.read(agent.agent().database()))
                .containsExactlyInAnyOrderEntriesOf(Map.of("hall.notices", notice, "rating.target.percent", "97"));

        // the next start: the city's notice reaches the hall screen; the branch's own target stays
        java.nio.file.Path copy = agent.databaseFile().resolveSibling("restarted.db");
        vn.hanoi.branch.agent.db.Database.backupFile(agent.databaseFile(), copy);
        java.nio.file.Path file = agent.databaseFile().resolveSibling("agent.properties");
        java.nio.file.Files.writeString(file, "rating.target.percent=90\n");
        vn.hanoi.branch.agent.config.AgentConfig cfg = vn.hanoi.branch.agent.config.AgentConfig.load(file, Map.of())
                .with("db.path", copy.toString()).with("http.host", "127.0.0.1").with("http.port", "0");
        try (vn.hanoi.branch.agent.Agent restarted = vn.hanoi.branch.agent.Agent.start(cfg, java.time.Clock.systemUTC())) {
            String code = restarted.devices().insertCodeNow(vn.hanoi.branch.agent.auth.Principal.SYSTEM, DeviceKind.SCREEN,
                    "hall", Duration.ofMinutes(5)).code();
            String screen = AgentLink.to("http://127.0.0.1:" + restarted.port()).pair(code, "hall").token();
            try (okhttp3.Response r = new okhttp3.OkHttpClient().newCall(new okhttp3.Request.Builder()
                    .url("http://127.0.0.1:" + restarted.port() + "/api/v1/hall/notices")
                    .header("Authorization", "Bearer " + screen).build()).execute()) {
                assertThat(r.code()).isEqualTo(200);
                assertThat(r.body().string()).contains("Thành phố thông báo");
            }
        }
        assertThat(cfg.withCity(Map.of("rating.target.percent", "97"), CityBranchConfig.keys()).get("rating.target.percent"))
                .isEqualTo("90");
        assertThat(vn.hanoi.branch.agent.config.AgentConfig.defaults()
                .withCity(Map.of("rating.target.percent", "97", "http.port", "80"), CityBranchConfig.keys()))
                .satisfies(c -> {
                    assertThat(c.get("rating.target.percent")).isEqualTo("97");
                    assertThat(c.get("http.port")).isEqualTo("8470");
                });
    }

    // ---- helpers

    static Map<String, Object> status(String id, String code, String state, long version) {
        return Map.of("id", id, "dossierCode", code, "state", state, "version", version, "noteVi", "Cập nhật từ sở",
                "noteEn", "Update from the department");
    }

    private void assertExactlyOnceInOrder() {
        List<CitySimulator.ReceivedEvent> got = city.sim().events(TestCity.BRANCH);
        List<Long> outbox = agent.agent().database().read(c -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM outbox ORDER BY id"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        });
        assertThat(got).extracting(CitySimulator.ReceivedEvent::sequence).containsExactlyElementsOf(outbox);
        Set<String> keys = new HashSet<>();
        got.forEach(e -> assertThat(keys.add(e.idempotencyKey())).isTrue());
    }

    /** One supervisor session for all polls: each login is an audit row, which is itself sent to the city. */
    private SyncStatus status() {
        if (supervisor == null) {
            supervisor = agent.supervisorClient();
        }
        return supervisor.syncStatus();
    }

    private long outboxAttempts() {
        return agent.agent().database().read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT sum(attempts) FROM outbox"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private String dossierState(String code) {
        return agent.agent().database().read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT state FROM dossier WHERE code = ?")) {
                ps.setString(1, code);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
    }

    private long seen(String stream) {
        return agent.agent().database().read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM inbox_seen WHERE stream = ?")) {
                ps.setString(1, stream);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    static Dossiers.Reception reception(long ticketId) {
        return new Dossiers.Reception(ticketId, RESIDENCE, APPLICANT,
                List.of(new Dossiers.ReceivedDocument("CT01", true, true)), 20_000, "ghi chú", false);
    }

    static int port(FlakyLink link) {
        return java.net.URI.create(link.url()).getPort();
    }

}
