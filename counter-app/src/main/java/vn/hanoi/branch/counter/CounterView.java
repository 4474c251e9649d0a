package vn.hanoi.branch.counter;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import vn.hanoi.branch.counter.desk.DeskModel;
import vn.hanoi.branch.counter.desk.DeskModel.Step;
import vn.hanoi.branch.counter.desk.DeskScreen;
import vn.hanoi.branch.counter.login.CounterChoiceScreen;
import vn.hanoi.branch.counter.login.LoginScreen;
import vn.hanoi.branch.counter.supervisor.SupervisorScreen;

import java.util.Objects;

/** The counter app's screens, one visible at a time according to the model's step. */
public final class CounterView {
    private static final String STYLESHEET = Objects.requireNonNull(
            CounterView.class.getResource("counter.css")).toExternalForm();

    private CounterView() {
    }

    /** A scene with all screens and the F-key shortcuts installed. */
    public static Scene scene(DeskModel model, double width, double height) {
        var login = new LoginScreen(model).root();
        var choose = new CounterChoiceScreen(model).root();
        DeskScreen desk = new DeskScreen(model);
        login.visibleProperty().bind(model.stepProperty().isEqualTo(Step.LOGIN));
        choose.visibleProperty().bind(model.stepProperty().isEqualTo(Step.CHOOSE_COUNTER));
        desk.root().visibleProperty().bind(model.stepProperty().isEqualTo(Step.DESK));
        var supervisor = new SupervisorScreen(model.supervisor(), model).root();
        supervisor.visibleProperty().bind(model.stepProperty().isEqualTo(Step.SUPERVISOR));
        Parent root = new StackPane(login, choose, desk.root(), supervisor);
        root.getStylesheets().add(STYLESHEET);
        Scene scene = new Scene(root, width, height);
        desk.installShortcuts(scene);
        return scene;
    }
}
