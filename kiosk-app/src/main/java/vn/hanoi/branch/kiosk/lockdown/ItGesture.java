package vn.hanoi.branch.kiosk.lockdown;

import javafx.animation.PauseTransition;
import javafx.scene.Scene;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.util.Duration;

/**
 * The hidden way in for branch IT: a finger held {@link #HOLD} on the top-left corner of the screen
 * (a citizen taps, nobody holds a blank corner for three seconds), or Ctrl+Alt+I on a keyboard plugged
 * in for maintenance. It only opens the IT sign-in; the agent decides who gets further.
 */
public final class ItGesture {
    public static final Duration HOLD = Duration.seconds(3);
    /** The corner square, in scene pixels: about 30 mm on a 21.5" panel, easy to find for IT, never a button. */
    public static final double CORNER = 120;
    private static final KeyCombination KEYS = KeyCombination.keyCombination("Shortcut+Alt+I");

    private final PauseTransition hold = new PauseTransition(HOLD);

    public ItGesture(Scene scene, Runnable open) {
        hold.setOnFinished(e -> open.run());
        scene.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            if (inCorner(e)) {
                hold.playFromStart();
            }
        });
        scene.addEventFilter(MouseEvent.MOUSE_DRAGGED, e -> {
            if (!inCorner(e)) {
                hold.stop();
            }
        });
        scene.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> hold.stop());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (KEYS.match(e)) {
                e.consume();
                open.run();
            }
        });
    }

    private static boolean inCorner(MouseEvent e) {
        return e.getSceneX() <= CORNER && e.getSceneY() <= CORNER;
    }
}
