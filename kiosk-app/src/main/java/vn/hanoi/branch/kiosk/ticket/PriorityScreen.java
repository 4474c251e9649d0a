package vn.hanoi.branch.kiosk.ticket;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import vn.hanoi.branch.kiosk.KioskControls;
import vn.hanoi.branch.kiosk.Texts;
import vn.hanoi.branch.api.PriorityClass;

/** "Are you in a priority group?": No, the biggest button, then one button per group. */
public final class PriorityScreen {
    private final BorderPane root = new BorderPane();
    private final GridPane groups = new GridPane();
    private final TakeNumberModel model;

    public PriorityScreen(TakeNumberModel model, Texts texts) {
        this.model = model;
        var lang = model.session().languageProperty();
        root.setTop(KioskControls.header(model, texts));
        Button none = new Button();
        none.setId("priority-none");
        none.textProperty().bind(Bindings.createStringBinding(() -> texts.get(lang.get(), "priority.none"), lang));
        none.setMaxWidth(Double.MAX_VALUE);
        none.setMinHeight(140);
        none.setOnAction(e -> model.declare(null));
        groups.setHgap(24);
        groups.setVgap(24);
        model.offer().priorityClasses().addListener((ListChangeListener<PriorityClass>) c -> fill());
        fill();
        VBox center = new VBox(32, texts.both(lang, "priority.title"), none, groups, texts.both(lang, "priority.hint"));
        center.setAlignment(Pos.TOP_CENTER);
        center.setPadding(new Insets(32, 64, 32, 64));
        root.setCenter(center);
        root.setId("priority-screen");
    }

    private void fill() {
        groups.getChildren().clear();
        int i = 0;
        for (PriorityClass p : model.offer().priorityClasses()) {
            VBox names = Texts.both(model.session().languageProperty(), p::nameVi, p::nameEn);
            Button b = new Button();
            b.setGraphic(names);
            b.getStyleClass().setAll("tile");
            b.setId("priority-" + p.code());
            b.setMaxWidth(Double.MAX_VALUE);
            b.setPrefWidth(880);
            b.setOnAction(e -> model.declare(p));
            groups.add(b, i % 2, i / 2);
            i++;
        }
    }

    public Node root() {
        return root;
    }
}
