package vn.hanoi.branch.agent.device;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.hanoi.branch.agent.testing.TestAgent;
import vn.hanoi.branch.api.DeviceHealth;
import vn.hanoi.branch.api.DeviceKind;
import vn.hanoi.branch.api.Role;
import vn.hanoi.branch.api.Ticket;
import vn.hanoi.branch.client.KioskClient;
import vn.hanoi.branch.client.SupervisorClient;
import vn.hanoi.branch.client.AgentException;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Print jobs kept with tickets and printer alerts for IT, over HTTP. */
class DeviceHealthApiTest {
    private TestAgent agent;
    private KioskClient kiosk;
    /** IT's session: alerts are read with the supervisor's calls, which IT's role includes. */
    private SupervisorClient it;

    @BeforeEach
    void start() {
        agent = TestAgent.start();
        kiosk = agent.kioskClient();
        it = agent.staffSession(Role.IT).supervisor();
    }

    @AfterEach
    void stop() {
        agent.close();
    }

    @Test
    void everyJobIsKeptWithItsTicketAndCopiesAreCounted() {
        Ticket t = kiosk.issueTicket(1, UUID.randomUUID().toString());
        assertThat(kiosk.recordPrint(t.id(), new DeviceHealth.PrintReport(false, "PAPER_OUT", false, 0)).copy()).isZero();
        assertThat(kiosk.recordPrint(t.id(), new DeviceHealth.PrintReport(true, "READY", false, 474)).copy()).isEqualTo(1);
        assertThat(kiosk.recordPrint(t.id(), new DeviceHealth.PrintReport(true, "READY", true, 480)).copy()).isEqualTo(2);

        assertThat(it.printJobs(t.id())).extracting(DeviceHealth.PrintJob::printed, DeviceHealth.PrintJob::reprint)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(false, false),
                        org.assertj.core.groups.Tuple.tuple(true, false), org.assertj.core.groups.Tuple.tuple(true, true));
    }

    @Test
    void aPrinterFaultRaisesOneAlertUntilTheKioskPrintsAgain() {
        Ticket a = kiosk.issueTicket(1, UUID.randomUUID().toString());
        Ticket b = kiosk.issueTicket(1, UUID.randomUUID().toString());
        kiosk.recordPrint(a.id(), new DeviceHealth.PrintReport(false, "PAPER_OUT", false, 0));
        kiosk.recordPrint(b.id(), new DeviceHealth.PrintReport(false, "PAPER_OUT", false, 0));

        assertThat(it.alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.component()).isEqualTo("printer");
            assertThat(alert.status()).isEqualTo("PAPER_OUT");
            assertThat(alert.deviceName()).isNotBlank();
        });

        kiosk.recordPrint(b.id(), new DeviceHealth.PrintReport(true, "READY", true, 480));
        assertThat(it.alerts()).isEmpty();
    }

    @Test
    void devicesReportTheirPartsAndOnlySupervisorsOrItSeeAlerts() {
        kiosk.reportStatus(new DeviceHealth.ComponentStatus("card-reader", false, "NO_READER",
                "Không thấy đầu đọc thẻ", "Card reader not found"));
        assertThat(it.alerts()).extracting(DeviceHealth.Alert::component).containsExactly("card-reader");
        assertThatThrownBy(() -> agent.staffSession(Role.CLERK).supervisor().alerts())
                .isInstanceOfSatisfying(AgentException.class, e -> assertThat(e.status()).isEqualTo(403));
        assertThatThrownBy(() -> kiosk.recordPrint(999, new DeviceHealth.PrintReport(true, "READY", false, 1)))
                .isInstanceOfSatisfying(AgentException.class, e -> assertThat(e.status()).isEqualTo(404));

        kiosk.reportStatus(new DeviceHealth.ComponentStatus("card-reader", true, "READY", null, null));
        assertThat(it.alerts()).isEmpty();
    }
}
