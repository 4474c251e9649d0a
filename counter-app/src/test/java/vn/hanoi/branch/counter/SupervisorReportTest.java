package vn.hanoi.branch.counter;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hanoi.branch.counter.FxSteps.click;
import static vn.hanoi.branch.counter.FxSteps.isShown;
import static vn.hanoi.branch.counter.FxSteps.waitFor;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import vn.hanoi.branch.agent.testing.ReportSeed;
import vn.hanoi.branch.counter.login.SignInModel;
import vn.hanoi.branch.counter.supervisor.ReportModel;
import vn.hanoi.branch.api.Reports;
import vn.hanoi.branch.api.Role;
import vn.hanoi.branch.api.Sessions;

/**
 * The supervisor's reports tab against a real agent holding the hand-checked data set of
 * {@link ReportSeed}: chart and table show the agent's figures, CSV and PDF are saved where asked.
 */
@ExtendWith(ApplicationExtension.class)
class SupervisorReportTest {
    @RegisterExtension
    static final CounterSceneExtension branch = new CounterSceneExtension();

    private static Sessions.Login supervisor;

    @TempDir
    Path dir;

    @BeforeAll
    static void startAgent() throws Exception {
        supervisor = branch.agent().staffAccount(Role.SUPERVISOR);
        ReportSeed.seed(branch.agent());
    }

    @Test
    void supervisorSeesTheMonthsOfASeededRangeAndSavesCsvAndPdf(FxRobot robot) throws Exception {
        branch.scene().signIn(robot, supervisor.username(), supervisor.password());
        waitFor(() -> branch.scene().signIn().stepProperty().get() == SignInModel.Step.SUPERVISOR);
        ReportModel reports = branch.scene().model().supervisor().reports();
        reports.setSaveTarget(dir::resolve);

        click(robot, "#reports-tab");
        waitFor(() -> isShown(robot, "#report-show"));
        robot.interact(() -> {
            reports.fromProperty().set(LocalDate.of(2025, 6, 1));
            reports.toProperty().set(LocalDate.of(2025, 7, 31));
            reports.periodProperty().set(Reports.Period.MONTH);
            reports.byProperty().set(Reports.GroupBy.BRANCH);
        });
        click(robot, "#report-show");

        TableView<?> table = robot.lookup("#report-table").queryAs(TableView.class);
        waitFor(() -> table.getItems().size() == 3);
        Reports.Row totals = (Reports.Row) table.getItems().get(2);
        assertThat(totals.groupKey()).isEqualTo("*");
        assertThat(totals.ticketsIssued()).isEqualTo(12);
        assertThat(totals.satisfiedPercent()).isEqualTo(71.4);
        waitFor(() -> cellTexts(robot).containsAll(List.of("83.3", "71.4", "66.6")));
        assertThat(cellTexts(robot)).contains("Tổng cộng / Total");

        BarChart<?, ?> tickets = robot.lookup("#report-tickets-chart").queryAs(BarChart.class);
        assertThat(isShown(robot, "#report-tickets-chart")).isTrue();
        assertThat(value(tickets, 0, "2025-06")).isEqualTo(11.0);
        assertThat(value(tickets, 0, "2025-07")).isEqualTo(1.0);
        LineChart<?, ?> quality = robot.lookup("#report-quality-chart").queryAs(LineChart.class);
        assertThat(value(quality, 0, "2025-06")).isEqualTo(7.0); // wait p90
        assertThat(value(quality, 1, "2025-06")).isEqualTo(83.3); // satisfied
        assertThat(value(quality, 2, "2025-07")).isEqualTo(95.0); // the target line

        waitFor(() -> !reports.busyProperty().get());
        click(robot, "#report-save-csv");
        Path csv = dir.resolve("bao-cao_2025-06-01_2025-07-31_month_branch.csv");
        waitFor(() -> Files.exists(csv));
        byte[] bytes = Files.readAllBytes(csv);
        assertThat(bytes[0]).isEqualTo((byte) 0xEF);
        assertThat(new String(bytes, StandardCharsets.UTF_8).split("\r\n")).hasSize(4)
                .anySatisfy(l -> assertThat(l).startsWith("2025-06-01;*;"));
        waitFor(() -> !reports.busyProperty().get());
        click(robot, "#report-save-pdf");
        Path pdf = dir.resolve("bao-cao_2025-06-01_2025-07-31_month_branch.pdf");
        waitFor(() -> Files.exists(pdf));
        assertThat(new String(Files.readAllBytes(pdf), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        waitFor(() -> robot.lookup("#report-message").queryAs(Labeled.class).getText().contains(pdf.toString()));
    }

    private static List<String> cellTexts(FxRobot robot) {
        return robot.lookup("#report-table .table-cell").queryAllAs(Labeled.class).stream()
                .map(Labeled::getText).filter(t -> t != null).toList();
    }

    private static double value(XYChart<?, ?> chart, int series, String category) {
        if (chart.getData().size() <= series) {
            return -1;
        }
        for (XYChart.Data<?, ?> d : chart.getData().get(series).getData()) {
            if (category.equals(d.getXValue())) {
                return ((Number) d.getYValue()).doubleValue();
            }
        }
        return -1;
    }
}
