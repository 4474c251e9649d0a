package vn.hanoi.branch.counter.login;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import vn.hanoi.branch.i18n.I18n;

/** Username and password of the clerk. */
public final class LoginScreen {
    private final VBox root;

    public LoginScreen(SignInModel model) {
        Label title = new Label(I18n.both("counter", "login.title"));
        title.getStyleClass().add("title");
        TextField username = new TextField();
        username.setId("username");
        username.setPromptText(I18n.both("counter", "login.username").replace('\n', '/'));
        PasswordField password = new PasswordField();
        password.setId("password");
        password.setPromptText(I18n.both("counter", "login.password").replace('\n', '/'));
        Button submit = new Button(I18n.both("counter", "login.submit"));
        submit.setId("login");
        submit.getStyleClass().add("primary");
        submit.setDefaultButton(true);
        submit.disableProperty().bind(model.busyProperty());
        submit.setOnAction(e -> {
            model.login(username.getText(), password.getText());
            password.clear();
        });
        Label message = new Label();
        message.setId("message");
        message.getStyleClass().add("message");
        message.textProperty().bind(model.messageProperty());
        root = new VBox(16, title, username, password, submit, message);
        root.setAlignment(Pos.CENTER);
        root.setMaxWidth(420);
    }

    public Node root() {
        return root;
    }
}
