package vn.hanoi.branch.counter;

import javafx.application.Application;

/** Entry point (a plain class, so that JavaFX starts from the classpath without a module path). */
public final class CounterMain {
    private CounterMain() {
    }

    public static void main(String[] args) {
        Application.launch(CounterApp.class, args);
    }
}
