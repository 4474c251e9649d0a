package vn.hanoi.branch.kiosk.ticket;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import vn.hanoi.branch.kiosk.KioskControls;
import vn.hanoi.branch.kiosk.Texts;

/** Code entry for online bookings, with an on-screen keypad ({@link BookingModel}): the kiosk has no keyboard. */
public final class BookingScreen {
    private final BorderPane root = new BorderPane();
    private final TextField code = new TextField();

    public BookingScreen(TakeNumberModel model, Texts texts) {
        var lang = model.session().languageProperty();
        BookingModel booking = model.booking();
        root.setTop(KioskControls.header(model, texts));
        code.setId("booking-code");
        code.textProperty().bind(booking.codeProperty());
        code.setEditable(false);
        code.setFocusTraversable(false);
        GridPane keys = KioskControls.keypad(BookingModel.keys(), 8, k -> "key-" + k, booking::type);
        Button clear = KioskControls.quiet("booking-clear", "booking.clear", texts, model, booking::clear);
        Button back = KioskControls.quiet("booking-back", "booking.back", texts, model, model::home);
        Button submit = KioskControls.button("booking-submit", "booking.submit", texts, model);
        submit.disableProperty().bind(booking.completeProperty().not());
        submit.setOnAction(e -> booking.submit());
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
