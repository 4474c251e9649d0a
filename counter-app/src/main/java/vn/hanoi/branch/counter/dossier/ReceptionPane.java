package vn.hanoi.branch.counter.dossier;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import vn.hanoi.branch.api.Dossiers;
import vn.hanoi.branch.i18n.I18n;

import java.time.format.DateTimeFormatter;

/**
 * The reception form beside the current number: Tab moves through the fields in reading order,
 * Ctrl+Enter receives, Esc closes (see {@code DeskScreen#installShortcuts}).
 */
public final class ReceptionPane {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final VBox root = new VBox(10);
    private final VBox checklist = new VBox(6);
    private final ComboBox<Dossiers.Procedure> procedure = new ComboBox<>();
    private final ReceptionModel model;

    public ReceptionPane(ReceptionModel model) {
        this.model = model;
        Label title = new Label(I18n.both("counter", "reception.title"));
        title.getStyleClass().add("title");

        procedure.setId("reception-procedure");
        procedure.setItems(model.procedures());
        procedure.valueProperty().bindBidirectional(model.procedureProperty());
        procedure.setMaxWidth(Double.MAX_VALUE);
        procedure.setConverter(new StringConverter<>() {
            @Override
            public String toString(Dossiers.Procedure p) {
                return p == null ? "" : p.code() + " – " + p.nameVi();
            }

            @Override
            public Dossiers.Procedure fromString(String s) {
                return null;
            }
        });

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(6);
        int row = 0;
        form.addRow(row++, label("reception.procedure"), procedure);
        form.addRow(row++, label("reception.name"), text("reception-name", model.fullNameProperty()));
        form.addRow(row++, label("reception.id"), text("reception-id", model.idNumberProperty()));
        form.addRow(row++, label("reception.dob"), text("reception-dob", model.dateOfBirthProperty()));
        form.addRow(row++, label("reception.phone"), text("reception-phone", model.phoneProperty()));
        form.addRow(row++, label("reception.address"), text("reception-address", model.addressProperty()));
        form.addRow(row++, label("reception.documents"), checklist);
        form.addRow(row++, label("reception.fee"), text("reception-fee", model.feeProperty()));
        TextArea notes = new TextArea();
        notes.setId("reception-notes");
        notes.setPrefRowCount(2);
        notes.textProperty().bindBidirectional(model.notesProperty());
        form.addRow(row++, label("reception.notes"), notes);
        CheckBox online = new CheckBox(I18n.both("counter", "reception.online"));
        online.setId("reception-online");
        online.selectedProperty().bindBidirectional(model.onlineProperty());
        form.add(online, 1, row);

        Button submit = new Button(I18n.both("counter", "reception.submit"));
        submit.setId("reception-submit");
        submit.getStyleClass().add("primary");
        submit.disableProperty().bind(model.busyProperty().or(model.receivedProperty().isNotNull()));
        submit.setOnAction(e -> model.submit());
        Button close = new Button(I18n.both("counter", "reception.cancel"));
        close.setId("reception-close");
        close.setOnAction(e -> model.close());
        Button slip = new Button(I18n.both("counter", "reception.slip"));
        slip.setId("reception-slip");
        slip.disableProperty().bind(model.busyProperty().or(model.receivedProperty().isNull()));
        slip.setOnAction(e -> model.printSlip());
        HBox actions = new HBox(12, submit, slip, close);
        actions.setAlignment(Pos.CENTER_LEFT);

        Label message = new Label();
        message.setId("reception-message");
        message.getStyleClass().add("message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        Label done = new Label();
        done.setId("reception-result");
        done.getStyleClass().add("strong");
        done.setWrapText(true);
        done.textProperty().bind(Bindings.createStringBinding(() -> {
            Dossiers.Dossier d = model.receivedProperty().get();
            return d == null ? "" : I18n.both("counter", "reception.done", d.code(), DAY.format(d.appointmentDate()));
        }, model.receivedProperty()));

        model.documents().addListener((ListChangeListener<ReceptionModel.DocumentLine>) c -> fillChecklist());
        ScrollPane scroll = new ScrollPane(form);
        scroll.setFitToWidth(true);
        Label slipMessage = new Label();
        slipMessage.setId("reception-slip-message");
        slipMessage.setWrapText(true);
        slipMessage.textProperty().bind(model.slipMessageProperty());
        root.getChildren().addAll(title, scroll, message, done, actions, slipMessage);
        root.getStyleClass().add("card");
        root.setPadding(new Insets(12));
        root.setId("reception");
        root.visibleProperty().bind(model.openProperty());
        root.managedProperty().bind(root.visibleProperty());
    }

    private void fillChecklist() {
        checklist.getChildren().clear();
        for (ReceptionModel.DocumentLine d : model.documents()) {
            CheckBox got = new CheckBox(d.document().nameVi());
            got.setId("doc-" + d.document().code());
            got.selectedProperty().bindBidirectional(d.received());
            got.setWrapText(true);
            CheckBox original = new CheckBox(I18n.text("counter", I18n.VI, "reception.original"));
            original.setId("doc-" + d.document().code() + "-original");
            original.selectedProperty().bindBidirectional(d.original());
            checklist.getChildren().add(new HBox(12, got, original));
        }
    }

    /** Puts the cursor in the first field to type: the name when it is empty, else the checklist. */
    public void focusFirst() {
        Node first = model.fullNameProperty().get().isBlank() ? root.lookup("#reception-name")
                : checklist.getChildren().isEmpty() ? root.lookup("#reception-fee")
                : ((HBox) checklist.getChildren().get(0)).getChildren().get(0);
        if (first != null) {
            first.requestFocus();
        }
    }

    private static Label label(String key) {
        Label l = new Label(I18n.both("counter", key));
        l.setWrapText(true);
        l.setMinWidth(160);
        return l;
    }

    private static TextInputControl text(String id, javafx.beans.property.StringProperty value) {
        TextField f = new TextField();
        f.setId(id);
        f.textProperty().bindBidirectional(value);
        return f;
    }

    public Node root() {
        return root;
    }
}
