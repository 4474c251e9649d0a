package vn.hanoi.branch.counter.supervisor;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import vn.hanoi.branch.counter.admin.AdminModel;
import vn.hanoi.branch.counter.admin.AdminView;
import vn.hanoi.branch.counter.login.SignInModel;
import vn.hanoi.branch.api.CounterState;
import vn.hanoi.branch.api.DayStats;
import vn.hanoi.branch.api.DeviceHealth;
import vn.hanoi.branch.i18n.I18n;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The supervisor's view of the branch today: the four figures people ask for first, waiting per
 * service and the day by hour as charts, then per-service and per-counter tables, and the end of day.
 */
public final class SupervisorScreen {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final SupervisorModel model;
    private final BorderPane root = new BorderPane();
    private final Label waiting = kpiValue("kpi-waiting");
    private final Label served = kpiValue("kpi-served");
    private final Label avgWait = kpiValue("kpi-avg-wait");
    private final Label avgService = kpiValue("kpi-avg-service");
    private final Label updated = new Label();
    private final XYChart.Series<String, Number> waitingSeries = new XYChart.Series<>();
    private final XYChart.Series<String, Number> issuedSeries = new XYChart.Series<>();
    private final XYChart.Series<String, Number> servedSeries = new XYChart.Series<>();
    private final GridPane servicesGrid = new GridPane();
    private final GridPane countersGrid = new GridPane();

    public SupervisorScreen(SupervisorModel model, SignInModel desk, AdminModel admin) {
        this.model = model;

        BarChart<String, Number> waitingChart = new BarChart<>(new CategoryAxis(), integerAxis());
        waitingChart.setId("waiting-chart");
        waitingChart.setTitle(oneLine("supervisor.waitingChart"));
        waitingChart.setAnimated(false);
        waitingChart.setLegendVisible(false);
        waitingSeries.setName(oneLine("supervisor.waiting"));
        waitingChart.getData().add(waitingSeries);

        BarChart<String, Number> hourlyChart = new BarChart<>(new CategoryAxis(), integerAxis());
        hourlyChart.setId("hourly-chart");
        hourlyChart.setTitle(oneLine("supervisor.hourlyChart"));
        hourlyChart.setAnimated(false);
        issuedSeries.setName(oneLine("supervisor.issued"));
        servedSeries.setName(oneLine("supervisor.servedSeries"));
        hourlyChart.getData().add(issuedSeries);
        hourlyChart.getData().add(servedSeries);

        HBox kpis = new HBox(16, kpi("supervisor.waiting", waiting), kpi("supervisor.served", served),
                kpi("supervisor.avgWait", avgWait), kpi("supervisor.avgService", avgService));
        HBox charts = new HBox(16, waitingChart, hourlyChart);
        HBox.setHgrow(waitingChart, Priority.ALWAYS);
        HBox.setHgrow(hourlyChart, Priority.ALWAYS);
        waitingChart.setPrefHeight(210);
        hourlyChart.setPrefHeight(210);
        servicesGrid.setHgap(14);
        servicesGrid.setVgap(4);
        countersGrid.setHgap(14);
        countersGrid.setVgap(4);
        VBox servicesCard = new VBox(6, title("supervisor.services"), servicesGrid);
        VBox countersCard = new VBox(6, title("supervisor.counters"), countersGrid);
        servicesCard.getStyleClass().add("card");
        countersCard.getStyleClass().add("card");
        HBox tables = new HBox(16, servicesCard, countersCard);
        HBox.setHgrow(servicesCard, Priority.ALWAYS);
        HBox.setHgrow(countersCard, Priority.ALWAYS);

        Label message = new Label();
        message.setId("supervisor-message");
        message.getStyleClass().add("message");
        message.textProperty().bind(model.messageProperty());
        VBox alertList = new VBox(4);
        alertList.setId("alerts");
        VBox alertsCard = new VBox(6, title("supervisor.alerts"), alertList);
        alertsCard.getStyleClass().add("card");
        model.alerts().addListener((javafx.collections.ListChangeListener<DeviceHealth.Alert>) c -> showAlerts(alertList));
        showAlerts(alertList);
        VBox syncLines = new VBox(4);
        syncLines.setId("sync-status");
        VBox syncCard = new VBox(6, title("supervisor.sync"), syncLines);
        syncCard.getStyleClass().add("card");
        model.syncProperty().addListener((o, a, st) -> showSync(syncLines, st));
        Label backupLine = new Label();
        backupLine.setId("backup-status");
        backupLine.setWrapText(true);
        model.backupsProperty().addListener((o, a, b) -> showBackups(backupLine, b));
        VBox backupCard = new VBox(6, title("supervisor.backups"), backupLine);
        backupCard.getStyleClass().add("card");
        VBox body = new VBox(12, kpis, alertsCard, syncCard, backupCard, charts, tables, message);
        body.setPadding(new Insets(12, 20, 12, 20));

        root.setTop(header(desk));
        // Scrolls on small screens instead of pushing the header off the top.
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.setStyle("-fx-background-color: transparent; -fx-background: #f4f6fa;");
        // Today's live figures and the reports over a range of days, one tab each.
        javafx.scene.control.Tab today = new javafx.scene.control.Tab(oneLine("report.todayTab"), scroll);
        today.setId("today-tab");
        javafx.scene.control.Tab reports = new javafx.scene.control.Tab(oneLine("report.tab"),
                new ReportView(model.reports()).root());
        reports.setId("reports-tab");
        // The branch's settings (and for IT its accounts and devices), changed while it works.
        AdminView adminView = new AdminView(admin);
        javafx.scene.control.Tab settings = new javafx.scene.control.Tab(oneLine("admin.tab"), adminView.root());
        settings.setId("admin-tab");
        settings.selectedProperty().addListener((o, was, now) -> {
            if (now) {
                adminView.reload();
            }
        });
        javafx.scene.control.TabPane tabs = new javafx.scene.control.TabPane(today, reports, settings);
        tabs.setId("supervisor-tabs");
        tabs.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
        root.setCenter(tabs);
        model.statsProperty().addListener((o, a, s) -> show(s));
    }

