package vn.hanoi.branch.counter.dossier;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import vn.hanoi.branch.dossier.DossierMoves;
import vn.hanoi.branch.api.Dossiers;
import vn.hanoi.branch.api.Dossiers.State;
import vn.hanoi.branch.i18n.I18n;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The dossiers of the branch at the counter: a list filtered by state or overdue, and the chosen
 * dossier's timeline with the moves a clerk makes (F11 opens it, Esc closes it).
 */
public final class TrackingScreen {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM HH:mm").withZone(ZoneId.systemDefault());

    private final BorderPane root = new BorderPane();
    private final VBox detail = new VBox(8);
    private final TrackingModel model;
    private final TextField note = new TextField();
    private final TextField address = new TextField();
    private final TextField pdf = new TextField();

    public TrackingScreen(TrackingModel model) {
        this.model = model;
        ComboBox<State> filter = new ComboBox<>();
        filter.setId("tracking-filter");
        filter.getItems().add(null);
        filter.getItems().addAll(State.values());
        filter.setConverter(new StringConverter<>() {
            @Override
            public String toString(State s) {
                return s == null ? I18n.text("counter", I18n.VI, "tracking.all") : stateText(s);
            }

            @Override
            public State fromString(String s) {
                return null;
            }
        });
        filter.valueProperty().bindBidirectional(model.filterProperty());
        CheckBox overdue = new CheckBox(I18n.both("counter", "tracking.overdue"));
        overdue.setId("tracking-overdue");
        overdue.selectedProperty().bindBidirectional(model.overdueOnlyProperty());
        Button refresh = new Button(I18n.both("counter", "tracking.refresh"));
        refresh.setId("tracking-refresh");
        refresh.setOnAction(e -> model.refresh());
        Button back = new Button(I18n.both("counter", "tracking.back"));
        back.setId("tracking-back");
        back.setOnAction(e -> model.hide());
        HBox top = new HBox(12, new Label(I18n.both("counter", "tracking.title")), filter, overdue, refresh, back);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(12));

