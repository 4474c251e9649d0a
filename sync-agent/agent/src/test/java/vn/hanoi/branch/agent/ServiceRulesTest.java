package vn.hanoi.branch.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hanoi.branch.agent.config.AgentConfig;
import vn.hanoi.branch.agent.testing.DemoBranch;
import vn.hanoi.branch.agent.testing.SimulatedClock;
import vn.hanoi.branch.agent.testing.TestAgent;
import vn.hanoi.branch.api.Bookings;
import vn.hanoi.branch.api.QueueSnapshot.Availability;
import vn.hanoi.branch.api.QueueSnapshot.Availability.Status;
import vn.hanoi.branch.client.AgentException;
import vn.hanoi.branch.client.KioskClient;
import vn.hanoi.branch.client.SupervisorClient;

/**
 * The branch's setup takes effect at the kiosk: a service's opening hours (in the branch's time zone), its
 * daily cap and the share of it kept for bookings. Real agent over HTTP, the setup applied with
 * {@code branch-agent setup}, the time of day on a simulated clock.
 */
class ServiceRulesTest {
    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final long HT = 1;
    private static final long CT = 2;

    @TempDir
    Path dir;

    /** Hộ tịch: weekdays 07:30–17:00, 4 numbers a day, half of them kept for bookings. */
    private Path setupFile() throws Exception {
        String text;
        try (var in = DemoBranch.class.getResourceAsStream("demo-branch.yaml")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String ht = text.lines().filter(l -> l.contains("{code: HT,")).findFirst().orElseThrow();
        Path file = dir.resolve("branch.yaml");
        Files.writeString(file, text.replace(ht, "  - {code: HT, nameVi: Hộ tịch, nameEn: Civil status, "
                + "numbers: {from: 1001, to: 1999}, dailyCap: 4, bookingSharePercent: 50, hours: {mon: \"07:30-17:00\", "
                + "tue: \"07:30-17:00\", wed: \"07:30-17:00\", thu: \"07:30-17:00\", fri: \"07:30-17:00\"}}"));
        return file;
    }

    /** The demo branch with Hộ tịch set up as {@link #setupFile}, applied by {@code branch-agent setup}. */
    private TestAgent startSetUp(SimulatedClock clock) throws Exception {
        TestAgent agent = TestAgent.start(Map.of(), clock);
        try {
            SetupCommandTest.run(AgentConfig.defaults().with("db.path", agent.databaseFile().toString()), 0,
                    "setup", "--file", setupFile().toString());
            return agent;
        } catch (Exception | AssertionError e) {
            agent.close();
            throw e;
        }
    }

    @Test
    void hoursCapAndTheBookedShareDecideWhoGetsANumber() throws Exception {
        ZonedDateTime monday = SimulatedClock.nextMondayAt(LocalTime.of(6, 0), HANOI);
        SimulatedClock clock = new SimulatedClock(monday.toInstant(), HANOI);
        try (TestAgent agent = startSetUp(clock)) {
            KioskClient kiosk = agent.kioskClient();
            SupervisorClient supervisor = agent.supervisorClient();

            // Before opening: listed as closed with today's hours, and a tap is refused with the same words.
            Availability early = availability(kiosk, HT);
            assertThat(early.status()).isEqualTo(Status.CLOSED);
            assertThat(early.vi()).isEqualTo("Ngoài giờ làm việc (hôm nay 07:30–17:00). Mở lại hôm nay lúc 07:30.");
            assertThat(early.en()).isEqualTo("Outside opening hours (today 07:30–17:00). Opens again today at 07:30.");
            assertRefused(() -> kiosk.issueTicket(HT, "too-early"), "service_closed", early.en());
            assertThat(kiosk.issueTicket(CT, "ct-is-open").displayNumber()).isEqualTo("2001"); // open all day

            // In hours: two walk-ins, then the two numbers left are kept for bookings.
            clock.set(monday.withHour(9).toInstant());
            assertThat(availability(kiosk, HT).status()).isEqualTo(Status.OPEN);
            assertThat(kiosk.issueTicket(HT, "walk-in-1").displayNumber()).isEqualTo("1001");
            assertThat(kiosk.issueTicket(HT, "walk-in-2").displayNumber()).isEqualTo("1002");
            Availability kept = availability(kiosk, HT);
            assertThat(kept.status()).isEqualTo(Status.KEPT_FOR_BOOKINGS);
            assertThat(kept.vi()).startsWith("Đã hết số hôm nay.");
            assertRefused(() -> kiosk.issueTicket(HT, "walk-in-3"), "kept_for_bookings",
                    "No more numbers today. The numbers left are kept for bookings.");

            // Booked citizens arriving in hours are still served, up to the cap.
            for (int i = 0; i < 2; i++) {
                Bookings.Booking b = supervisor.createBooking(new Bookings.NewBooking(null, HT, clock.instant()));
                assertThat(kiosk.checkIn(b.code()).ticket().displayNumber()).isEqualTo("100" + (3 + i));
            }
            Availability full = availability(kiosk, HT);
            assertThat(full.status()).isEqualTo(Status.FULL);
            assertThat(full.vi()).isEqualTo("Đã hết số hôm nay.");
            assertThat(full.en()).isEqualTo("No more numbers today.");
            assertRefused(() -> kiosk.issueTicket(HT, "walk-in-4"), "no_more_numbers", "No more numbers today.");
            Bookings.Booking late = supervisor.createBooking(new Bookings.NewBooking(null, HT, clock.instant()));
            assertRefused(() -> kiosk.checkIn(late.code()), "no_more_numbers", "No more numbers today.");

            // After closing the next opening is tomorrow's; on Friday evening it is Monday's.
            clock.set(monday.withHour(17).withMinute(1).toInstant());
            assertThat(availability(kiosk, HT).en()).isEqualTo(
                    "Outside opening hours (today 07:30–17:00). Opens again tomorrow at 07:30.");
            clock.set(monday.plusDays(4).withHour(18).toInstant());
            assertThat(availability(kiosk, HT).vi()).isEqualTo(
                    "Ngoài giờ làm việc (hôm nay 07:30–17:00). Mở lại thứ Hai lúc 07:30.");
            clock.set(monday.plusDays(5).withHour(10).toInstant());
            assertThat(availability(kiosk, HT).en()).isEqualTo("Outside opening hours (closed today). Opens again Monday at 07:30.");
        }
    }

    @Test
    void theLastMinuteOfTheHoursStillGivesANumber() throws Exception {
        ZonedDateTime monday = SimulatedClock.nextMondayAt(LocalTime.of(17, 0, 59), HANOI); // the closing minute
        SimulatedClock clock = new SimulatedClock(monday.toInstant(), HANOI);
        try (TestAgent agent = startSetUp(clock)) {
            KioskClient kiosk = agent.kioskClient();
            assertThat(kiosk.issueTicket(HT, "at-closing").displayNumber()).isEqualTo("1001");
            clock.set(monday.plusSeconds(1).toInstant()); // 17:01:00
            assertRefused(() -> kiosk.issueTicket(HT, "after-closing"), "service_closed", "Outside opening hours");
        }
    }

    private static Availability availability(KioskClient kiosk, long serviceId) {
        return kiosk.queue().services().stream().filter(s -> s.serviceId() == serviceId).findFirst().orElseThrow()
                .availability();
    }

    private static void assertRefused(Runnable call, String code, String english) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(AgentException.class, e -> {
            assertThat(e.error().code()).isEqualTo(code);
            assertThat(e.error().messageEn()).startsWith(english);
        });
    }
}
