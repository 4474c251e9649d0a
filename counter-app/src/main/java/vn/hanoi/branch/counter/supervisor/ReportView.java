package vn.hanoi.branch.counter.supervisor;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import vn.hanoi.branch.api.Reports;
import vn.hanoi.branch.i18n.I18n;

/**
 * The supervisor's "Báo cáo / Reports" tab: date range, period and grouping; the tickets taken per
 * period (a bar per group), the wait p90 and the satisfied share against the target line, the table
 * with the totals last, and saving the same report as CSV or PDF.
 */
final class ReportView {
    private final ReportModel model;
    private final javafx.scene.layout.BorderPane root;
    private final BarChart<String, Number> tickets = new BarChart<>(new CategoryAxis(), new NumberAxis());
    private final LineChart<String, Number> quality = new LineChart<>(new CategoryAxis(), new NumberAxis());
    private final TableView<Reports.Row> table = new TableView<>();

    ReportView(ReportModel model) {
        this.model = model;
        DatePicker from = new DatePicker();
        from.setId("report-from");
        from.valueProperty().bindBidirectional(model.fromProperty());
        DatePicker to = new DatePicker();
        to.setId("report-to");
        to.valueProperty().bindBidirectional(model.toProperty());
        ComboBox<Reports.Period> period = choice("report-period", Reports.Period.values(), "report.period.");
        period.valueProperty().bindBidirectional(model.periodProperty());
        ComboBox<Reports.GroupBy> by = choice("report-by", Reports.GroupBy.values(), "report.by.");
        by.valueProperty().bindBidirectional(model.byProperty());
        Button show = button("report-show", "report.show");
        show.setOnAction(e -> model.show());
        Button csv = button("report-save-csv", "report.saveCsv");
        csv.setOnAction(e -> save(".csv", "CSV", model::saveCsv));
        Button pdf = button("report-save-pdf", "report.savePdf");
        pdf.setOnAction(e -> save(".pdf", "PDF", model::savePdf));
        for (Button b : List.of(show, csv, pdf)) {
            b.disableProperty().bind(model.busyProperty());
        }
        // Two rows, so that nothing is cut at 1280 px: the choice, then what can be done with it.
        HBox choices = new HBox(10, field("report.from", from), field("report.to", to), field("report.period", period),
                field("report.by", by));
        choices.setAlignment(Pos.BOTTOM_LEFT);
        HBox actions = new HBox(10, show, csv, pdf);

        tickets.setId("report-tickets-chart");
        tickets.setTitle(oneLine("report.ticketsChart"));
        tickets.setAnimated(false);
        tickets.setPrefHeight(240);
        quality.setId("report-quality-chart");
        quality.setTitle(oneLine("report.qualityChart"));
        quality.setAnimated(false);
        quality.setCreateSymbols(true);
        quality.setPrefHeight(240);
        HBox charts = new HBox(16, tickets, quality);
        HBox.setHgrow(tickets, Priority.ALWAYS);
        HBox.setHgrow(quality, Priority.ALWAYS);

        table.setId("report-table");
        table.setPrefHeight(300);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        column("report.col.period", r -> r.groupKey().equals("*") ? oneLine("report.total") : r.periodStart().toString());
        column("report.col.group", r -> r.groupKey().equals("*") ? "" : r.groupKey() + " – " + r.groupName());
        column("report.col.issued", r -> n(r.ticketsIssued()));
        column("report.col.served", r -> n(r.served()));
        column("report.col.noShows", r -> n(r.noShows()));
        column("report.col.waitP50", r -> n(r.waitP50Minutes()));
        column("report.col.waitP90", r -> n(r.waitP90Minutes()));
        column("report.col.serviceP50", r -> n(r.serviceP50Minutes()));
        column("report.col.serviceP90", r -> n(r.serviceP90Minutes()));
        column("report.col.dossiers", r -> n(r.dossiersReceived()));
        column("report.col.onTime", r -> n(r.onTimePercent()));
        column("report.col.online", r -> n(r.onlineSharePercent()));
        column("report.col.ratings", r -> n(r.ratings()));
        column("report.col.satisfied", r -> n(r.satisfiedPercent()));

        Label message = new Label();
        message.setId("report-message");
        message.getStyleClass().add("message");
        message.textProperty().bind(model.messageProperty());
        // The choice and the buttons stay put; charts and table scroll beneath them (a button that is
        // disabled while the report loads gives the focus away, and a scroll pane follows the focus).
        VBox top = new VBox(8, choices, actions, message);
        top.setPadding(new Insets(12, 20, 4, 20));
        VBox body = new VBox(12, charts, table);
        body.setPadding(new Insets(4, 20, 12, 20));
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        root = new javafx.scene.layout.BorderPane(scroll, top, null, null, null);
        model.reportProperty().addListener((o, a, r) -> show(r));
    }

