package vn.hanoi.branch.kiosk;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.awaitility.core.ConditionFactory;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import vn.hanoi.branch.client.KioskClient;
import vn.hanoi.branch.kiosk.ticket.TakeNumberModel;
import vn.hanoi.branch.printer.ReceiptPreview;
import vn.hanoi.branch.printer.TicketPrinter;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * The kiosk's screens on a TestFX stage against an agent, as the scene tests set them up; and the
 * looks and waits they share. {@link #close()} after each test stops the background work.
 */
public final class KioskScene implements AutoCloseable {
    /** Long enough for a slow CI machine, where the agent and the FX thread share two cores with others. */
    public static final Duration PATIENCE = Duration.ofSeconds(20);

    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    private final TakeNumberModel model;
    private final Scene scene;

    private KioskScene(KioskClient kiosk, TicketPrinter printer, ReceiptPreview onScreen) {
        model = new TakeNumberModel(kiosk, printer, background, Platform::runLater);
        scene = new Scene(KioskView.create(model, onScreen), 1920, 1080);
    }

    /**
     * Shows the screens on the stage and starts the model (call in the test's {@code @Start}).
     *
     * @param onScreen the printer whose receipts the ticket screen shows, or null
     * @param idle     how long the kiosk waits untouched before it starts over, or null for never
     */
    public static KioskScene show(Stage stage, KioskClient kiosk, TicketPrinter printer, ReceiptPreview onScreen,
                                  Duration idle) {
        KioskScene k = new KioskScene(kiosk, printer, onScreen);
        if (idle != null) {
            javafx.util.Duration fx = javafx.util.Duration.millis(idle.toMillis());
            new IdleReset(k.scene, k.model, fx, fx);
        }
        stage.setScene(k.scene);
        stage.show();
        return k;
    }

    /** Starts the model: the first screen follows once the agent answered. */
    public KioskScene start() {
        model.start();
        return this;
    }

    public TakeNumberModel model() {
        return model;
    }

    public Scene scene() {
        return scene;
    }

    public ExecutorService background() {
        return background;
    }

    @Override
    public void close() {
        model.close();
        background.shutdownNow();
    }

    /** Awaitility with the scene tests' patience. */
    public static ConditionFactory eventually() {
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50));
    }

    /** True when the node is in the scene and it and all its parents are visible. */
    public static boolean visibleChain(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return n.getScene() != null;
    }

    public static boolean isShown(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(KioskScene::visibleChain).orElse(false);
    }

    /** Waits until the node is shown and laid out, so that a click lands on it. */
    public static void awaitShown(FxRobot robot, String query) {
        eventually().until(() -> isShown(robot, query) && robot.lookup(query).query().getLayoutBounds().getWidth() > 0);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Clicks the node once it is shown, and lets the FX thread handle the click. */
    public static void click(FxRobot robot, String query) {
        awaitShown(robot, query);
        robot.clickOn(query);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** All the text of a label or of a two-line box (one line each), read on the FX thread; "" when absent. */
    public static String text(FxRobot robot, String query) {
        try {
            return WaitForAsyncUtils.asyncFx(() -> robot.lookup(query).tryQuery().map(KioskScene::text).orElse(""))
                    .get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + query + " on the FX thread", e);
        }
    }

    /** The first (current language) line of a two-line text box, or a label's text. */
    public static String firstLine(FxRobot robot, String query) {
        return text(robot, query).lines().findFirst().orElse("");
    }

    private static String text(Node n) {
        if (n instanceof Label l) {
            return l.getText();
        }
        if (n instanceof VBox box) {
            StringBuilder sb = new StringBuilder();
            for (Node child : box.getChildren()) {
                if (child instanceof Label l) {
                    sb.append(l.getText()).append('\n');
                }
            }
            return sb.toString();
        }
        return "";
    }
}