    /** The city link for IT: what waits, since when, the last success and error; an alert line when too old. */
    private void showSync(VBox box, vn.hanoi.branch.api.SyncStatus st) {
        box.getChildren().clear();
        if (st == null) {
            return;
        }
        java.time.format.DateTimeFormatter hhmm = java.time.format.DateTimeFormatter.ofPattern("dd/MM HH:mm")
                .withZone(java.time.ZoneId.systemDefault());
        if (!st.configured()) {
            box.getChildren().add(new Label(I18n.both("counter", "supervisor.sync.off").replace("\n", " / ")));
        }
        String last = st.lastSuccessAt() == null ? "—" : hhmm.format(st.lastSuccessAt());
        long oldestMin = st.oldestUnsentAgeSeconds() == null ? 0 : st.oldestUnsentAgeSeconds() / 60;
        Label state = new Label(I18n.both("counter", "supervisor.sync.state", st.backlog(), oldestMin, st.documentsQueued(), last));
        state.setId("sync-state");
        box.getChildren().add(state);
        if (st.lastErrorAt() != null && (st.lastSuccessAt() == null || st.lastErrorAt().isAfter(st.lastSuccessAt()))) {
            box.getChildren().add(new Label(I18n.both("counter", "supervisor.sync.error", hhmm.format(st.lastErrorAt()),
                    st.lastError())));
        }
        if (st.deadLetters() > 0) {
            Label parked = new Label("⚠ " + I18n.both("counter", "supervisor.sync.deadLetters", st.deadLetters()));
            parked.setId("sync-dead-letters");
            parked.getStyleClass().add("alert");
            box.getChildren().add(parked);
        }
        if (st.alert()) {
            Label alert = new Label("⚠ " + I18n.both("counter", "supervisor.sync.alert", st.alertAfterMinutes()));
            alert.setId("sync-alert");
            alert.getStyleClass().add("alert");
            box.getChildren().add(alert);
        }
    }

    /** The newest backup, or what IT must do about backups (failed, trial restore failed, on the data disk). */
    private static void showBackups(Label line, vn.hanoi.branch.api.BackupHealth b) {
        line.getStyleClass().remove("alert");
        if (b == null) {
            line.setText("");
        } else if (b.warningVi() != null) {
            line.setText("⚠ " + b.warningVi() + "\n" + b.warningEn());
            line.getStyleClass().add("alert");
        } else {
            String newest = b.newest() == null ? "—" : java.time.format.DateTimeFormatter.ofPattern("dd/MM HH:mm")
                    .withZone(java.time.ZoneId.systemDefault()).format(b.newest());
            line.setText(I18n.both("counter", "supervisor.backups.newest", newest));
        }
    }

