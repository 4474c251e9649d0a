package vn.hanoi.branch.kiosk.dossier;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import vn.hanoi.branch.kiosk.KioskControls;
import vn.hanoi.branch.kiosk.Texts;
import vn.hanoi.branch.kiosk.ticket.TakeNumberModel;
import vn.hanoi.branch.api.Dossiers;
import vn.hanoi.branch.i18n.I18n;

/** "Which procedure?": taking the number without a form is the first and biggest choice. */
public final class ProcedureScreen {
    private final BorderPane root = new BorderPane();
    private final VBox list = new VBox(20);
    private final TakeNumberModel model;
    private final Texts texts;

    public ProcedureScreen(TakeNumberModel model, Texts texts) {
        this.model = model;
        this.texts = texts;
        var lang = model.session().languageProperty();
        root.setTop(KioskControls.header(model, texts));
        Button skip = KioskControls.button("procedure-skip", "procedure.skip", texts, model);
        skip.setMaxWidth(Double.MAX_VALUE);
        skip.setMinHeight(120);
        skip.setOnAction(e -> model.chooseProcedure(null));
        Button back = KioskControls.quiet("procedure-back", "declare.back", texts, model, model::back);
        model.proceduresOfChosen().addListener((ListChangeListener<Dossiers.Procedure>) c -> fill());
        ScrollPane scroll = new ScrollPane(list);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("plain");
        list.setPadding(new Insets(4));
        VBox center = new VBox(24, texts.both(lang, "procedure.title"), skip, texts.both(lang, "procedure.hint"), scroll, back);
        VBox.setVgrow(scroll, javafx.scene.layout.Priority.ALWAYS);
        center.setAlignment(Pos.TOP_CENTER);
        center.setPadding(new Insets(24, 64, 24, 64));
        root.setCenter(center);
        root.setId("procedure-screen");
        fill();
    }

    private void fill() {
        list.getChildren().clear();
        for (Dossiers.Procedure p : model.proceduresOfChosen()) {
            VBox names = Texts.both(model.session().languageProperty(), p::nameVi, p::nameEn);
            names.setAlignment(Pos.CENTER_LEFT);
            var days = new javafx.scene.control.Label();
            days.getStyleClass().add("wait");
            days.textProperty().bind(Bindings.createStringBinding(
                    () -> texts.get(model.session().languageProperty().get(), "procedure.days", p.processingDays()),
                    model.session().languageProperty()));
            names.getChildren().add(days);
            Button b = new Button();
            b.setGraphic(names);
            b.getStyleClass().setAll("tile");
            b.setId("procedure-" + p.code().replace('.', '_')); // dots would read as CSS classes
            b.setMaxWidth(Double.MAX_VALUE);
            b.setOnAction(e -> model.chooseProcedure(p));
            list.getChildren().add(b);
        }
    }

    public Node root() {
        return root;
    }

    static String label(Dossiers.FormField f, java.util.Locale l) {
        return I18n.EN.equals(l) ? f.labelEn() : f.labelVi();
    }
}
