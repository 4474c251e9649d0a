package vn.hanoi.branch.counter;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import vn.hanoi.branch.client.AgentException;

import java.io.UncheckedIOException;
import java.util.concurrent.Executor;

/**
 * How the counter's models talk to the agent: the call runs off the FX thread, its result is applied on
 * it, a busy flag is up meanwhile, and a failure becomes the bilingual message the screen shows.
 */
public final class AgentTasks {
    /** Does the network part; returns what to change on the UI thread. */
    @FunctionalInterface
    public interface Call {
        Runnable call();
    }

    private final Executor background;
    private final Executor ui;
    private final ReadOnlyBooleanWrapper busy;
    private final ReadOnlyStringWrapper message;

    /** Tasks with a busy flag and a message of their own, shared by the models of one screen. */
    public AgentTasks(Executor background, Executor ui) {
        this(background, ui, new ReadOnlyBooleanWrapper(), new ReadOnlyStringWrapper(""));
    }

    public AgentTasks(Executor background, Executor ui, ReadOnlyBooleanWrapper busy, ReadOnlyStringWrapper message) {
        this.background = background;
        this.ui = ui;
        this.busy = busy;
        this.message = message;
    }

    /** True while a request is on its way: buttons wait for it. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The last problem or notice, Vietnamese then English; empty when all is well. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Shows a notice without asking the agent (UI thread). */
    public void say(String text) {
        message.set(text);
    }

    public void run(Call call) {
        busy.set(true);
        message.set("");
        background.execute(() -> {
            try {
                Runnable apply = call.call();
                ui.execute(() -> {
                    busy.set(false);
                    apply.run();
                });
            } catch (AgentException e) {
                fail(e.error().messageVi() + "\n" + e.error().messageEn());
            } catch (UncheckedIOException e) {
                fail("Không đọc được tệp: " + e.getCause().getMessage() + "\nCannot read the file: " + e.getCause().getMessage());
            }
        });
    }

    private void fail(String text) {
        ui.execute(() -> {
            busy.set(false);
            message.set(text);
        });
    }
}
