package vn.hanoi.branch.counter.login;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import vn.hanoi.branch.i18n.I18n;

/** After IT reset the password: the temporary one, then the new one twice. Nothing else until it is done. */
public final class PasswordChangeScreen {
    private final VBox root;

    public PasswordChangeScreen(SignInModel model) {
        Label title = new Label(I18n.both("counter", "password.title"));
        title.getStyleClass().add("title");
        Label why = new Label(I18n.both("counter", "password.why"));
        why.setWrapText(true);
        PasswordField current = field("password-current", "password.current");
        PasswordField fresh = field("password-new", "password.new");
        PasswordField repeated = field("password-repeat", "password.repeat");
        Button submit = new Button(I18n.both("counter", "password.submit"));
        submit.setId("password-change");
        submit.getStyleClass().add("primary");
        submit.setDefaultButton(true);
        submit.disableProperty().bind(model.busyProperty());
        submit.setOnAction(e -> {
            model.changePassword(current.getText(), fresh.getText(), repeated.getText());
            current.clear();
            fresh.clear();
            repeated.clear();
        });
        Button logout = new Button(I18n.both("counter", "desk.logout").replace("\n", " / "));
        logout.setId("password-logout");
        logout.setOnAction(e -> model.logout());
        Label message = new Label();
        message.setId("password-message");
        message.getStyleClass().add("message");
        message.textProperty().bind(model.messageProperty());
        root = new VBox(16, title, why, current, fresh, repeated, submit, logout, message);
        root.setAlignment(Pos.CENTER);
        root.setMaxWidth(460);
        // The screen appears after sign-in: typing goes on in its first field.
        root.visibleProperty().addListener((o, was, shown) -> {
            if (shown) {
                current.requestFocus();
            }
        });
    }

    private static PasswordField field(String id, String key) {
        PasswordField f = new PasswordField();
        f.setId(id);
        f.setPromptText(I18n.both("counter", key).replace('\n', '/'));
        return f;
    }

    public Node root() {
        return root;
    }
}
