package vn.hanoi.branch.agent.ticket;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.hanoi.branch.agent.testing.TestAgent;
import vn.hanoi.branch.api.CounterRequests.PriorityChange;
import vn.hanoi.branch.api.CounterState;
import vn.hanoi.branch.api.DeviceKind;
import vn.hanoi.branch.api.IssueTicketRequest;
import vn.hanoi.branch.api.PriorityState;
import vn.hanoi.branch.api.Role;
import vn.hanoi.branch.api.Ticket;
import vn.hanoi.branch.api.TicketState;
import vn.hanoi.branch.api.TransferRequest;
import vn.hanoi.branch.client.DeskClient;
import vn.hanoi.branch.client.KioskClient;
import vn.hanoi.branch.client.SupervisorClient;
import vn.hanoi.branch.client.AgentException;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The queue rules over real HTTP: priority from the card or declared, the interleaving, green channel
 * overflow, counter operations. Demo branch: HT=1 (counters 1, 2, 5), CT=2 (2, 3), DD=3 (3, 4),
 * KD=4 green channel (4 designated first, 5), CTH=5 (1, 5).
 */
class QueueRulesApiTest {
    private TestAgent agent;
    private KioskClient kiosk;
    private DeskClient clerk;

    private void start(Map<String, String> config) {
        agent = TestAgent.start(config);
        kiosk = agent.kioskClient();
        clerk = agent.deskClient();
    }

    @AfterEach
    void stop() {
        agent.close();
    }

    private Ticket issue(long service) {
        return kiosk.issueTicket(service, UUID.randomUUID().toString());
    }

    private Ticket issue(IssueTicketRequest r) {
        return kiosk.issueTicket(r, UUID.randomUUID().toString());
    }

    @Test
    void priorityComesFromTheCardsBirthDateOrIsDeclaredAndInterleavesWithNormalTickets() {
        start(Map.of("queue.normals.per.priority", "2"));
        LocalDate today = LocalDate.now();
        Ticket n1 = issue(1);
        Ticket n2 = issue(1);
        Ticket n3 = issue(1);
        Ticket young = issue(new IssueTicketRequest(1, null, today.minusYears(69)));
        Ticket old = issue(new IssueTicketRequest(1, null, today.minusYears(70)));
        Ticket declared = issue(new IssueTicketRequest(1, "DISABILITY", null));

        assertThat(young.priorityClass()).isNull();
        assertThat(old.priorityClass()).isEqualTo("ELDERLY");
        assertThat(old.priorityState()).isEqualTo(PriorityState.CARD);
        assertThat(declared.priorityState()).isEqualTo(PriorityState.DECLARED);

        // No priority called yet today: priority first; then two normal ones; then priority again.
        assertThat(callAndFinish(1)).isEqualTo(old.id());
        assertThat(callAndFinish(1)).isEqualTo(n1.id());
        assertThat(callAndFinish(1)).isEqualTo(n2.id());
        assertThat(callAndFinish(1)).isEqualTo(declared.id());
        assertThat(callAndFinish(1)).isEqualTo(n3.id());
        assertThat(callAndFinish(1)).isEqualTo(young.id());
    }

