package vn.hanoi.branch.counter;

import javafx.application.Platform;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import vn.hanoi.branch.agent.testing.TestAgent;
import vn.hanoi.branch.api.DeviceKind;
import vn.hanoi.branch.client.AgentClient;
import vn.hanoi.branch.counter.desk.DeskModel;
import vn.hanoi.branch.counter.login.SignInModel;
import vn.hanoi.branch.counter.rating.CustomerModel;
import vn.hanoi.branch.counter.rating.CustomerWindow;
import vn.hanoi.branch.printer.TicketPrinter;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static vn.hanoi.branch.counter.FxSteps.click;
import static vn.hanoi.branch.counter.FxSteps.waitFor;

/**
 * The counter app's scene as the scene tests drive it: a counter PC paired with a real agent, its view
 * models, its stage, and the clerk's sign-in. Made in a test's {@code @Start}, closed after each test.
 */
final class CounterScene implements AutoCloseable {
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    private final AgentClient counterPc;
    private final CounterModel model;
    private Stage stage;
    private CustomerModel customer;
    private Stage customerStage;

    /** @param printer the counter's slip printer, or null when it has none */
    CounterScene(TestAgent agent, TicketPrinter printer) {
        counterPc = agent.pairedClient(DeviceKind.COUNTER);
        model = new CounterModel(counterPc, printer, background, Platform::runLater);
    }

    /** A counter PC without a printer, at 1280 × 720 on the test's stage. */
    static CounterScene show(TestAgent agent, Stage stage) {
        return new CounterScene(agent, null).show(stage, 1280, 720);
    }

    /** The desk at the screen's top left corner. */
    CounterScene show(Stage stage, double width, double height) {
        this.stage = stage;
        stage.setScene(CounterView.scene(model, width, height));
        stage.setX(0);
        stage.setY(0);
        stage.show();
        return this;
    }

    /**
     * The customer window on the right half of the screen, following the desk with these waiting times,
     * on the counter PC's device token as in the app.
     */
    CustomerWindow showCustomerWindow(CustomerModel.Timing timing) throws Exception {
        CustomerWindow window = WaitForAsyncUtils.asyncFx(() -> {
            customer = new CustomerModel(counterPc.deviceOnly(), background, Platform::runLater, timing)
                    .follow(desk());
            CustomerWindow w = new CustomerWindow(customer, Screen.getPrimary().getDpi(), null);
            customerStage = w.show(new Stage(), Screen.getPrimary(), false, 960, 1040);
            customerStage.setX(960);
            customerStage.setY(0);
            return w;
        }).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        return window;
    }

    /** The desk's stage. */
    Stage stage() {
        return stage;
    }

    /** The customer window's model, once shown. */
    CustomerModel customer() {
        return customer;
    }

    /** The paired counter PC's client (its device token; the clerk's session once signed in). */
    AgentClient counterPc() {
        return counterPc;
    }

    CounterModel model() {
        return model;
    }

    DeskModel desk() {
        return model.desk();
    }

    SignInModel signIn() {
        return model.signIn();
    }

    /** Signs in through the login screen and waits until it gives way. */
    void signIn(FxRobot robot, String user, String password) throws Exception {
        click(robot, "#username");
        robot.write(user);
        click(robot, "#password");
        robot.write(password);
        click(robot, "#login");
        waitFor(() -> signIn().stepProperty().get() != SignInModel.Step.LOGIN);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The test clerk signs in at counter {@code number} and the desk follows the agent live. */
    void signInAtCounter(FxRobot robot, int number) throws Exception {
        signIn(robot, TestAgent.CLERK, TestAgent.CLERK_PASSWORD);
        click(robot, "#counter-" + number);
        waitFor(() -> signIn().stepProperty().get() == SignInModel.Step.DESK && desk().liveProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Override
    public void close() {
        WaitForAsyncUtils.waitForAsyncFx(5000, () -> {
            if (customerStage != null) {
                customerStage.close();
            }
        });
        if (customer != null) {
            customer.close();
        }
        model.close();
        background.shutdownNow();
    }
}
