package vn.hanoi.branch.counter;

import javafx.stage.Stage;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testfx.api.FxToolkit;
import vn.hanoi.branch.agent.testing.TestAgent;
import vn.hanoi.branch.api.DeviceKind;
import vn.hanoi.branch.client.AgentClient;
import vn.hanoi.branch.testkit.printer.VirtualPrinter;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The counter scene tests' setup in one place: a real agent (for the test class when the extension is a
 * static field, for each test when it is an instance field), a kiosk paired with it to issue tickets, and
 * for each test a fresh {@link CounterScene} on TestFX's primary stage, closed after the test. Use it
 * beside {@code @ExtendWith(ApplicationExtension.class)}, which provides the stage and the robot.
 */
final class CounterSceneExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback {
    private Callable<TestAgent> start = TestAgent::start;
    private boolean withPrinter;
    private double width = 1280;
    private double height = 720;
    private Consumer<CounterScene> beforeShow = s -> { };

    private TestAgent agent;
    private boolean agentPerTest;
    private AgentClient kiosk;
    private VirtualPrinter printer;
    private CounterScene scene;

    /** An agent started otherwise (its configuration), instead of {@link TestAgent#start()}. */
    CounterSceneExtension agent(Callable<TestAgent> start) {
        this.start = start;
        return this;
    }

    /** A virtual slip printer at the counter, a fresh one per test ({@link #printer()}). */
    CounterSceneExtension withPrinter() {
        this.withPrinter = true;
        return this;
    }

    CounterSceneExtension size(double width, double height) {
        this.width = width;
        this.height = height;
        return this;
    }

    /** Something to set on the counter before its scene is built (e.g. the scanner). */
    CounterSceneExtension beforeShow(Consumer<CounterScene> setup) {
        this.beforeShow = setup;
        return this;
    }

    TestAgent agent() {
        return agent;
    }

    /** A kiosk paired with the agent, to issue tickets and declare as citizens do. */
    AgentClient kiosk() {
        if (kiosk == null) {
            kiosk = agent.pairedClient(DeviceKind.KIOSK);
        }
        return kiosk;
    }

    /** The counter's virtual slip printer of this test ({@link #withPrinter()}). */
    VirtualPrinter printer() {
        return printer;
    }

    CounterScene scene() {
        return scene;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        agent = start.call();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        if (agent == null) {
            agent = start.call();
            agentPerTest = true;
        }
        printer = withPrinter ? new VirtualPrinter(null) : null;
        scene = new CounterScene(agent, printer);
        beforeShow.accept(scene);
        Stage stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> scene.show(stage, width, height));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        scene.close();
        if (agentPerTest) {
            closeAgent();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        closeAgent();
    }

    private void closeAgent() {
        if (agent != null) {
            agent.close();
            agent = null;
            kiosk = null;
        }
    }
}
