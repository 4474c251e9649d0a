package vn.hanoi.branch.kiosk.ticket;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import vn.hanoi.branch.kiosk.Texts;

/**
 * Code entry for online bookings, with an on-screen keypad of the characters codes use (no 0/O or
 * 1/I, which elderly people confuse): the kiosk has no keyboard.
 */
public final class BookingScreen {
    static final String KEYS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int CODE_LENGTH = 8;

    private final BorderPane root = new BorderPane();
    private final TextField code = new TextField();

    public BookingScreen(TakeNumberModel model, Texts texts) {
        var lang = model.languageProperty();
        root.setTop(ServicesScreen.header(model, texts));
        code.setId("booking-code");
        code.setEditable(false);
        code.setFocusTraversable(false);
        GridPane keys = new GridPane();
        keys.setHgap(12);
        keys.setVgap(12);
        for (int i = 0; i < KEYS.length(); i++) {
            String k = String.valueOf(KEYS.charAt(i));
            Button b = new Button(k);
            b.setId("key-" + k);
            b.getStyleClass().add("key");
            b.setOnAction(e -> {
                if (code.getText().length() < CODE_LENGTH) {
                    code.setText(code.getText() + k);
                }
            });
            keys.add(b, i % 8, i / 8);
        }
        keys.setAlignment(Pos.CENTER);
        Button clear = ServicesScreen.button("booking-clear", "booking.clear", texts, model);
        clear.getStyleClass().add("quiet");
        clear.setOnAction(e -> code.clear());
        Button back = ServicesScreen.button("booking-back", "booking.back", texts, model);
        back.getStyleClass().add("quiet");
        back.setOnAction(e -> {
            code.clear();
            model.home();
        });
        Button submit = ServicesScreen.button("booking-submit", "booking.submit", texts, model);
        submit.disableProperty().bind(code.textProperty().length().lessThan(CODE_LENGTH));
        submit.setOnAction(e -> model.checkIn(code.getText()));
        model.stepProperty().addListener((o, a, b) -> {
            if (b == TakeNumberModel.Step.CHOOSE) {
                code.clear(); // never show the previous citizen's code
            }
        });
        HBox actions = new HBox(32, back, clear, submit);
        actions.setAlignment(Pos.CENTER);
        VBox center = new VBox(24, texts.both(lang, "booking.title"), texts.both(lang, "booking.hint"), code, keys, actions);
        center.setAlignment(Pos.TOP_CENTER);
        center.setPadding(new Insets(24, 64, 24, 64));
        root.setCenter(center);
        root.setId("booking-screen");
    }

    public Node root() {
        return root;
    }
}
