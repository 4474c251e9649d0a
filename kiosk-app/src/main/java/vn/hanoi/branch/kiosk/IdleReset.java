package vn.hanoi.branch.kiosk;

import javafx.animation.PauseTransition;
import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.TouchEvent;
import javafx.util.Duration;
import vn.hanoi.branch.kiosk.ticket.TakeNumberModel;
import vn.hanoi.branch.kiosk.ticket.TakeNumberModel.Step;

/**
 * Puts the kiosk back on its first screen, in Vietnamese, when nobody touches it: the next citizen
 * must never find the previous one's ticket, error, language or card data (wiped by {@code home()}).
 */
public final class IdleReset {
    private final PauseTransition timer = new PauseTransition();
    private final TakeNumberModel model;
    private final Duration idle;
    private final Duration afterTicket;

    /**
     * @param idle        how long any screen but the first may stay untouched
     * @param afterTicket how long the ticket stays on screen when nobody presses Done
     */
    public IdleReset(Scene scene, TakeNumberModel model, Duration idle, Duration afterTicket) {
        this.model = model;
        this.idle = idle;
        this.afterTicket = afterTicket;
        timer.setOnFinished(e -> {
            if (model.inSession()) {
                model.home();
            }
        });
        scene.addEventFilter(MouseEvent.MOUSE_PRESSED, this::touched);
        scene.addEventFilter(TouchEvent.TOUCH_PRESSED, this::touched);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::touched);
        model.stepProperty().addListener((o, a, b) -> restart());
        model.languageProperty().addListener((o, a, b) -> restart());
        restart();
    }

    private void touched(Event e) {
        restart();
    }

    private void restart() {
        timer.stop();
        timer.setDuration(model.stepProperty().get() == Step.TICKET ? afterTicket : idle);
        timer.playFromStart();
    }
}
