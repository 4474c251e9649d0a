package vn.hanoi.branch.counter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import vn.hanoi.branch.printer.PrinterStatus;
import vn.hanoi.branch.api.DeviceHealth;
import vn.hanoi.branch.api.Ticket;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hanoi.branch.counter.FxSteps.click;
import static vn.hanoi.branch.counter.FxSteps.text;
import static vn.hanoi.branch.counter.FxSteps.waitFor;

/** A clerk reprints the current ticket on the counter's printer; the copy is marked and kept with the ticket. */
@ExtendWith(ApplicationExtension.class)
class CounterReprintTest {
    @RegisterExtension
    static final CounterSceneExtension branch = new CounterSceneExtension().withPrinter();

    @Test
    void theReprintIsMarkedAndCountedAsTheSecondCopy(FxRobot robot) throws Exception {
        Ticket t = branch.kiosk().issueTicket(1, UUID.randomUUID().toString());
        branch.kiosk().recordPrint(t.id(), new DeviceHealth.PrintReport(true, "READY", false, 474)); // the kiosk's copy
        branch.scene().signInAtCounter(robot, 1);
        click(robot, "#next");
        waitFor(() -> text(robot, "#current-number").equals(t.displayNumber()));

        click(robot, "#reprint");

        waitFor(() -> text(robot, "#message").contains("bản thứ 2"));
        assertThat(text(robot, "#message")).contains("copy 2");
        assertThat(branch.printer().jobsPrinted()).isEqualTo(1);
        assertThat(branch.kiosk().printJobs(t.id())).last().satisfies(j -> {
            assertThat(j.reprint()).isTrue();
            assertThat(j.copy()).isEqualTo(2);
        });
    }

    @Test
    void aPrinterFaultAtTheCounterIsShownAndKeptAsAFailedJob(FxRobot robot) throws Exception {
        Ticket t = branch.kiosk().issueTicket(2, UUID.randomUUID().toString());
        branch.printer().simulate(PrinterStatus.PAPER_OUT);
        branch.scene().signInAtCounter(robot, 2);
        click(robot, "#next");
        waitFor(() -> text(robot, "#current-number").equals(t.displayNumber()));

        click(robot, "#reprint");

        waitFor(() -> text(robot, "#message").contains("Hết giấy"));
        assertThat(branch.kiosk().printJobs(t.id())).singleElement().satisfies(j -> assertThat(j.printed()).isFalse());
    }
}
