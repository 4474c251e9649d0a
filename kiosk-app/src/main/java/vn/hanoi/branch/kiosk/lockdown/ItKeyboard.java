package vn.hanoi.branch.kiosk.lockdown;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import vn.hanoi.branch.i18n.I18n;

/**
 * On-screen keys for the IT sign-in: a kiosk has a touch screen and no keyboard, and IT should not need
 * to open the cabinet to plug one in. Lower-case letters, digits and the signs usernames use; Shift for
 * one capital. Every key only calls {@link ItSignInModel}.
 */
final class ItKeyboard {
    private static final String[] ROWS = {"1234567890", "qwertyuiop", "asdfghjkl@", "zxcvbnm.-_"};

    private ItKeyboard() {
    }

    static VBox create(ItSignInModel model) {
        VBox keys = new VBox(8);
        keys.setAlignment(Pos.CENTER);
        for (String row : ROWS) {
            HBox line = new HBox(8);
            line.setAlignment(Pos.CENTER);
            for (char c : row.toCharArray()) {
                Button k = new Button(String.valueOf(c));
                // CSS-safe ids: letters and digits as themselves, signs by name.
                k.setId("it-key-" + (Character.isLetterOrDigit(c) ? String.valueOf(c) : switch (c) {
                    case '@' -> "at";
                    case '.' -> "dot";
                    case '-' -> "dash";
                    default -> "underscore";
                }));
                k.getStyleClass().add("it-key");
                k.setFocusTraversable(false);
                k.setOnAction(e -> model.type(c));
                line.getChildren().add(k);
            }
            keys.getChildren().add(line);
        }
        ToggleButton shift = new ToggleButton("⇧");
        shift.setId("it-key-shift");
        shift.getStyleClass().add("it-key");
        shift.setFocusTraversable(false);
        shift.selectedProperty().bindBidirectional(model.shiftedProperty());
        Button back = new Button("⌫");
        back.setId("it-key-backspace");
        back.getStyleClass().add("it-key");
        back.setFocusTraversable(false);
        back.setOnAction(e -> model.backspace());
        Button next = new Button(I18n.text("kiosk", I18n.VI, "it.next") + " / " + I18n.text("kiosk", I18n.EN, "it.next"));
        next.setId("it-key-next");
        next.getStyleClass().add("it-key");
        next.setFocusTraversable(false);
        next.setOnAction(e -> model.next());
        HBox last = new HBox(8, shift, back, next);
        last.setAlignment(Pos.CENTER);
        keys.getChildren().add(last);
        return keys;
    }
}