    /** Device faults for IT, in both languages, with the time they started. */
    private void showAlerts(VBox list) {
        list.getChildren().clear();
        if (model.alerts().isEmpty()) {
            list.getChildren().add(new Label(I18n.both("counter", "supervisor.noAlerts").replace("\n", " / ")));
            return;
        }
        java.time.format.DateTimeFormatter hhmm = java.time.format.DateTimeFormatter.ofPattern("HH:mm")
                .withZone(java.time.ZoneId.systemDefault());
        for (DeviceHealth.Alert a : model.alerts()) {
            Label l = new Label("⚠ " + a.deviceName() + " — " + a.messageVi() + " / " + a.messageEn()
                    + " (" + hhmm.format(a.raisedAt()) + ")");
            l.getStyleClass().add("alert");
            l.setUserData(a.status());
            list.getChildren().add(l);
        }
    }

    private Node header(SignInModel desk) {
        Label title = new Label(oneLine("supervisor.title"));
        updated.setId("supervisor-updated");
        Label live = new Label();
        live.textProperty().bind(Bindings.createStringBinding(() -> oneLine(
                model.liveProperty().get() ? "desk.live" : "desk.reconnecting"), model.liveProperty()));
        Button toCounter = new Button(oneLine("supervisor.toCounter"));
        toCounter.setId("to-counter");
        toCounter.getStyleClass().add("op");
        toCounter.setOnAction(e -> desk.showCounterChoice());
        Button endOfDay = new Button(oneLine("supervisor.endOfDay"));
        endOfDay.setId("end-of-day");
        endOfDay.getStyleClass().addAll("op", "danger");
        endOfDay.setOnAction(e -> confirmEndOfDay());
        Button logout = new Button(oneLine("desk.logout"));
        logout.setId("supervisor-logout");
        logout.getStyleClass().add("op");
        logout.setOnAction(e -> desk.logout());
        // Two rows, so that no text is cut at 1280 px: what is shown, then what can be done.
        for (javafx.scene.control.Labeled l : new javafx.scene.control.Labeled[] {title, updated, live, toCounter, endOfDay, logout}) {
            l.setMinWidth(Region.USE_PREF_SIZE);
        }
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox top = new HBox(16, title, gap, updated, live);
        top.setAlignment(Pos.CENTER_LEFT);
        Region gap2 = new Region();
        HBox.setHgrow(gap2, Priority.ALWAYS);
        HBox actions = new HBox(12, gap2, toCounter, endOfDay, logout);
        actions.setAlignment(Pos.CENTER_RIGHT);
        VBox h = new VBox(8, top, actions);
        h.setMinHeight(Region.USE_PREF_SIZE); // the tall body must not squeeze the header
        h.getStyleClass().add("header");
        return h;
    }

