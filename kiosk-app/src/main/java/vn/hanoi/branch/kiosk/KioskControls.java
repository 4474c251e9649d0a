package vn.hanoi.branch.kiosk;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import vn.hanoi.branch.kiosk.ticket.TakeNumberModel;

import java.util.function.Consumer;
import java.util.function.Function;

/** The pieces the kiosk's screens share: the header, buttons in the citizen's language, keypads. */
public final class KioskControls {
    private KioskControls() {
    }

    /** Branch name on the left, language switch on the right. */
    public static Node header(TakeNumberModel model, Texts texts) {
        Label branch = new Label();
        branch.getStyleClass().add("branch");
        branch.textProperty().bind(model.offer().branchNameProperty());
        Button lang = button("language", "language.switch", texts, model, model.session()::toggleLanguage);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox h = new HBox(16, branch, gap, lang);
        h.setAlignment(Pos.CENTER_LEFT);
        h.getStyleClass().add("header");
        return h;
    }

    /** A button whose text follows the kiosk's language. */
    public static Button button(String id, String key, Texts texts, TakeNumberModel model) {
        var lang = model.session().languageProperty();
        Button b = new Button();
        b.setId(id);
        b.textProperty().bind(Bindings.createStringBinding(() -> texts.get(lang.get(), key), lang));
        return b;
    }

    public static Button button(String id, String key, Texts texts, TakeNumberModel model, Runnable action) {
        Button b = button(id, key, texts, model);
        b.setOnAction(e -> action.run());
        return b;
    }

    /** A secondary action (back, clear): drawn quieter than the step forward. */
    public static Button quiet(String id, String key, Texts texts, TakeNumberModel model, Runnable action) {
        Button b = button(id, key, texts, model, action);
        b.getStyleClass().add("quiet");
        return b;
    }

    /**
     * One big key per character, {@code columns} a row: the kiosk has no keyboard.
     *
     * @param id the node id of a character's key
     */
    public static GridPane keypad(String characters, int columns, Function<Character, String> id, Consumer<Character> typed) {
        GridPane keys = new GridPane();
        keys.setHgap(10);
        keys.setVgap(10);
        keys.setAlignment(Pos.CENTER);
        for (int i = 0; i < characters.length(); i++) {
            char c = characters.charAt(i);
            Button b = new Button(String.valueOf(c));
            b.setId(id.apply(c));
            b.getStyleClass().add("key");
            b.setFocusTraversable(false);
            b.setOnAction(e -> typed.accept(c));
            keys.add(b, i % columns, i / columns);
        }
        return keys;
    }
}
