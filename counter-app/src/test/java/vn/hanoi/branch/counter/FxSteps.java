package vn.hanoi.branch.counter;

import javafx.scene.Node;
import javafx.scene.control.Labeled;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.awaitility.Awaitility;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** What the counter scene tests do again and again: wait for a condition, click a laid-out node, read a label. */
final class FxSteps {
    private FxSteps() {
    }

    /**
     * Waits up to 10 s for a condition. A condition that throws (a node replaced while it was read) counts
     * as "not yet".
     */
    static void waitFor(Callable<Boolean> condition) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).ignoreExceptions()
                .until(condition);
    }

    /** Clicks a node once it is shown and laid out (a click on a node of width 0 lands elsewhere). */
    static void click(FxRobot robot, String query) throws Exception {
        waitFor(() -> robot.lookup(query).tryQuery().map(n -> shown(n) && n.getLayoutBounds().getWidth() > 0)
                .orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(query);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Replaces a text field's content by typing, as staff do: select all, then the new text. */
    static void type(FxRobot robot, String query, String value) throws Exception {
        click(robot, query);
        robot.push(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.A);
        robot.write(value);
        WaitForAsyncUtils.waitForFxEvents();
    }

    static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return n.getScene() != null;
    }

    static boolean isShown(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(FxSteps::shown).orElse(false);
    }

    /**
     * The text of a label, read on the FX thread: screens that rebuild their tables on a pushed event
     * replace nodes while the test looks, so a node may be missing for a moment; waiting conditions then
     * see a placeholder and try again instead of failing on the lookup.
     */
    static String text(FxRobot robot, String query) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> robot.lookup(query).tryQuery()
                        .map(n -> ((Labeled) n).getText()).orElse("<no node " + query + ">"))
                .get(5, TimeUnit.SECONDS);
    }

    /** Picks the entry of an open combo box's list whose text starts with {@code prefix}. */
    static void pick(FxRobot robot, String comboQuery, String prefix) throws Exception {
        click(robot, comboQuery);
        waitFor(() -> robot.lookup(".list-cell").match(n -> startsWith(n, prefix)).tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.lookup(".list-cell").match(n -> startsWith(n, prefix)).<Node>query());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static boolean startsWith(Node n, String prefix) {
        return n instanceof Labeled l && l.getText() != null && l.getText().startsWith(prefix) && shown(n)
                && n.getLayoutBounds().getWidth() > 0;
    }
}
