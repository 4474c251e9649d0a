package vn.hanoi.branch.kiosk.lookup;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import vn.hanoi.branch.kiosk.KioskControls;
import vn.hanoi.branch.kiosk.Texts;
import vn.hanoi.branch.kiosk.ticket.TakeNumberModel;
import vn.hanoi.branch.api.Dossiers;
import vn.hanoi.branch.api.Ratings;
import vn.hanoi.branch.api.Ticket;
import vn.hanoi.branch.api.TicketState;
import vn.hanoi.branch.i18n.I18n;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dossier lookup: the code typed on a keypad (or scanned), then the status and history as the agent knows it. */
public final class LookupScreen {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ZoneId.systemDefault());

    private final BorderPane root = new BorderPane();
    private final VBox result = new VBox(12);
    private final TakeNumberModel model;
    private final LookupModel lookup;
    private final Texts texts;

    public LookupScreen(TakeNumberModel model, Texts texts) {
        this.model = model;
        this.lookup = model.lookup();
        this.texts = texts;
        var lang = model.session().languageProperty();
        root.setTop(KioskControls.header(model, texts));
        TextField code = new TextField();
        code.setId("lookup-code");
        code.setEditable(false);
        code.setFocusTraversable(false);
        code.textProperty().bind(lookup.codeProperty());
        GridPane keys = KioskControls.keypad(LookupModel.keys(), 13,
                c -> "lookup-key-" + (c == '-' ? "dash" : String.valueOf(c)), lookup::type);
        Button bksp = new Button("⌫");
        bksp.setId("lookup-backspace");
        bksp.getStyleClass().add("quiet");
        bksp.setOnAction(e -> lookup.backspace());
        Button back = KioskControls.quiet("lookup-back", "lookup.back", texts, model, model::back);
        Button submit = KioskControls.button("lookup-submit", "lookup.submit", texts, model);
        submit.disableProperty().bind(lookup.codeProperty().isEmpty().or(lookup.busyProperty()));
        submit.setOnAction(e -> lookup.submit());
        HBox actions = new HBox(24, back, bksp, submit);
        actions.setAlignment(Pos.CENTER);
        result.setId("lookup-result");
        result.setAlignment(Pos.TOP_LEFT);
        lookup.dossierProperty().addListener((o, a, b) -> show());
        lookup.ticketProperty().addListener((o, a, b) -> show());
        lookup.problemProperty().addListener((o, a, b) -> show());
        lookup.ratedProperty().addListener((o, a, b) -> show());
        lang.addListener((o, a, b) -> show());
        VBox center = new VBox(20, texts.both(lang, "lookup.title"), texts.both(lang, "lookup.hint"), code, keys, actions, result);
        center.setAlignment(Pos.TOP_CENTER);
        center.setPadding(new Insets(24, 64, 24, 64));
        root.setCenter(center);
        root.setId("lookup-screen");
    }

    private void show() {
        result.getChildren().clear();
        Locale l = model.session().languageProperty().get();
        boolean en = I18n.EN.equals(l);
        if (lookup.problemProperty().get() != null) {
            var p = lookup.problemProperty().get();
            VBox box = Texts.both(model.session().languageProperty(), p::messageVi, p::messageEn);
            box.setId("lookup-problem");
            box.getStyleClass().add("warning");
            result.getChildren().add(box);
        }
        Dossiers.Lookup d = lookup.dossierProperty().get();
        if (d != null) {
            result.getChildren().add(line("lookup-procedure", d.code() + " – " + (en ? d.procedureNameEn() : d.procedureNameVi()), "primary"));
            result.getChildren().add(line("lookup-state", texts.get(l, "lookup.state", texts.get(l, "state." + d.state().name())), "primary"));
            if (d.appointmentDate() != null) {
                result.getChildren().add(line("lookup-appointment", texts.get(l, "lookup.appointment", DAY.format(d.appointmentDate())), "secondary"));
            }
            for (Dossiers.Event e : d.history()) {
                String note = en ? e.noteEn() : e.noteVi();
                result.getChildren().add(line(null, WHEN.format(e.at()) + "  " + texts.get(l, "state." + e.state().name())
                        + (note == null || note.isBlank() ? "" : " – " + note), "secondary"));
            }
        }
        Ticket t = lookup.ticketProperty().get();
        if (t != null) {
            String text;
            if (t.state() == TicketState.CALLED || t.state() == TicketState.SERVING) {
                text = texts.get(l, "lookup.ticket.called", t.displayNumber(), t.counterNumber());
            } else if (t.state() == TicketState.WAITING) {
                text = texts.get(l, "lookup.ticket.waiting", t.displayNumber(), t.waitingAhead());
            } else {
                text = texts.get(l, "lookup.ticket.done", t.displayNumber());
            }
            result.getChildren().add(line("lookup-ticket", text, "primary"));
            if (t.state() == TicketState.DONE) {
                if (lookup.ratedProperty().get() != null) {
                    result.getChildren().add(line("lookup-thanks", texts.get(l, "rating.thanks"), "primary"));
                } else {
                    HBox faces = new HBox(24);
                    faces.setId("rating-buttons");
                    for (Ratings.Level level : Ratings.Level.values()) {
                        Button b = new Button(en ? level.textEn : level.textVi);
                        b.setId("rate-" + level.name());
                        b.getStyleClass().add("rating-" + level.name().toLowerCase());
                        b.setOnAction(e -> lookup.rate(level));
                        faces.getChildren().add(b);
                    }
                    result.getChildren().addAll(line(null, texts.get(l, "rating.question"), "secondary"), faces);
                }
            }
        }
    }

    private static Label line(String id, String text, String style) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add(style);
        if (id != null) {
            label.setId(id);
        }
        return label;
    }

    public Node root() {
        return root;
    }
}
