package vn.hanoi.branch.kiosk;

import javafx.animation.PauseTransition;
import javafx.event.Event;
import javafx.event.EventType;
import javafx.scene.Scene;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.TouchEvent;
import javafx.util.Duration;
import vn.hanoi.branch.kiosk.ticket.TakeNumberModel;
import vn.hanoi.branch.kiosk.ticket.TakeNumberModel.Step;

import java.util.List;

/**
 * Puts the kiosk back on its first screen, in Vietnamese, when nobody touches it: the next citizen
 * must never find the previous one's ticket, error, language or card data (wiped by {@code home()}).
 */
public final class IdleReset implements AutoCloseable {
    private static final List<EventType<? extends Event>> TOUCHES =
            List.of(MouseEvent.MOUSE_PRESSED, TouchEvent.TOUCH_PRESSED, KeyEvent.KEY_PRESSED);

    private final PauseTransition timer = new PauseTransition();
    private final Scene scene;
    private final javafx.event.EventHandler<Event> touched = this::touched;
    private final javafx.beans.InvalidationListener changed = o -> restart();
    private final TakeNumberModel model;
    private final Duration idle;
    private final Duration afterTicket;

    /**
     * @param idle        how long any screen but the first may stay untouched
     * @param afterTicket how long the ticket stays on screen when nobody presses Done
     */
    public IdleReset(Scene scene, TakeNumberModel model, Duration idle, Duration afterTicket) {
        this.scene = scene;
        this.model = model;
        this.idle = idle;
        this.afterTicket = afterTicket;
        timer.setOnFinished(e -> {
            if (model.inSession()) {
                model.home();
            }
        });
        for (EventType<? extends Event> touch : TOUCHES) {
            scene.addEventFilter(touch, touched);
        }
        model.stepProperty().addListener(changed);
        model.session().languageProperty().addListener(changed);
        restart();
    }

    /** Stops watching: the kiosk restarts its screens on the same scene after IT changed the settings. */
    @Override
    public void close() {
        timer.stop();
        for (EventType<? extends Event> touch : TOUCHES) {
            scene.removeEventFilter(touch, touched);
        }
        model.stepProperty().removeListener(changed);
        model.session().languageProperty().removeListener(changed);
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
