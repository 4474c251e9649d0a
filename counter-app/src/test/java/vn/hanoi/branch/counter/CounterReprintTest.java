package vn.hanoi.branch.counter;

import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import vn.hanoi.branch.agent.testing.TestAgent;
import vn.hanoi.branch.printer.PrinterStatus;
import vn.hanoi.branch.testkit.printer.VirtualPrinter;
import vn.hanoi.branch.api.DeviceHealth;
import vn.hanoi.branch.api.DeviceKind;
import vn.hanoi.branch.api.Ticket;
import vn.hanoi.branch.client.AgentClient;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hanoi.branch.counter.FxSteps.click;
import static vn.hanoi.branch.counter.FxSteps.text;
import static vn.hanoi.branch.counter.FxSteps.waitFor;

/** A clerk reprints the current ticket on the counter's printer; the copy is marked and kept with the ticket. */
@ExtendWith(ApplicationExtension.class)
class CounterReprintTest {
    private static TestAgent agent;
    private static AgentClient kiosk;

    private final VirtualPrinter printer = new VirtualPrinter(null);
    private CounterScene scene;

    @BeforeAll
    static void startAgent() {
        agent = TestAgent.start();
        kiosk = agent.pairedClient(DeviceKind.KIOSK);
    }

    @AfterAll
    static void stopAgent() {
        agent.close();
    }

    @Start
    void start(Stage stage) {
        scene = new CounterScene(agent, printer).show(stage, 1280, 720);
    }

    @AfterEach
    void stop() {
        scene.close();
    }

    @Test
    void theReprintIsMarkedAndCountedAsTheSecondCopy(FxRobot robot) throws Exception {
        Ticket t = kiosk.issueTicket(1, UUID.randomUUID().toString());
        kiosk.recordPrint(t.id(), new DeviceHealth.PrintReport(true, "READY", false, 474)); // the kiosk's copy
        scene.signInAtCounter(robot, 1);
        click(robot, "#next");
        waitFor(() -> text(robot, "#current-number").equals(t.displayNumber()));

        click(robot, "#reprint");

        waitFor(() -> text(robot, "#message").contains("bản thứ 2"));
        assertThat(text(robot, "#message")).contains("copy 2");
        assertThat(printer.jobsPrinted()).isEqualTo(1);
        assertThat(kiosk.printJobs(t.id())).last().satisfies(j -> {
            assertThat(j.reprint()).isTrue();
            assertThat(j.copy()).isEqualTo(2);
        });
    }

    @Test
    void aPrinterFaultAtTheCounterIsShownAndKeptAsAFailedJob(FxRobot robot) throws Exception {
        Ticket t = kiosk.issueTicket(2, UUID.randomUUID().toString());
        printer.simulate(PrinterStatus.PAPER_OUT);
        scene.signInAtCounter(robot, 2);
        click(robot, "#next");
        waitFor(() -> text(robot, "#current-number").equals(t.displayNumber()));

        click(robot, "#reprint");

        waitFor(() -> text(robot, "#message").contains("Hết giấy"));
        assertThat(kiosk.printJobs(t.id())).singleElement().satisfies(j -> assertThat(j.printed()).isFalse());
    }
}
