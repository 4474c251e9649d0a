package vn.hanoi.branch.kiosk.ticket;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import vn.hanoi.branch.kiosk.Texts;
import vn.hanoi.branch.api.ApiError;

/** What went wrong, in both languages, and what the citizen can do: try again or start over. */
public final class ProblemScreen {
    private final VBox root;

    public ProblemScreen(TakeNumberModel model, Texts texts) {
        var lang = model.session().languageProperty();
        Label mark = new Label("!");
        mark.getStyleClass().add("problem-mark");
        VBox message = Texts.both(lang, () -> text(model.problem().problemProperty().get(), true),
                () -> text(model.problem().problemProperty().get(), false), model.problem().problemProperty());
        message.setId("problem-message");
        message.setMaxWidth(1400);
        VBox safe = texts.both(lang, "problem.retrying");
        safe.visibleProperty().bind(model.problem().canRetryProperty());

        Button retry = new Button();
        retry.setId("retry");
        retry.textProperty().bind(Bindings.createStringBinding(() -> texts.get(lang.get(), "problem.retry"), lang));
        retry.visibleProperty().bind(model.problem().canRetryProperty());
        retry.managedProperty().bind(retry.visibleProperty());
        retry.setOnAction(e -> model.retry());
        Button home = new Button();
        home.setId("home");
        home.getStyleClass().add("quiet");
        home.textProperty().bind(Bindings.createStringBinding(() -> texts.get(lang.get(), "problem.home"), lang));
        home.setOnAction(e -> model.home());
        HBox buttons = new HBox(48, retry, home);
        buttons.setAlignment(Pos.CENTER);

        root = new VBox(32, mark, texts.both(lang, "problem.title"), message, safe, buttons);
        root.setAlignment(Pos.CENTER);
        root.setId("problem-screen");
    }

    private static String text(ApiError e, boolean vi) {
        return e == null ? "" : vi ? e.messageVi() : e.messageEn();
    }

    public Node root() {
        return root;
    }
}
