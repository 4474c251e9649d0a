package vn.hanoi.branch.agent.device;

import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hanoi.branch.agent.testing.ApiErrors;
import vn.hanoi.branch.agent.testing.AuditTrail;
import vn.hanoi.branch.agent.testing.TestAgent;
import vn.hanoi.branch.api.DeviceKind;
import vn.hanoi.branch.api.Devices;
import vn.hanoi.branch.api.Pairing;
import vn.hanoi.branch.api.Role;
import vn.hanoi.branch.client.AgentException;
import vn.hanoi.branch.client.ItClient;
import vn.hanoi.branch.client.KioskClient;
import vn.hanoi.branch.client.StaffSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * IT's devices over HTTP: the list with kind, name and last request, a pairing code, and revoking a lost
 * kiosk, which is refused at its next request with a message it can show.
 */
class DeviceAdminApiTest {
    private static TestAgent agent;
    private static StaffSession itSession;
    private static ItClient it;

    @BeforeAll
    static void start() {
        agent = TestAgent.start();
        itSession = agent.staffSession(Role.IT);
        it = itSession.it();
    }

    @AfterAll
    static void stop() {
        agent.close();
    }

    @Test
    void theListShowsKindNameAndWhenEachDeviceLastCalled() {
        Pairing.Code code = it.createPairingCode(new Pairing.CodeRequest(DeviceKind.KIOSK, "Kiosk sảnh 2"));
        Pairing.Result paired = agent.link().pair(code.code(), null);
        KioskClient kiosk = agent.link().kiosk(paired.token());
        kiosk.services();

        Devices.Device d = it.devices().stream().filter(x -> x.id() == paired.deviceId()).findFirst().orElseThrow();
        assertThat(d.kind()).isEqualTo(DeviceKind.KIOSK);
        assertThat(d.name()).isEqualTo("Kiosk sảnh 2");
        assertThat(d.lastSeenAt()).isNotNull();
        assertThat(d.revokedAt()).isNull();
        assertThat(AuditTrail.count(agent, "device.pairing_code")).isPositive();
    }

    @Test
    void aRevokedKioskIsRefusedAtItsNextRequestWithAMessageToShow() throws Exception {
        Pairing.Result lost = agent.pair(DeviceKind.KIOSK);
        KioskClient kiosk = agent.link().kiosk(lost.token());
        assertThat(kiosk.services()).isNotEmpty();
        long before = AuditTrail.count(agent, "device.revoke");

        it.revokeDevice(lost.deviceId());

        assertThat(AuditTrail.count(agent, "device.revoke")).isEqualTo(before + 1);
        assertThatThrownBy(() -> kiosk.issueTicket(kiosk.services().get(0).id(), "k1"))
                .isInstanceOfSatisfying(AgentException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.error().code()).isEqualTo("device_revoked");
                    assertThat(e.error().messageVi()).contains("thu hồi");
                    assertThat(e.error().messageEn()).contains("revoked");
                });
        ApiErrors.assertError(new OkHttpClient().newCall(new Request.Builder().url(agent.baseUrl() + "/api/v1/queue")
                .header("Authorization", "Bearer " + lost.token()).build()).execute(), 401, "device_revoked");
        assertThat(it.devices()).filteredOn(x -> x.id() == lost.deviceId())
                .singleElement().satisfies(x -> assertThat(x.revokedAt()).isNotNull());
        // An unknown token stays the generic refusal.
        ApiErrors.assertError(new OkHttpClient().newCall(new Request.Builder().url(agent.baseUrl() + "/api/v1/queue")
                .header("Authorization", "Bearer not-a-token").build()).execute(), 401, "unauthorized");
    }

    @Test
    void nobodyRevokesTheDeviceTheyAreSignedInOn() {
        // staffSession pairs a new counter PC and signs in there: the newest counter PC is the session's own.
        StaffSession fresh = agent.staffSession(Role.IT);
        long ownPc = fresh.it().devices().stream().filter(d -> d.kind() == DeviceKind.COUNTER)
                .mapToLong(Devices.Device::id).max().orElseThrow();
        assertThatThrownBy(() -> fresh.it().revokeDevice(ownPc)).isInstanceOfSatisfying(AgentException.class,
                e -> assertThat(e.error().code()).isEqualTo("own_device"));
    }

    @Test
    void clerksAndSupervisorsCannotCallTheDeviceRoutes() {
        String[][] routes = {{"GET", "/api/v1/devices"}, {"POST", "/api/v1/devices/pairing-codes"},
                {"DELETE", "/api/v1/devices/1"}};
        for (Role role : new Role[] {Role.CLERK, Role.SUPERVISOR}) {
            String token = agent.sessionToken(role);
            for (String[] r : routes) {
                assertThat(agent.status(r[0], r[1], token)).as(role + " " + r[0] + " " + r[1]).isEqualTo(403);
            }
        }
        assertThat(agent.status("GET", "/api/v1/devices", agent.pair(DeviceKind.KIOSK).token())).isEqualTo(403);
    }
}
