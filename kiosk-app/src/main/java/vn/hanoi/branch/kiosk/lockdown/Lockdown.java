package vn.hanoi.branch.kiosk.lockdown;

import javafx.event.EventHandler;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * Keeps a citizen inside the kiosk: full screen without the "press Esc to exit" hint and without any
 * exit key, the window manager's close (Alt+F4, a close button) refused, the window kept on top. Only
 * {@link #allowExit()}, after an IT sign-in, lets the window close. Crashes are not handled here: the
 * kiosk session script restarts the JVM (kiosk-app/src/main/dist/kiosk-session.sh).
 */
public final class Lockdown {
    private static final KeyCombination ALT_F4 = KeyCombination.keyCombination("Alt+F4");

    private final Stage stage;
    private final boolean locked;
    private volatile boolean exitAllowed;

    private Lockdown(Stage stage, boolean locked) {
        this.stage = stage;
        this.locked = locked;
    }

    /**
     * @param locked false for {@code --windowed} (demo, development): a normal window that closes as usual
     */
    public static Lockdown apply(Stage stage, boolean locked) {
        Lockdown l = new Lockdown(stage, locked);
        stage.setOnCloseRequest(l::closeRequested);
        if (locked) {
            stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
            stage.setFullScreenExitHint("");
            stage.setAlwaysOnTop(true);
            stage.setFullScreen(true);
            // Some window managers drop full screen on a workspace switch; the kiosk takes it back.
            stage.fullScreenProperty().addListener((o, was, now) -> {
                if (!now && !l.exitAllowed) {
                    stage.setFullScreen(true);
                }
            });
            EventHandler<KeyEvent> keys = e -> {
                // Alt+F4 reaches the window manager as a close request too (refused above); the key
                // itself is swallowed so no control in the kiosk reacts to it either.
                if (ALT_F4.match(e) || (e.getCode() == KeyCode.F4 && e.isAltDown())) {
                    e.consume();
                }
            };
            stage.addEventFilter(KeyEvent.KEY_PRESSED, keys);
        }
        return l;
    }

    public boolean locked() {
        return locked;
    }

    /** From now on the window may close (IT chose to exit the kiosk app). */
    public void allowExit() {
        exitAllowed = true;
        stage.setAlwaysOnTop(false);
    }

    private void closeRequested(WindowEvent e) {
        if (locked && !exitAllowed) {
            e.consume();
        }
    }
}