    private void confirmEndOfDay() {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, I18n.both("counter", "supervisor.endOfDay.confirm"),
                ButtonType.OK, ButtonType.CANCEL);
        a.setTitle(oneLine("supervisor.endOfDay"));
        a.setHeaderText(oneLine("supervisor.endOfDay"));
        // Cancel is the default: Enter alone must not end a branch's day.
        ((Button) a.getDialogPane().lookupButton(ButtonType.OK)).setDefaultButton(false);
        ((Button) a.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        if (root.getScene() != null) {
            a.initOwner(root.getScene().getWindow());
        }
        a.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> model.endOfDay());
    }

    private void show(DayStats s) {
        if (s == null) {
            return;
        }
        waiting.setText(Integer.toString(s.waiting()));
        served.setText(Integer.toString(s.servedToday()));
        avgWait.setText(duration(s.avgWaitSeconds()));
        avgService.setText(duration(s.avgServiceSeconds()));
        updated.setText(I18n.both("counter", "supervisor.updated",
                TIME.format(s.at().atZone(ZoneId.systemDefault()))).replace("\n", " / "));

        waitingSeries.getData().setAll(s.services().stream()
                .map(sv -> new XYChart.Data<String, Number>(sv.code(), sv.waiting())).toList());
        issuedSeries.getData().setAll(s.hourly().stream()
                .map(h -> new XYChart.Data<String, Number>(h.hour() + "h", h.issued())).toList());
        servedSeries.getData().setAll(s.hourly().stream()
                .map(h -> new XYChart.Data<String, Number>(h.hour() + "h", h.served())).toList());

        servicesGrid.getChildren().clear();
        servicesGrid.addRow(0, head("supervisor.col.service"), head("supervisor.col.waiting"),
                head("supervisor.col.longest"), head("supervisor.col.served"), head("supervisor.col.avgWait"),
                head("supervisor.col.avgService"));
        int row = 1;
        for (DayStats.ServiceStats sv : s.services()) {
            String id = "svc-" + sv.code() + "-";
            servicesGrid.addRow(row++, cell(null, sv.code() + " – " + sv.nameVi()),
                    cell(id + "waiting", Integer.toString(sv.waiting())),
                    cell(id + "longest", sv.waiting() == 0 ? "—" : duration((double) sv.longestWaitSeconds())),
                    cell(id + "served", Integer.toString(sv.servedToday())),
                    cell(id + "avg-wait", duration(sv.avgWaitSeconds())),
                    cell(id + "avg-service", duration(sv.avgServiceSeconds())));
        }

        countersGrid.getChildren().clear();
        countersGrid.addRow(0, head("supervisor.col.counter"), head("supervisor.col.state"),
                head("supervisor.col.current"), head("supervisor.col.served"));
        row = 1;
        for (DayStats.CounterStats c : s.counters()) {
            String id = "ctr-" + c.number() + "-";
            CounterState st = c.state() == null ? CounterState.OPEN : c.state();
            String state = oneLine("desk.counterState." + st) + (c.reason() == null || c.reason().isBlank()
                    ? "" : " — " + c.reason());
            Label stateCell = cell(id + "state", state);
            if (st != CounterState.OPEN) {
                stateCell.getStyleClass().add(st == CounterState.PAUSED ? "paused-cell" : "closed-cell");
            }
            countersGrid.addRow(row++, cell(null, Integer.toString(c.number())), stateCell,
                    cell(id + "current", c.currentNumber() == null ? "—" : c.currentNumber()),
                    cell(id + "served", Integer.toString(c.servedToday())));
        }
    }

    /** Minutes and seconds, as on a wall clock; hours only when it comes to that. */
    static String duration(Double seconds) {
        if (seconds == null) {
            return "—";
        }
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }

    private static NumberAxis integerAxis() {
        NumberAxis y = new NumberAxis();
        y.setMinorTickVisible(false);
        y.setTickLabelFormatter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Number n) {
                return n.doubleValue() == Math.rint(n.doubleValue()) ? Integer.toString(n.intValue()) : "";
            }

            @Override
            public Number fromString(String s) {
                return Integer.valueOf(s);
            }
        });
        return y;
    }

    private static Label kpiValue(String id) {
        Label l = new Label("—");
        l.setId(id);
        l.getStyleClass().add("kpi");
        return l;
    }

    private static Node kpi(String key, Label value) {
        Label t = new Label(I18n.both("counter", key));
        t.getStyleClass().add("kpi-title");
        t.setMinHeight(Region.USE_PREF_SIZE);
        VBox box = new VBox(2, t, value);
        box.getStyleClass().add("card");
        box.setPadding(new Insets(8, 16, 8, 16));
        HBox.setHgrow(box, Priority.ALWAYS);
        box.setMaxWidth(Double.MAX_VALUE);
        return box;
    }

    private static Label title(String key) {
        Label l = new Label(oneLine(key));
        l.getStyleClass().add("grid-head");
        return l;
    }

    private static Label head(String key) {
        Label l = new Label(I18n.both("counter", key));
        l.getStyleClass().add("grid-head");
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    private static Label cell(String id, String text) {
        Label l = new Label(text);
        if (id != null) {
            l.setId(id);
        }
        l.getStyleClass().add("grid-cell");
        return l;
    }

    private static String oneLine(String key) {
        return I18n.both("counter", key).replace("\n", " / ");
    }

    public Node root() {
        return root;
    }
}
