package vn.hanoi.branch.agent.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import vn.hanoi.branch.agent.testing.TestAgent;
import vn.hanoi.branch.api.DeviceKind;
import vn.hanoi.branch.api.Pairing;
import vn.hanoi.branch.api.Ratings;
import vn.hanoi.branch.api.Role;
import vn.hanoi.branch.api.Sessions;
import vn.hanoi.branch.api.Ticket;
import vn.hanoi.branch.client.AgentException;
import vn.hanoi.branch.client.CounterClient;
import vn.hanoi.branch.client.DeskClient;
import vn.hanoi.branch.client.ItClient;
import vn.hanoi.branch.client.KioskClient;
import vn.hanoi.branch.client.StaffSession;

/**
 * Each audience's client acts with its own credential, and the real agent holds it to that audience's
 * routes: a device stays the device whoever signs in on it, a session only reaches its role's calls and
 * ends alone.
 */
class AudienceCredentialsTest {
    private TestAgent agent;

    @BeforeEach
    void start() {
        agent = TestAgent.start();
    }

    @AfterEach
    void stop() {
        agent.close();
    }

    @Test
    void aKioskIsRefusedTheClerksCallsAndAnotherDevicesTokenIsNoKiosk() {
        // A kiosk's client offers no clerk's call; its token sent by hand to one is refused.
        String kiosk = agent.pair(DeviceKind.KIOSK).token();
        assertThat(agent.status("POST", "/api/v1/counters/1/call-next", kiosk)).isEqualTo(403);
        assertThat(agent.status("POST", "/api/v1/tickets/1/finish", kiosk)).isEqualTo(403);

        KioskClient counterPcAsKiosk = agent.link().kiosk(agent.pair(DeviceKind.COUNTER).token());
        refused(() -> counterPcAsKiosk.issueTicket(1, "k-1"), 403);
        KioskClient hallAsKiosk = agent.link().kiosk(agent.pair(DeviceKind.SCREEN).token());
        refused(() -> hallAsKiosk.issueTicket(1, "k-2"), 403);
        refused(() -> agent.link().kiosk("not-a-token").services(), 401);
    }

    @Test
    void theCounterPcStaysTheDeviceWhileAClerkWorksOnIt() {
        Ticket t = agent.kioskClient().issueTicket(1, "k-1");
        CounterClient counterPc = agent.counterClient();
        DeskClient clerk = counterPc.login(TestAgent.CLERK, TestAgent.CLERK_PASSWORD).desk();

        assertThat(clerk.callNext(1).id()).isEqualTo(t.id());
        clerk.finish(t.id());

        Ratings.Rating r = counterPc.customerWindow().rate(t.id(), Ratings.RatingRequest.of(Ratings.Level.SATISFIED));
        assertThat(r.deviceKind()).as("the citizen rated at the counter PC, not the clerk")
                .isEqualTo(DeviceKind.COUNTER);
        assertThat(counterPc.rating(t.id())).isEqualTo(r);
    }

    @Test
    void aSessionReachesOnlyItsRolesCalls() {
        StaffSession clerk = agent.staffSession(Role.CLERK);
        refused(() -> clerk.supervisor().statsToday(), 403);
        refused(() -> clerk.it().createPairingCode(new Pairing.CodeRequest(DeviceKind.KIOSK, "Kiosk 2")), 403);

        StaffSession supervisor = agent.staffSession(Role.SUPERVISOR);
        assertThat(supervisor.supervisor().statsToday()).isNotNull();
        assertThat(supervisor.desk().queue()).as("a supervisor may work a counter too").isNotNull();
        refused(() -> supervisor.it().createUser(new Sessions.NewUser("clerk2", "Cán bộ Hai", "clerk2-password",
                Role.CLERK)), 403);
    }

    @Test
    void signingOutEndsThatSessionOnlyAndNeverTheDevice() {
        CounterClient counterPc = agent.counterClient();
        StaffSession first = counterPc.login(TestAgent.CLERK, TestAgent.CLERK_PASSWORD);
        Sessions.Login account = agent.staffAccount(Role.SUPERVISOR);
        StaffSession second = counterPc.login(account.username(), account.password());
        DeskClient desk = first.desk();

        first.logout();

        refused(desk::queue, 401);
        assertThat(second.desk().queue()).isNotNull();
        assertThat(counterPc.queue()).isNotNull();
    }

    @Test
    void itPairsADeviceThatActsAsItsKindUntilRevoked() {
        ItClient it = agent.itClient();
        Pairing.Code code = it.createPairingCode(new Pairing.CodeRequest(DeviceKind.KIOSK, "Kiosk 2"));
        Pairing.Result paired = agent.link().pair(code.code(), "Kiosk 2");
        KioskClient kiosk = agent.link().kiosk(paired.token());
        assertThat(kiosk.issueTicket(1, "k-1").displayNumber()).isEqualTo("1001");

        it.revokeDevice(paired.deviceId());

        refused(kiosk::queue, 401);
    }

    private static void refused(ThrowingCallable call, int status) {
        Consumer<AgentException> withStatus = e -> assertThat(e.status()).isEqualTo(status);
        assertThatThrownBy(call).isInstanceOfSatisfying(AgentException.class, withStatus);
    }
}
