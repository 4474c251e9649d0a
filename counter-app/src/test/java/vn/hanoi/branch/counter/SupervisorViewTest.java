package vn.hanoi.branch.counter;

import javafx.scene.chart.BarChart;
import javafx.scene.chart.XYChart;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import vn.hanoi.branch.agent.testing.TestAgent;
import vn.hanoi.branch.counter.login.SignInModel;
import vn.hanoi.branch.api.CounterState;
import vn.hanoi.branch.api.DeviceHealth;
import vn.hanoi.branch.api.Role;
import vn.hanoi.branch.api.Sessions;
import vn.hanoi.branch.api.Ticket;
import vn.hanoi.branch.client.DeskClient;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hanoi.branch.counter.FxSteps.click;
import static vn.hanoi.branch.counter.FxSteps.isShown;
import static vn.hanoi.branch.counter.FxSteps.text;
import static vn.hanoi.branch.counter.FxSteps.waitFor;

/** The supervisor's overview against a real agent: the right figures, live, and never for a clerk. */
@ExtendWith(ApplicationExtension.class)
class SupervisorViewTest {
    @RegisterExtension
    static final CounterSceneExtension branch = new CounterSceneExtension();

    private static Sessions.Login supervisor;

    @BeforeAll
    static void startAgent() {
        supervisor = branch.agent().staffAccount(Role.SUPERVISOR);
    }

    @Test
    void supervisorSeesTheDayInChartsAndTablesLive(FxRobot robot) throws Exception {
        DeskClient clerk = branch.agent().deskClient();
        Ticket first = issue(1);
        issue(1);
        issue(1);
        issue(2);
        assertThat(clerk.callNext(1).id()).isEqualTo(first.id());
        clerk.finish(clerk.serve(first.id()).id());
        clerk.setCounterState(2, CounterState.PAUSED, "Họp / Meeting");

        branch.scene().signIn(robot, supervisor.username(), supervisor.password());
        assertThat(branch.scene().signIn().stepProperty().get()).isEqualTo(SignInModel.Step.SUPERVISOR);
        waitFor(() -> isShown(robot, "#waiting-chart") && bar(robot, "#waiting-chart", 0, "HT") == 2);
        assertThat(bar(robot, "#waiting-chart", 0, "CT")).isEqualTo(1);
        assertThat(bar(robot, "#waiting-chart", 0, "DD")).isZero();
        assertThat(text(robot, "#kpi-waiting")).isEqualTo("3");
        assertThat(text(robot, "#kpi-served")).isEqualTo("1");
        assertThat(text(robot, "#kpi-avg-service")).matches("\\d+:\\d\\d");
        assertThat(text(robot, "#svc-HT-waiting")).isEqualTo("2");
        assertThat(text(robot, "#svc-HT-served")).isEqualTo("1");
        assertThat(text(robot, "#svc-HT-longest")).matches("\\d+:\\d\\d");
        assertThat(text(robot, "#ctr-1-served")).isEqualTo("1");
        assertThat(text(robot, "#ctr-2-state")).contains("TẠM DỪNG").contains("Họp / Meeting");
        assertThat(text(robot, "#ctr-3-state")).contains("Đang mở");
        BarChart<?, ?> hourly = robot.lookup("#hourly-chart").queryAs(BarChart.class);
        assertThat(sum(hourly, 0)).isEqualTo(4); // numbers taken
        assertThat(sum(hourly, 1)).isEqualTo(1); // served

        // Live: pushed by the agent, nothing clicked.
        Ticket called = clerk.callNext(3);
        issue(2);
        issue(2);
        waitFor(() -> text(robot, "#ctr-3-current").equals(called.displayNumber()));
        waitFor(() -> bar(robot, "#waiting-chart", 0, "CT") == 2);
        assertThat(text(robot, "#kpi-waiting")).isEqualTo("4");
        clerk.finish(clerk.serve(called.id()).id());
        clerk.setCounterState(2, CounterState.OPEN, null);

        // From the overview to a counter and back.
        click(robot, "#to-counter");
        click(robot, "#counter-5");
        waitFor(() -> branch.scene().signIn().stepProperty().get() == SignInModel.Step.DESK);
        click(robot, "#open-supervisor");
        waitFor(() -> branch.scene().signIn().stepProperty().get() == SignInModel.Step.SUPERVISOR && isShown(robot, "#waiting-chart"));
    }

