package vn.hanoi.branch.counter;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import vn.hanoi.branch.counter.desk.DeskScreen;
import vn.hanoi.branch.counter.login.CounterChoiceScreen;
import vn.hanoi.branch.counter.login.LoginScreen;
import vn.hanoi.branch.counter.login.PasswordChangeScreen;
import vn.hanoi.branch.counter.login.SignInModel;
import vn.hanoi.branch.counter.login.SignInModel.Step;
import vn.hanoi.branch.counter.supervisor.SupervisorScreen;

import java.util.Objects;

/** The counter app's screens, one visible at a time according to the model's step. */
public final class CounterView {
    private static final String STYLESHEET = Objects.requireNonNull(
            CounterView.class.getResource("counter.css")).toExternalForm();

    private CounterView() {
    }

    /** A scene with all screens and the F-key shortcuts installed. */
    public static Scene scene(CounterModel model, double width, double height) {
        SignInModel signIn = model.signIn();
        var login = new LoginScreen(signIn).root();
        var choose = new CounterChoiceScreen(signIn).root();
        var password = new PasswordChangeScreen(signIn).root();
        password.visibleProperty().bind(signIn.stepProperty().isEqualTo(Step.CHANGE_PASSWORD));
        DeskScreen desk = new DeskScreen(model.desk());
        login.visibleProperty().bind(signIn.stepProperty().isEqualTo(Step.LOGIN));
        choose.visibleProperty().bind(signIn.stepProperty().isEqualTo(Step.CHOOSE_COUNTER));
        desk.root().visibleProperty().bind(signIn.stepProperty().isEqualTo(Step.DESK));
        var supervisor = new SupervisorScreen(model.supervisor(), signIn, model.admin()).root();
        supervisor.visibleProperty().bind(signIn.stepProperty().isEqualTo(Step.SUPERVISOR));
        Parent root = new StackPane(login, password, choose, desk.root(), supervisor);
        root.getStylesheets().add(STYLESHEET);
        Scene scene = new Scene(root, width, height);
        desk.installShortcuts(scene);
        return scene;
    }
}
