package vn.hanoi.branch.counter.admin;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import vn.hanoi.branch.counter.AgentTasks;
import vn.hanoi.branch.i18n.I18n;

/** The pieces every administration screen is made of, so they look and behave alike. */
final class AdminParts {
    private AdminParts() {
    }

    static String oneLine(String key, Object... args) {
        return I18n.both("counter", key, args).replace("\n", " / ");
    }

    static Label label(String key) {
        Label l = new Label(oneLine(key));
        l.getStyleClass().add("grid-head");
        return l;
    }

    static TextField field(String id, javafx.beans.property.StringProperty value) {
        TextField f = new TextField();
        f.setId(id);
        f.textProperty().bindBidirectional(value);
        return f;
    }

    /** A button that waits while the screen's request is on its way. */
    static Button action(String id, String key, AgentTasks tasks, Runnable onAction) {
        Button b = new Button(oneLine(key));
        b.setId(id);
        b.getStyleClass().add("op");
        b.disableProperty().bind(tasks.busyProperty());
        b.setOnAction(e -> onAction.run());
        return b;
    }

    /** The screen's message line: the agent's refusal or the confirmation, Vietnamese then English. */
    static Label message(String id, AgentTasks tasks) {
        Label m = new Label();
        m.setId(id);
        m.getStyleClass().add("message");
        m.setWrapText(true);
        m.textProperty().bind(tasks.messageProperty());
        return m;
    }

    /** Asks before something that cannot be undone; Cancel is the default, so Enter alone does nothing. */
    static boolean confirm(javafx.scene.Node owner, String text) {
        javafx.scene.control.Alert a = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION,
                text, javafx.scene.control.ButtonType.OK, javafx.scene.control.ButtonType.CANCEL);
        ((Button) a.getDialogPane().lookupButton(javafx.scene.control.ButtonType.OK)).setDefaultButton(false);
        ((Button) a.getDialogPane().lookupButton(javafx.scene.control.ButtonType.CANCEL)).setDefaultButton(true);
        if (owner.getScene() != null) {
            a.initOwner(owner.getScene().getWindow());
        }
        return a.showAndWait().filter(b -> b == javafx.scene.control.ButtonType.OK).isPresent();
    }
}