        TableView<Dossiers.Summary> table = new TableView<>(model.items());
        table.setId("tracking-table");
        table.getColumns().add(column("tracking.code", s -> s.code()));
        table.getColumns().add(column("tracking.procedure", s -> s.procedureNameVi()));
        table.getColumns().add(column("tracking.state", s -> stateText(s.state())));
        table.getColumns().add(column("tracking.due", s -> s.appointmentDate() == null ? "" : DAY.format(s.appointmentDate())));
        table.getColumns().add(column("tracking.onTime", s -> s.onTime() == null ? "—" : s.onTime() ? "✔ đúng hạn" : "✘ quá hạn"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        // A refreshed list clears the table's selection; the dossier on the right stays, and its row is
        // selected again without reading it a second time (each read is an audited one).
        table.getSelectionModel().selectedItemProperty().addListener((o, a, s) -> {
            Dossiers.Dossier shown = model.selectedProperty().get();
            if (s != null && (shown == null || shown.id() != s.id())) {
                model.select(s);
            }
        });
        model.items().addListener((javafx.collections.ListChangeListener<Dossiers.Summary>) c -> {
            Dossiers.Dossier shown = model.selectedProperty().get();
            if (shown != null) {
                model.items().stream().filter(x -> x.id() == shown.id()).findFirst()
                        .ifPresent(x -> table.getSelectionModel().select(x));
            }
        });

        Label message = new Label();
        message.setId("tracking-message");
        message.getStyleClass().add("message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        note.setId("tracking-note");
        note.setPromptText("Ghi chú cho công dân / Note for the citizen");
        address.setId("tracking-address");
        address.setPromptText("Địa chỉ nhận tại nhà / Delivery address");
        pdf.setId("tracking-pdf");
        pdf.setPromptText("Tệp PDF kết quả / Result PDF file");
        model.selectedProperty().addListener((o, a, d) -> showDetail(d));
        showDetail(null);
        ScrollPane detailScroll = new ScrollPane(new VBox(8, detail, message));
        detailScroll.setFitToWidth(true);
        detailScroll.setPrefWidth(460);

        HBox body = new HBox(12, table, detailScroll);
        HBox.setHgrow(table, Priority.ALWAYS);
        body.setPadding(new Insets(0, 12, 12, 12));
        root.setTop(top);
        root.setCenter(body);
        root.setId("tracking");
        root.visibleProperty().bind(model.openProperty());
        root.managedProperty().bind(root.visibleProperty());
    }

    private void showDetail(Dossiers.Dossier d) {
        detail.getChildren().clear();
        note.clear(); // a note belongs to one move
        if (d == null) {
            detail.getChildren().add(new Label(I18n.both("counter", "tracking.choose")));
            return;
        }
        Label head = new Label(d.code() + " – " + d.procedureNameVi());
        head.setId("tracking-selected");
        head.getStyleClass().add("strong");
        head.setWrapText(true);
        Label who = new Label((d.applicant() == null ? "" : d.applicant().fullName())
                + (d.appointmentDate() == null ? "" : " · hẹn " + DAY.format(d.appointmentDate())));
        who.setWrapText(true);
        Label state = new Label(stateText(d.state()) + (d.trackingCode() == null ? "" : " · " + d.trackingCode())
                + (d.certifiedCopySha256() == null ? "" : " · bản sao điện tử đã chứng thực"));
        state.setId("tracking-detail-state");
        VBox timeline = new VBox(2);
        timeline.setId("tracking-timeline");
        for (Dossiers.Event e : d.history()) {
            Label l = new Label(WHEN.format(e.at()) + "  " + stateText(e.state()) + (e.noteVi() == null ? "" : " – " + e.noteVi()));
            l.setWrapText(true);
            timeline.getChildren().add(l);
        }
        FlowPane moves = new FlowPane(8, 8);
        for (State to : DossierMoves.statusChoices(d.state())) {
            Button b = new Button(stateText(to));
            b.setId("move-" + to.name());
            b.disableProperty().bind(model.busyProperty());
            b.setOnAction(e -> model.moveTo(to, note.getText()));
            moves.getChildren().add(b);
        }
        // The moves first, the history last: what the clerk does next is always in view.
        detail.getChildren().addAll(head, who, state);
        if (!moves.getChildren().isEmpty()) {
            detail.getChildren().addAll(note, moves);
        }
        // Handing the result over is a move of its own (RETURNED at the counter, DELIVERED by post).
        if (DossierMoves.allowed(d.state(), State.RETURNED)) {
            Button counter = new Button(I18n.both("counter", "tracking.returnHere"));
            counter.setId("hand-over-counter");
            counter.setOnAction(e -> model.handOver(Dossiers.HandOverMethod.COUNTER, null, null));
            Button home = new Button(I18n.both("counter", "tracking.sendHome"));
            home.setId("hand-over-home");
            home.disableProperty().bind(Bindings.createBooleanBinding(() -> address.getText().isBlank(), address.textProperty()));
            home.setOnAction(e -> model.handOver(Dossiers.HandOverMethod.HOME, address.getText(),
                    d.applicant() == null ? null : d.applicant().phone()));
            detail.getChildren().addAll(counter, address, home);
        }
        if (d.state() == State.RESULT_READY || d.state() == State.RETURNED || d.state() == State.DELIVERED) {
            Button choose = new Button("…");
            choose.setOnAction(e -> {
                FileChooser fc = new FileChooser();
                fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("PDF", "*.pdf"));
                var f = fc.showOpenDialog(root.getScene().getWindow());
                if (f != null) {
                    pdf.setText(f.getPath());
                }
            });
            Button certify = new Button(I18n.both("counter", "tracking.certify"));
            certify.setId("certify-copy");
            certify.disableProperty().bind(Bindings.createBooleanBinding(() -> pdf.getText().isBlank(), pdf.textProperty())
                    .or(model.busyProperty()));
            certify.setOnAction(e -> model.certify(Path.of(pdf.getText().strip())));
            detail.getChildren().addAll(new HBox(6, pdf, choose), certify);
        }
        detail.getChildren().addAll(new Label(I18n.both("counter", "tracking.timeline")), timeline);
    }

    static String stateText(State s) {
        return I18n.text("counter", I18n.VI, "state." + s.name());
    }

    private static TableColumn<Dossiers.Summary, String> column(String key,
                                                                java.util.function.Function<Dossiers.Summary, String> value) {
        TableColumn<Dossiers.Summary, String> c = new TableColumn<>(I18n.text("counter", I18n.VI, key));
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return c;
    }

    public Node root() {
        return root;
    }
}
