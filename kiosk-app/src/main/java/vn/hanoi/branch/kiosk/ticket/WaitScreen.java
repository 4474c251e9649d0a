package vn.hanoi.branch.kiosk.ticket;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;
import vn.hanoi.branch.kiosk.Texts;
import vn.hanoi.branch.i18n.I18n;

/** Shown while the agent is asked: at start-up and while a number is being issued. */
public final class WaitScreen {
    private final VBox root;

    public WaitScreen(TakeNumberModel model, Texts texts) {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(160, 160);
        VBox text = Texts.both(model.session().languageProperty(),
                () -> texts.get(I18n.VI, key(model)), () -> texts.get(I18n.EN, key(model)), model.stepProperty());
        root = new VBox(48, spinner, text);
        root.setAlignment(Pos.CENTER);
        root.setId("wait-screen");
    }

    private static String key(TakeNumberModel model) {
        return model.stepProperty().get() == TakeNumberModel.Step.STARTING ? "starting" : "issuing";
    }

    public Node root() {
        return root;
    }
}
