package vn.hanoi.branch.counter.supervisor;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import vn.hanoi.branch.api.Reports;
import vn.hanoi.branch.client.AgentClient;
import vn.hanoi.branch.client.AgentException;
import vn.hanoi.branch.files.DurableFiles;
import vn.hanoi.branch.i18n.I18n;

/**
 * The supervisor's reports, without UI: the chosen range, period and grouping; the report as the agent
 * computed it (nothing is computed here), and the same report saved as CSV or PDF exactly as the agent
 * makes them.
 *
 * <p>Threads: the choice properties and {@link #show()}/{@link #saveCsv}/{@link #savePdf} on {@code ui};
 * agent calls and file writes on {@code background}.
 */
public final class ReportModel {
    private final AgentClient agent;
    private final Executor background;
    private final Executor ui;
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>(LocalDate.now().withDayOfMonth(1));
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>(LocalDate.now());
    private final ObjectProperty<Reports.Period> period = new SimpleObjectProperty<>(Reports.Period.DAY);
    private final ObjectProperty<Reports.GroupBy> by = new SimpleObjectProperty<>(Reports.GroupBy.BRANCH);
    private final ReadOnlyObjectWrapper<Reports.Report> report = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private volatile java.util.function.Function<String, Path> saveTarget;

    public ReportModel(AgentClient agent, Executor background, Executor ui) {
        this.agent = agent;
        this.background = background;
        this.ui = ui;
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    public ObjectProperty<Reports.Period> periodProperty() {
        return period;
    }

    public ObjectProperty<Reports.GroupBy> byProperty() {
        return by;
    }

    public ReadOnlyObjectProperty<Reports.Report> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The last problem or result, Vietnamese then English. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Loads the report of the current choice. */
    public void show() {
        Query q = query();
        run(() -> {
            Reports.Report r = agent.report(q.from, q.to, q.period, q.by);
            ui.execute(() -> {
                report.set(r);
                message.set("");
            });
        });
    }

    /** Saves the current choice as CSV (UTF-8 with BOM, ';' separated, as the agent makes it). */
    public void saveCsv(Path file) {
        Query q = query();
        run(() -> write(file, agent.reportCsv(q.from, q.to, q.period, q.by)));
    }

    /** Saves the current choice as PDF (as the agent makes it). */
    public void savePdf(Path file) {
        Query q = query();
        run(() -> write(file, agent.reportPdf(q.from, q.to, q.period, q.by)));
    }

    /**
     * Where to save without asking (tests; a kiosk-mode set-up): given the suggested file name with its
     * extension, the path to write. Null (the default): the screen asks with a file chooser.
     */
    public void setSaveTarget(java.util.function.Function<String, Path> target) {
        this.saveTarget = target;
    }

    public java.util.function.Function<String, Path> saveTarget() {
        return saveTarget;
    }

    /** The file name the agent suggests for the current choice, without extension. */
    public String suggestedName() {
        Query q = query();
        return "bao-cao_" + q.from + "_" + q.to + "_" + q.period.name().toLowerCase() + "_" + q.by.name().toLowerCase();
    }

    private record Query(LocalDate from, LocalDate to, Reports.Period period, Reports.GroupBy by) {
    }

    private Query query() {
        return new Query(from.get(), to.get(), period.get(), by.get());
    }

    private void write(Path file, byte[] bytes) throws IOException {
        DurableFiles.write(file, bytes);
        ui.execute(() -> message.set(I18n.both("counter", "report.saved", file.toString())));
    }

    private interface Work {
        void run() throws IOException;
    }

    private void run(Work work) {
        busy.set(true);
        message.set(I18n.both("counter", "report.loading"));
        background.execute(() -> {
            try {
                work.run();
            } catch (AgentException e) {
                ui.execute(() -> message.set(e.error().messageVi() + "\n" + e.error().messageEn()));
            } catch (IOException | RuntimeException e) {
                ui.execute(() -> message.set("Không lưu được tệp / Could not save the file: " + e.getMessage()));
            } finally {
                ui.execute(() -> busy.set(false));
            }
        });
    }
}