    @Test
    void aRevokedPriorityIsServedAsNormalAndAnUnknownClassIsRefusedWithoutIssuing() {
        start(Map.of("queue.normals.per.priority", "0"));
        Ticket normal = issue(1);
        Ticket claimed = issue(new IssueTicketRequest(1, "PREGNANT_CHILD", null));
        assertThatThrownBy(() -> issue(new IssueTicketRequest(1, "VIP", null)))
                .isInstanceOfSatisfying(AgentException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.error().messageVi()).contains("ưu tiên");
                });
        assertThat(waiting("HT")).isEqualTo(2);

        Ticket revoked = clerk.setPriority(claimed.id(), new PriorityChange(null, PriorityState.REVOKED));
        assertThat(revoked.priorityState()).isEqualTo(PriorityState.REVOKED);
        assertThat(callAndFinish(1)).isEqualTo(normal.id());
    }

    @Test
    void greenChannelIsCalledAtItsDeskFirstAndByOthersOnlyWhenIdle() {
        start(Map.of());
        Ticket dd = issue(3);
        Ticket kd = issue(4);
        assertThat(callAndFinish(4)).as("counter 4 serves KD first").isEqualTo(kd.id());
        Ticket kd2 = issue(4);
        Ticket ht = issue(1);
        assertThat(callAndFinish(1)).as("counter 1 has its own work").isEqualTo(ht.id());
        assertThat(callAndFinish(1)).as("idle counter 1 helps the green channel").isEqualTo(kd2.id());
        assertThat(callAndFinish(4)).isEqualTo(dd.id());
    }

    @Test
    void transferKeepsThePlaceWhenAskedAndCanSendToOneCounter() {
        start(Map.of());
        Ticket early = issue(1);
        Ticket c1 = issue(2);
        Ticket c2 = issue(2);
        DeskClient clerk2 = agent.deskClient();
        assertThat(clerk2.callNext(1).id()).isEqualTo(early.id());

        Ticket moved = clerk2.transfer(early.id(), new TransferRequest(2L, null, true));
        assertThat(moved.serviceCode()).isEqualTo("CT");
        assertThat(moved.displayNumber()).isEqualTo(early.displayNumber());
        assertThat(clerk.ticket(early.id()).state()).isEqualTo(TicketState.TRANSFERRED);
        assertThat(callAndFinish(3)).as("kept its place ahead of the CT tickets").isEqualTo(moved.id());

        Ticket sent = clerk.callNext(3);
        assertThat(sent.id()).isEqualTo(c1.id());
        Ticket toCounter2 = clerk.transfer(c1.id(), new TransferRequest(null, 2L, false));
        assertThat(callAndFinish(3)).as("sent to counter 2 only").isEqualTo(c2.id());
        assertThat(clerk.callNext(3)).isNull();
        assertThat(callAndFinish(2)).isEqualTo(toCounter2.id());
    }

    @Test
    void callASpecificNumberAndANoShowComesBackToItsPlace() {
        start(Map.of());
        Ticket first = issue(1);
        Ticket second = issue(1);
        Ticket third = issue(1);
        assertThat(clerk.callNumber(1, third.displayNumber()).id()).isEqualTo(third.id());
        clerk.noShow(third.id());
        assertThatThrownBy(() -> clerk.callNumber(1, "9999")).isInstanceOfSatisfying(AgentException.class, e -> {
            assertThat(e.status()).isEqualTo(404);
            assertThat(e.error().messageEn()).contains("9999");
        });

        Ticket back = clerk.returnFromNoShow(third.id());
        assertThat(back.state()).isEqualTo(TicketState.WAITING);
        assertThat(callAndFinish(1)).isEqualTo(first.id());
        assertThat(callAndFinish(1)).isEqualTo(second.id());
        assertThat(callAndFinish(1)).isEqualTo(third.id());
    }

    @Test
    void noShowCannotComeBackAfterTheWindow() {
        start(Map.of("queue.noshow.return.minutes", "0"));
        Ticket t = issue(1);
        clerk.callNext(1);
        clerk.noShow(t.id());
        sleepPastTheMillisecond();
        assertThatThrownBy(() -> clerk.returnFromNoShow(t.id())).isInstanceOfSatisfying(AgentException.class,
                e -> assertThat(e.error().code()).isEqualTo("return_window_passed"));
        assertThat(clerk.ticket(t.id()).state()).isEqualTo(TicketState.NO_SHOW);
    }

    @Test
    void aPausedCounterCallsNobodyAndAClosedOneHandsItsTicketsBack() {
        start(Map.of());
        Ticket t = issue(1);
        assertThat(clerk.setCounterState(1, CounterState.PAUSED, "nghỉ trưa").state()).isEqualTo(CounterState.PAUSED);
        assertThatThrownBy(() -> clerk.callNext(1)).isInstanceOfSatisfying(AgentException.class,
                e -> assertThat(e.error().code()).isEqualTo("counter_not_open"));
        assertThat(clerk.queue().counters().get(0).reason()).isEqualTo("nghỉ trưa");

        clerk.setCounterState(1, CounterState.OPEN, null);
        Ticket called = clerk.callNext(1);
        assertThat(called.id()).isEqualTo(t.id());
        Ticket sent = clerk.transfer(called.id(), new TransferRequest(null, 2L, true));
        clerk.setCounterState(2, CounterState.CLOSED, "hết giờ");
        assertThat(callAndFinish(5)).as("released to its service's line").isEqualTo(sent.id());
    }

    @Test
    void endOfDayNeedsASupervisorAndCancelsWhatStillWaits() {
        start(Map.of());
        Ticket waiting = issue(2);
        SupervisorClient clerkAsSupervisor = agent.staffSession(Role.CLERK).supervisor();
        assertThatThrownBy(clerkAsSupervisor::endOfDay).isInstanceOfSatisfying(AgentException.class,
                e -> assertThat(e.status()).isEqualTo(403));
        agent.supervisorClient().endOfDay();
        assertThat(clerk.ticket(waiting.id()).state()).isEqualTo(TicketState.CANCELLED);
    }

    @Test
    void theEstimateGrowsWithTheLineAndShrinksWithOpenCounters() {
        start(Map.of());
        issue(2);
        issue(2);
        issue(2);
        Ticket fourth = issue(2);
        // 3 ahead × 6 min default ÷ 2 open counters (2 and 3) = 9 min
        assertThat(fourth.estimateMinutes()).isEqualTo(9);
        clerk.setCounterState(3, CounterState.PAUSED, "họp");
        assertThat(clerk.ticket(fourth.id()).estimateMinutes()).isEqualTo(18);
    }

    private long callAndFinish(long counter) {
        Ticket t = clerk.callNext(counter);
        assertThat(t).as("a ticket for counter %d", counter).isNotNull();
        clerk.serve(t.id());
        clerk.finish(t.id());
        return t.id();
    }

    private int waiting(String code) {
        return clerk.queue().services().stream().filter(s -> s.code().equals(code)).findFirst().orElseThrow().waiting();
    }

    private static void sleepPastTheMillisecond() {
        long now = System.currentTimeMillis();
        await().pollInterval(Duration.ofMillis(1)).until(() -> System.currentTimeMillis() > now);
    }
}
