package vn.hanoi.branch.agent.booking;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.hanoi.branch.agent.testing.TestAgent;
import vn.hanoi.branch.api.Bookings;
import vn.hanoi.branch.api.DeviceKind;
import vn.hanoi.branch.api.Role;
import vn.hanoi.branch.api.Ticket;
import vn.hanoi.branch.client.DeskClient;
import vn.hanoi.branch.client.KioskClient;
import vn.hanoi.branch.client.SupervisorClient;
import vn.hanoi.branch.client.AgentException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Online bookings over HTTP, with the default window: 30 min before the slot to 15 min after. */
class BookingApiTest {
    /**
     * The agent's day runs from about 10:00 in Hanoi whatever the wall clock says, so a slot an hour
     * ahead is still today (at 23:30 it would be tomorrow, and "too early" would read "not today").
     */
    private static final Clock CLOCK = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(),
            java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).atTime(10, 0)
                    .atZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toInstant()));

    private TestAgent agent;
    private KioskClient kiosk;
    private SupervisorClient supervisor;
    private DeskClient clerk;

    @BeforeEach
    void start() {
        agent = TestAgent.start(Map.of(), CLOCK);
        kiosk = agent.kioskClient();
        clerk = agent.deskClient();
        supervisor = agent.supervisorClient();
    }

    @AfterEach
    void stop() {
        agent.close();
    }

    private Bookings.Booking book(Duration fromNow) {
        return supervisor.createBooking(new Bookings.NewBooking(null, 1, Instant.now(CLOCK).plus(fromNow)));
    }

    @Test
    void onTimeCheckInTakesTheBookedPlaceAheadOfLaterWalkIns() {
        Bookings.Booking b = book(Duration.ofMinutes(-5));
        Ticket walkIn = kiosk.issueTicket(1, UUID.randomUUID().toString());

        Bookings.CheckIn in = kiosk.checkIn(b.code().toLowerCase()); // codes are typed in any case

        assertThat(in.onTime()).isTrue();
        assertThat(in.noticeVi()).isNull();
        assertThat(clerk.callNext(1).id()).as("booked slot is before the walk-in's arrival").isEqualTo(in.ticket().id());
        assertThat(clerk.finish(clerk.serve(in.ticket().id()).id()).state()).isNotNull();
        assertThat(clerk.callNext(1).id()).isEqualTo(walkIn.id());
    }

    @Test
    void lateCheckInJoinsTheNormalLineWithANotice() {
        Bookings.Booking b = book(Duration.ofMinutes(-20));
        Ticket walkIn = kiosk.issueTicket(1, UUID.randomUUID().toString());

        Bookings.CheckIn in = kiosk.checkIn(b.code());

        assertThat(in.onTime()).isFalse();
        assertThat(in.noticeVi()).contains("muộn");
        assertThat(in.noticeEn()).contains("normal line");
        assertThat(clerk.callNext(1).id()).isEqualTo(walkIn.id());
    }

    @Test
    void earlyCheckInSaysWhenToComeBackAndIssuesNothing() {
        Bookings.Booking b = book(Duration.ofMinutes(60));
        assertThatThrownBy(() -> kiosk.checkIn(b.code())).isInstanceOfSatisfying(AgentException.class, e -> {
            assertThat(e.error().code()).isEqualTo("booking_too_early");
            assertThat(e.error().messageVi()).containsPattern("quay lại từ \\d\\d:\\d\\d");
        });
        assertThat(clerk.queue().services().get(0).waiting()).isZero();
    }

    @Test
    void aRetryGetsTheSameTicketAndAnotherKioskCannotReuseTheCode() {
        Bookings.Booking b = book(Duration.ZERO);
        Ticket first = kiosk.checkIn(b.code()).ticket();
        assertThat(kiosk.checkIn(b.code()).ticket().id()).isEqualTo(first.id());
        KioskClient otherKiosk = agent.kioskClient();
        assertThatThrownBy(() -> otherKiosk.checkIn(b.code())).isInstanceOfSatisfying(AgentException.class,
                e -> assertThat(e.error().code()).isEqualTo("booking_used"));
        assertThat(clerk.queue().services().get(0).waiting()).isEqualTo(1);
    }

    @Test
    void unknownCodesAndClerksCreatingBookingsAreRefused() {
        assertThatThrownBy(() -> kiosk.checkIn("NOPE1234")).isInstanceOfSatisfying(AgentException.class,
                e -> assertThat(e.status()).isEqualTo(404));
        SupervisorClient clerkAsSupervisor = agent.staffSession(Role.CLERK).supervisor();
        assertThatThrownBy(() -> clerkAsSupervisor.createBooking(new Bookings.NewBooking(null, 1, Instant.now(CLOCK))))
                .isInstanceOfSatisfying(AgentException.class, e -> assertThat(e.status()).isEqualTo(403));
    }
}
