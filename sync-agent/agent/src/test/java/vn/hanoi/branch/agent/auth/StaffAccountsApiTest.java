package vn.hanoi.branch.agent.auth;

import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hanoi.branch.agent.testing.ApiErrors;
import vn.hanoi.branch.agent.testing.AuditTrail;
import vn.hanoi.branch.agent.testing.TestAgent;
import vn.hanoi.branch.api.Role;
import vn.hanoi.branch.api.Sessions;
import vn.hanoi.branch.api.Staff;
import vn.hanoi.branch.client.AgentException;
import vn.hanoi.branch.client.CounterClient;
import vn.hanoi.branch.client.ItClient;
import vn.hanoi.branch.client.StaffSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * IT's staff accounts over HTTP: list, add, disable, reset a password (the next sign-in must choose a new
 * one before anything else), with an audit row for every change and the routes closed to clerks and
 * supervisors.
 */
class StaffAccountsApiTest {
    private static TestAgent agent;
    private static ItClient it;

    @BeforeAll
    static void start() {
        agent = TestAgent.start();
        it = agent.itClient();
    }

    @AfterAll
    static void stop() {
        agent.close();
    }

    @Test
    void itAddsListsAndDisablesAnAccountWhoseSessionEndsAtOnce() {
        Sessions.User u = it.createUser(new Sessions.NewUser("canbo7", "Nguyễn Văn A", "mat-khau-dai-1", Role.CLERK));
        assertThat(it.users()).anySatisfy(a -> {
            assertThat(a.username()).isEqualTo("canbo7");
            assertThat(a.active()).isTrue();
        });
        StaffSession clerk = agent.counterClient().login("canbo7", "mat-khau-dai-1");
        long before = AuditTrail.count(agent, "user.disable");

        Staff.Account disabled = it.disableUser(u.id());

        assertThat(disabled.active()).isFalse();
        assertThat(AuditTrail.count(agent, "user.disable")).isEqualTo(before + 1);
        assertThatThrownBy(() -> clerk.desk().queue()).isInstanceOfSatisfying(AgentException.class,
                e -> assertThat(e.status()).isEqualTo(401));
        assertThatThrownBy(() -> agent.counterClient().login("canbo7", "mat-khau-dai-1"))
                .isInstanceOfSatisfying(AgentException.class, e -> assertThat(e.error().code()).isEqualTo("bad_credentials"));
    }

    @Test
    void aResetPasswordMustBeChangedAtTheNextSignInBeforeAnythingElse() {
        Sessions.User u = it.createUser(new Sessions.NewUser("canbo8", "Trần Thị B", "mat-khau-cu-12", Role.CLERK));
        Staff.Account reset = it.resetPassword(u.id(), "tam-thoi-2026");
        assertThat(reset.passwordChangeDue()).isTrue();
        assertThat(AuditTrail.count(agent, "user.password_reset")).isPositive();

        CounterClient pc = agent.counterClient();
        assertThatThrownBy(() -> pc.login("canbo8", "mat-khau-cu-12")).isInstanceOf(AgentException.class);
        StaffSession s = pc.login("canbo8", "tam-thoi-2026");
        assertThat(s.passwordChangeDue()).isTrue();
        assertThatThrownBy(() -> s.desk().queue()).isInstanceOfSatisfying(AgentException.class, e -> {
            assertThat(e.status()).isEqualTo(403);
            assertThat(e.error().code()).isEqualTo("password_change_required");
            assertThat(e.error().messageVi()).contains("đổi mật khẩu");
        });
        assertThatThrownBy(() -> s.changePassword("tam-thoi-2026", "ngan")).isInstanceOfSatisfying(AgentException.class,
                e -> assertThat(e.error().code()).isEqualTo("weak_password"));

        s.changePassword("tam-thoi-2026", "mat-khau-moi-34");

        assertThat(s.passwordChangeDue()).isFalse();
        assertThat(s.desk().queue()).isNotNull();
        assertThat(AuditTrail.count(agent, "user.password_change")).isPositive();
        assertThat(pc.login("canbo8", "mat-khau-moi-34").passwordChangeDue()).isFalse();
    }

    @Test
    void nobodyDisablesTheirOwnAccount() {
        StaffSession self = agent.staffSession(Role.IT);
        long myId = self.user().id();
        assertThatThrownBy(() -> self.it().disableUser(myId)).isInstanceOfSatisfying(AgentException.class,
                e -> assertThat(e.error().code()).isEqualTo("own_account"));

        Sessions.User other = it.createUser(new Sessions.NewUser("it2", "IT hai", "it2-password-x", Role.IT));
        StaffSession second = agent.counterClient().login("it2", "it2-password-x");
        it.disableUser(other.id());
        assertThatThrownBy(() -> second.it().users()).isInstanceOf(AgentException.class);
        assertThatThrownBy(() -> it.disableUser(999_999)).isInstanceOfSatisfying(AgentException.class,
                e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void clerksAndSupervisorsCannotCallTheAccountRoutes() throws Exception {
        String[][] routes = {{"GET", "/api/v1/users"}, {"POST", "/api/v1/users"}, {"POST", "/api/v1/users/1/disable"},
                {"POST", "/api/v1/users/1/password-reset"}};
        for (Role role : new Role[] {Role.CLERK, Role.SUPERVISOR}) {
            String token = agent.sessionToken(role);
            for (String[] r : routes) {
                assertThat(agent.status(r[0], r[1], token)).as(role + " " + r[0] + " " + r[1]).isEqualTo(403);
            }
        }
        String kiosk = agent.pair(vn.hanoi.branch.api.DeviceKind.KIOSK).token();
        assertThat(agent.status("GET", "/api/v1/users", kiosk)).isEqualTo(403);
        assertThat(agent.status("GET", "/api/v1/users", null)).isEqualTo(401);
        // A kiosk has no session of its own to change a password of.
        assertThat(agent.status("POST", "/api/v1/sessions/current/password", kiosk)).isEqualTo(403);
        ApiErrors.assertError(new OkHttpClient().newCall(new Request.Builder()
                .url(agent.baseUrl() + "/api/v1/users/1/disable").header("Authorization", "Bearer " + agent.sessionToken(Role.CLERK))
                .post(RequestBody.create(new byte[0])).build()).execute(), 403, "forbidden");
    }
}
