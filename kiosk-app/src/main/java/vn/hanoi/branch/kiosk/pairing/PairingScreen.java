package vn.hanoi.branch.kiosk.pairing;

import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import vn.hanoi.branch.kiosk.KioskView;
import vn.hanoi.branch.kiosk.Texts;
import vn.hanoi.branch.i18n.I18n;

import java.util.function.Consumer;

/** For branch IT, once per kiosk: enter the pairing code shown by the agent. */
public final class PairingScreen {
    private final VBox root;
    private final Label error = new Label();
    private final Button submit;

    public PairingScreen(Consumer<String> onCode) {
        Texts t = new Texts();
        Label title = new Label(t.get(I18n.VI, "pairing.title") + "\n" + t.get(I18n.EN, "pairing.title"));
        title.getStyleClass().add("primary");
        title.setWrapText(true);
        Label hint = new Label(t.get(I18n.VI, "pairing.hint") + "\n" + t.get(I18n.EN, "pairing.hint"));
        hint.getStyleClass().add("secondary");
        TextField code = new TextField();
        code.setId("pairing-code");
        submit = new Button(t.get(I18n.VI, "pairing.submit") + " / " + t.get(I18n.EN, "pairing.submit"));
        submit.setId("pair");
        submit.setOnAction(e -> {
            submit.setDisable(true);
            error.setText("");
            onCode.accept(code.getText());
        });
        code.setOnAction(submit.getOnAction());
        error.setId("pairing-error");
        error.setWrapText(true);
        error.getStyleClass().add("secondary");
        root = new VBox(32, title, hint, code, submit, error);
        root.setAlignment(Pos.CENTER);
        root.getStylesheets().add(KioskView.STYLESHEET);
    }

    /** Shows why pairing failed and lets IT try another code. */
    public void failed(String vi, String en) {
        error.setText(vi + "\n" + en);
        submit.setDisable(false);
    }

    public Parent root() {
        return root;
    }
}