    Node root() {
        return root;
    }

    private void save(String extension, String kind, java.util.function.Consumer<Path> save) {
        String name = model.suggestedName() + extension;
        Function<String, Path> target = model.saveTarget();
        Path file;
        if (target != null) {
            file = target.apply(name);
        } else {
            FileChooser fc = new FileChooser();
            fc.setInitialFileName(name);
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, "*" + extension));
            File f = fc.showSaveDialog(root.getScene() == null ? null : root.getScene().getWindow());
            file = f == null ? null : f.toPath();
        }
        if (file != null) {
            save.accept(file);
        }
    }

    private void show(Reports.Report r) {
        if (r == null) {
            return;
        }
        // Tickets taken: a series per group, the periods along the axis.
        Map<String, XYChart.Series<String, Number>> byGroup = new LinkedHashMap<>();
        for (Reports.Row row : r.rows()) {
            XYChart.Series<String, Number> s = byGroup.computeIfAbsent(row.groupKey(), k -> {
                XYChart.Series<String, Number> n = new XYChart.Series<>();
                n.setName(row.groupKey() + " – " + row.groupName());
                return n;
            });
            s.getData().add(new XYChart.Data<>(label(r, row), row.ticketsIssued()));
        }
        tickets.getData().setAll(byGroup.values());
        tickets.setLegendVisible(r.by() != Reports.GroupBy.BRANCH);

        XYChart.Series<String, Number> wait = new XYChart.Series<>();
        wait.setName(oneLine("report.waitP90"));
        XYChart.Series<String, Number> satisfied = new XYChart.Series<>();
        satisfied.setName(oneLine("report.satisfied"));
        XYChart.Series<String, Number> target = new XYChart.Series<>();
        target.setName(I18n.both("counter", "report.target", r.targetPercent()).replace("\n", " / "));
        for (Reports.Row row : r.rows()) {
            String x = label(r, row) + (r.by() == Reports.GroupBy.BRANCH ? "" : " " + row.groupKey());
            if (row.waitP90Minutes() != null) {
                wait.getData().add(new XYChart.Data<>(x, row.waitP90Minutes()));
            }
            if (row.satisfiedPercent() != null) {
                satisfied.getData().add(new XYChart.Data<>(x, row.satisfiedPercent()));
            }
            target.getData().add(new XYChart.Data<>(x, r.targetPercent()));
        }
        quality.getData().setAll(List.of(wait, satisfied, target));

        List<Reports.Row> rows = new ArrayList<>(r.rows());
        rows.add(r.totals());
        table.getItems().setAll(rows);
    }

    /** A period as people say it: the day, the week's Monday, or the month. */
    static String label(Reports.Report r, Reports.Row row) {
        return r.period() == Reports.Period.MONTH ? row.periodStart().toString().substring(0, 7)
                : row.periodStart().toString();
    }

    private void column(String key, Function<Reports.Row, String> value) {
        TableColumn<Reports.Row, String> c = new TableColumn<>(I18n.both("counter", key));
        c.setCellValueFactory(d -> new SimpleStringProperty(value.apply(d.getValue())));
        c.setSortable(false);
        table.getColumns().add(c);
    }

    private static String n(Number v) {
        return v == null ? "—" : v.toString();
    }

    private static <E extends Enum<E>> ComboBox<E> choice(String id, E[] values, String keyPrefix) {
        ComboBox<E> box = new ComboBox<>();
        box.setId(id);
        box.getItems().setAll(values);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(E e) {
                return e == null ? "" : oneLine(keyPrefix + e.name());
            }

            @Override
            public E fromString(String s) {
                return null;
            }
        });
        return box;
    }

    private static Node field(String key, Node input) {
        Label l = new Label(oneLine(key));
        return new VBox(4, l, input);
    }

    private static Button button(String id, String key) {
        Button b = new Button(oneLine(key));
        b.setId(id);
        b.getStyleClass().add("op");
        b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return b;
    }

    private static String oneLine(String key) {
        return I18n.both("counter", key).replace("\n", " / ");
    }
}
