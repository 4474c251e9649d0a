package vn.hanoi.branch.kiosk.dossier;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.collections.MapChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import vn.hanoi.branch.dossier.FormCheck;
import vn.hanoi.branch.kiosk.KioskControls;
import vn.hanoi.branch.kiosk.Texts;
import vn.hanoi.branch.kiosk.ticket.TakeNumberModel;
import vn.hanoi.branch.api.Dossiers;
import vn.hanoi.branch.i18n.I18n;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The self-declaration form: one touchable line per field on the left (prefilled lines marked), and
 * on the right the keyboard for the chosen line: Telex letters for text, digits for numbers and
 * dates, or one big button per choice.
 */
public final class DeclarationScreen {
    private static final String[] LETTER_ROWS = {"1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm,./"};
    private static final String[] DIGIT_ROWS = {"123", "456", "789", "/0"};

    private final BorderPane root = new BorderPane();
    private final VBox lines = new VBox(8);
    private final VBox keyboard = new VBox(12);
    private final VBox documents = new VBox(4);
    private final Map<String, Button> lineButtons = new HashMap<>();
    private final TakeNumberModel model;
    private final DeclarationModel form;
    private final ScrollPane scroll;
    private final Texts texts;

    public DeclarationScreen(TakeNumberModel model, Texts texts) {
        this.model = model;
        this.form = model.declaration();
        this.texts = texts;
        var lang = model.session().languageProperty();
        root.setTop(KioskControls.header(model, texts));

        VBox title = Texts.both(lang, () -> title(I18n.VI), () -> title(I18n.EN), form.procedureProperty());
        VBox fix = texts.both(lang, "declare.fix");
        fix.setId("declare-fix");
        fix.getStyleClass().add("warning");
        fix.visibleProperty().bind(Bindings.isNotEmpty(form.problems()));
        fix.managedProperty().bind(fix.visibleProperty());
        scroll = new ScrollPane(new VBox(16, lines, documents));
        scroll.setFitToWidth(true);
        VBox left = new VBox(12, title, fix, scroll);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        left.setPrefWidth(820);

        Button back = KioskControls.quiet("declare-back", "declare.back", texts, model, model::back);
        Button submit = KioskControls.button("declare-submit", "declare.submit", texts, model, model::submitDeclaration);
        HBox actions = new HBox(24, back, submit);
        actions.setAlignment(Pos.CENTER_RIGHT);
        VBox right = new VBox(16, texts.both(lang, "declare.hint"), keyboard, actions);
        right.setAlignment(Pos.TOP_CENTER);
        HBox.setHgrow(right, Priority.ALWAYS);

        HBox center = new HBox(32, left, right);
        center.setPadding(new Insets(16, 32, 16, 32));
        root.setCenter(center);
        root.setId("declare-screen");

        form.procedureProperty().addListener((o, a, b) -> rebuild());
        form.values().addListener((MapChangeListener<String, String>) c -> refreshLines());
        form.problems().addListener((MapChangeListener<String, FormCheck.Problem>) c -> refreshLines());
        form.currentProperty().addListener((o, a, b) -> {
            refreshLines();
            buildKeyboard();
            javafx.application.Platform.runLater(this::showCurrent);
        });
        lang.addListener((ChangeListener<Object>) (o, a, b) -> rebuild());
        rebuild();
    }

    private String title(java.util.Locale l) {
        Dossiers.Procedure p = form.procedureProperty().get();
        return p == null ? "" : texts.get(l, "declare.title", I18n.EN.equals(l) ? p.nameEn() : p.nameVi());
    }

    private void rebuild() {
        lines.getChildren().clear();
        lineButtons.clear();
        documents.getChildren().clear();
        Dossiers.Procedure p = form.procedureProperty().get();
        if (p == null) {
            keyboard.getChildren().clear();
            return;
        }
        for (Dossiers.FormField f : p.form()) {
            Button line = new Button();
            line.setId("field-" + f.key());
            line.getStyleClass().setAll("form-line");
            line.setMaxWidth(Double.MAX_VALUE);
            line.setOnAction(e -> form.select(f));
            lineButtons.put(f.key(), line);
            lines.getChildren().add(line);
        }
        var l = model.session().languageProperty().get();
        Label head = new Label(texts.get(l, "declare.documents"));
        head.getStyleClass().add("form-label");
        documents.getChildren().add(head);
        for (Dossiers.RequiredDocument d : p.documents()) {
            Label doc = new Label("• " + (I18n.EN.equals(l) ? d.nameEn() : d.nameVi()));
            doc.setWrapText(true);
            documents.getChildren().add(doc);
        }
        refreshLines();
        buildKeyboard();
    }