    @Test
    void aKioskPrinterFaultShowsAsAnAlertUntilItIsFixed(FxRobot robot) throws Exception {
        branch.scene().signIn(robot, supervisor.username(), supervisor.password());
        waitFor(() -> isShown(robot, "#alerts"));
        Ticket t = issue(5);
        branch.kiosk().recordPrint(t.id(), new DeviceHealth.PrintReport(false, "PAPER_OUT", false, 0));

        // Pushed: the alert event reloads the screen, no waiting for the 15 s tick.
        waitFor(() -> alertTexts(robot).stream().anyMatch(x -> x.contains("PAPER_OUT")));
        branch.kiosk().recordPrint(t.id(), new DeviceHealth.PrintReport(true, "READY", true, 480));
        waitFor(() -> alertTexts(robot).stream().noneMatch(x -> x.contains("PAPER_OUT")));
    }

    @Test
    void theCitySyncPanelShowsWhatWaitsToBeSent(FxRobot robot) throws Exception {
        issue(1);
        branch.scene().signIn(robot, supervisor.username(), supervisor.password());
        // This agent has no city link: the panel says so, and counts what is kept for later.
        waitFor(() -> syncTexts(robot).stream().anyMatch(x -> x.contains("Chưa cấu hình kết nối thành phố")));
        long backlog = branch.agent().agent().database().read(c -> {
            try (var ps = c.prepareStatement("SELECT count(*) FROM outbox WHERE sent_at IS NULL"); var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        assertThat(backlog).isPositive();
        waitFor(() -> syncTexts(robot).stream().anyMatch(x -> x.matches("(?s)\\d+ mục chờ gửi.*") && x.contains("entries waiting")));
        assertThat(syncTexts(robot)).noneMatch(x -> x.startsWith("⚠"));
        // the test agent keeps its backups beside its database: the supervisor sees IT's warning
        waitFor(() -> robot.lookup("#backup-status").queryAs(javafx.scene.control.Label.class).getText()
                .contains("cùng ổ đĩa"));
        assertThat(robot.lookup("#backup-status").queryAs(javafx.scene.control.Label.class).getText()).contains("same disk");
    }

    private static java.util.List<String> syncTexts(FxRobot robot) {
        return robot.lookup("#sync-status").queryAs(javafx.scene.layout.VBox.class).getChildrenUnmodifiable().stream()
                .map(n -> ((javafx.scene.control.Label) n).getText()).toList();
    }

    private static java.util.List<String> alertTexts(FxRobot robot) {
        return robot.lookup("#alerts").queryAs(javafx.scene.layout.VBox.class).getChildrenUnmodifiable().stream()
                .map(n -> ((javafx.scene.control.Label) n).getText()).toList();
    }

    @Test
    void aClerkNeverSeesTheSupervisorView(FxRobot robot) throws Exception {
        branch.scene().signIn(robot, TestAgent.CLERK, TestAgent.CLERK_PASSWORD);
        assertThat(branch.scene().signIn().stepProperty().get()).isEqualTo(SignInModel.Step.CHOOSE_COUNTER);
        assertThat(isShown(robot, "#choose-supervisor")).isFalse();
        click(robot, "#counter-1");
        waitFor(() -> branch.scene().signIn().stepProperty().get() == SignInModel.Step.DESK);
        assertThat(isShown(robot, "#open-supervisor")).isFalse();
        assertThat(isShown(robot, "#waiting-chart")).isFalse();
        branch.scene().signIn().showSupervisor(); // even asked directly, the model does not switch
        assertThat(branch.scene().signIn().stepProperty().get()).isEqualTo(SignInModel.Step.DESK);
        assertThat(branch.scene().model().supervisor().statsProperty().get()).isNull();
    }

    private static Ticket issue(long service) {
        return branch.kiosk().issueTicket(service, UUID.randomUUID().toString());
    }

    private static int bar(FxRobot robot, String chart, int series, String category) {
        BarChart<?, ?> c = robot.lookup(chart).queryAs(BarChart.class);
        if (c.getData().size() <= series) {
            return -1;
        }
        for (XYChart.Data<?, ?> d : c.getData().get(series).getData()) {
            if (category.equals(d.getXValue())) {
                return ((Number) d.getYValue()).intValue();
            }
        }
        return -1;
    }

    private static int sum(BarChart<?, ?> c, int series) {
        return c.getData().get(series).getData().stream().mapToInt(d -> ((Number) d.getYValue()).intValue()).sum();
    }
}
