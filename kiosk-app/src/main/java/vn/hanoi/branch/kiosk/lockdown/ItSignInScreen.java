package vn.hanoi.branch.kiosk.lockdown;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import vn.hanoi.branch.kiosk.KioskView;
import vn.hanoi.branch.i18n.I18n;

/**
 * The IT sign-in over the kiosk's screens, then IT's two ways on: the device settings, or leaving
 * the kiosk app. Shows what {@link ItSignInModel} says; decides nothing itself.
 */
public final class ItSignInScreen {
    private final StackPane root = new StackPane();

    /**
     * @param onSettings IT chose the settings screen
     * @param onExit     IT chose to close the kiosk app
     * @param onClose    back to the citizens' screens
     */
    public ItSignInScreen(ItSignInModel model, Runnable onSettings, Runnable onExit, Runnable onClose) {
        Label title = twoLines("it.title");
        title.getStyleClass().add("primary");
        TextField user = new TextField();
        user.setId("it-username");
        user.setPromptText(I18n.text("kiosk", I18n.VI, "it.username") + " / " + I18n.text("kiosk", I18n.EN, "it.username"));
        user.textProperty().bindBidirectional(model.usernameProperty());
        PasswordField pin = new PasswordField();
        pin.setId("it-pin");
        pin.setPromptText(I18n.text("kiosk", I18n.VI, "it.pin") + " / " + I18n.text("kiosk", I18n.EN, "it.pin"));
        pin.textProperty().bindBidirectional(model.pinProperty());
        Button signIn = button("it-sign-in", "it.signIn");
        signIn.disableProperty().bind(model.busyProperty());
        signIn.setOnAction(e -> model.signIn());
        pin.setOnAction(e -> model.signIn());
        user.setOnAction(e -> pin.requestFocus());
        // A touch on a field sends the on-screen keys there; the model keeps which one, the field shows it.
        user.focusedProperty().addListener((o, was, now) -> {
            if (now) {
                model.typingProperty().set(ItSignInModel.Field.USERNAME);
            }
        });
        pin.focusedProperty().addListener((o, was, now) -> {
            if (now) {
                model.typingProperty().set(ItSignInModel.Field.PIN);
            }
        });
        model.typingProperty().addListener((o, was, now) -> (now == ItSignInModel.Field.PIN ? pin : user).requestFocus());
        Button cancel = button("it-cancel", "it.cancel");
        cancel.getStyleClass().add("quiet");
        cancel.setOnAction(e -> onClose.run());
        Label message = new Label();
        message.setId("it-message");
        message.setWrapText(true);
        message.getStyleClass().add("it-message");
        message.textProperty().bind(Bindings.createStringBinding(() -> model.messageProperty().get() == null ? ""
                : model.messageProperty().get()[0] + "\n" + model.messageProperty().get()[1], model.messageProperty()));
        HBox actions = new HBox(24, signIn, cancel);
        actions.setAlignment(Pos.CENTER);
        VBox fields = new VBox(24, title, user, pin, actions, message);
        fields.setAlignment(Pos.CENTER);
        fields.setMaxWidth(700);
        fields.setPrefWidth(700);
        HBox form = new HBox(40, fields, ItKeyboard.create(model));
        form.setId("it-sign-in-form");
        form.setAlignment(Pos.CENTER);

        Label signedIn = new Label();
        signedIn.setId("it-signed-in");
        signedIn.getStyleClass().add("secondary");
        signedIn.textProperty().bind(Bindings.createStringBinding(() -> model.signedInProperty().get() == null ? ""
                : I18n.text("kiosk", I18n.VI, "it.signedIn", model.signedInProperty().get().displayName()) + "\n"
                + I18n.text("kiosk", I18n.EN, "it.signedIn", model.signedInProperty().get().displayName()),
                model.signedInProperty()));
        Button settings = button("it-settings", "it.settings");
        settings.setOnAction(e -> onSettings.run());
        Button exit = button("it-exit", "it.exit");
        exit.getStyleClass().add("danger");
        exit.setOnAction(e -> onExit.run());
        Button back = button("it-back", "it.back");
        back.getStyleClass().add("quiet");
        back.setOnAction(e -> onClose.run());
        VBox menu = new VBox(24, signedIn, settings, exit, back);
        menu.setId("it-menu");
        menu.setAlignment(Pos.CENTER);

        form.visibleProperty().bind(model.signedInProperty().isNull());
        menu.visibleProperty().bind(model.signedInProperty().isNotNull());
        VBox panel = new VBox(form, menu);
        form.managedProperty().bind(form.visibleProperty());
        menu.managedProperty().bind(menu.visibleProperty());
        panel.getStyleClass().add("it-panel");
        panel.setMaxSize(1800, 900);
        panel.setAlignment(Pos.CENTER);
        root.getChildren().add(panel);
        root.getStyleClass().add("it-backdrop");
        root.setId("it-sign-in-screen");
        root.getStylesheets().add(KioskView.STYLESHEET);
    }

    public Parent root() {
        return root;
    }

    /** A label with the Vietnamese text above the English one. */
    static Label twoLines(String key, Object... args) {
        Label l = new Label(I18n.text("kiosk", I18n.VI, key, args) + "\n" + I18n.text("kiosk", I18n.EN, key, args));
        l.setWrapText(true);
        return l;
    }

    /** A big button, Vietnamese first. */
    public static Button button(String id, String key) {
        Button b = new Button(I18n.text("kiosk", I18n.VI, key) + " / " + I18n.text("kiosk", I18n.EN, key));
        b.setId(id);
        b.setWrapText(true);
        return b;
    }
}