    private void refreshLines() {
        Dossiers.Procedure p = form.procedureProperty().get();
        if (p == null) {
            return;
        }
        var l = model.session().languageProperty().get();
        for (Dossiers.FormField f : p.form()) {
            Button line = lineButtons.get(f.key());
            if (line == null) {
                continue;
            }
            Label label = new Label(ProcedureScreen.label(f, l) + (f.required() ? " *" : ""));
            label.getStyleClass().add("form-label");
            Label value = new Label(form.values().getOrDefault(f.key(), ""));
            value.setId("value-" + f.key());
            value.getStyleClass().add("form-value");
            value.setWrapText(true);
            VBox box = new VBox(2, label, value);
            FormCheck.Problem problem = form.problems().get(f.key());
            if (problem != null) {
                Label why = new Label(I18n.EN.equals(l) ? problem.messageEn() : problem.messageVi());
                why.setId("problem-" + f.key());
                why.getStyleClass().add("form-problem");
                why.setWrapText(true);
                box.getChildren().add(why);
            }
            line.setGraphic(box);
            line.getStyleClass().removeAll("current", "invalid");
            if (f.equals(form.currentProperty().get())) {
                line.getStyleClass().add("current");
            }
            if (problem != null) {
                line.getStyleClass().add("invalid");
            }
        }
    }

    /** Scrolls the form so the line being typed is in view (the keyboard types into it). */
    private void showCurrent() {
        Dossiers.FormField f = form.currentProperty().get();
        Button line = f == null ? null : lineButtons.get(f.key());
        if (line == null || scroll.getContent() == null) {
            return;
        }
        double content = scroll.getContent().getLayoutBounds().getHeight();
        double view = scroll.getViewportBounds().getHeight();
        if (content <= view) {
            return;
        }
        double y = line.getBoundsInParent().getMinY();
        double top = scroll.getVvalue() * (content - view);
        if (y < top || y + line.getHeight() > top + view) {
            scroll.setVvalue(Math.max(0, Math.min(1, (y - view / 3) / (content - view))));
        }
    }

    private void buildKeyboard() {
        keyboard.getChildren().clear();
        Dossiers.FormField f = form.currentProperty().get();
        if (f == null) {
            return;
        }
        if (f.kind() == Dossiers.FieldKind.CHOICE) {
            VBox choices = new VBox(16);
            for (int i = 0; i < f.choices().size(); i++) {
                String c = f.choices().get(i);
                Button b = new Button(c);
                b.setId("choice-" + i);
                b.setMaxWidth(Double.MAX_VALUE);
                b.setOnAction(e -> form.choose(f, c));
                choices.getChildren().add(b);
            }
            keyboard.getChildren().add(choices);
            return;
        }
        boolean digits = f.kind() != Dossiers.FieldKind.TEXT;
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.setAlignment(Pos.CENTER);
        String[] rows = digits ? DIGIT_ROWS : LETTER_ROWS;
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < rows[r].length(); c++) {
                char k = rows[r].charAt(c);
                Button b = new Button(String.valueOf(k));
                b.setId("kb-" + (k == '/' ? "slash" : k == '.' ? "dot" : k == ',' ? "comma" : String.valueOf(k)));
                b.getStyleClass().addAll("key", "kb");
                b.setFocusTraversable(false);
                b.setOnAction(e -> form.type(k));
                grid.add(b, c, r);
            }
        }
        Button space = KioskControls.quiet("kb-space", "declare.space", texts, model, () -> form.type(' '));
        space.setVisible(!digits);
        space.setManaged(!digits);
        javafx.scene.control.ToggleButton shift = new javafx.scene.control.ToggleButton("⇧");
        shift.setId("kb-shift");
        shift.getStyleClass().addAll("button", "quiet");
        shift.selectedProperty().bindBidirectional(form.shiftProperty());
        shift.setVisible(!digits);
        shift.setManaged(!digits);
        Button bksp = new Button("⌫");
        bksp.setId("kb-backspace");
        bksp.getStyleClass().add("quiet");
        bksp.setOnAction(e -> form.backspace());
        Button clear = KioskControls.quiet("kb-clear", "declare.clear", texts, model, form::clearField);
        Button next = KioskControls.button("kb-next", "declare.next", texts, model, form::nextEmpty);
        HBox bottom = new HBox(12, shift, space, bksp, clear, next);
        bottom.setAlignment(Pos.CENTER);
        keyboard.getChildren().addAll(grid, bottom);
    }

    public Node root() {
        return root;
    }

    static List<String> letterRows() {
        return List.of(LETTER_ROWS);
    }
}
