package vn.hanoi.branch.counter;

import javafx.application.Application;

/** Entry point (a plain class, so that JavaFX starts from the classpath without a module path). */
public final class CounterMain {
    private CounterMain() {
    }

    public static void main(String[] args) {
        if (java.util.List.of(args).contains("--list-scanners")) {
            // For IT setting up --scanner sane:<device>: what SANE finds on this PC, no window.
            System.exit(vn.hanoi.branch.counter.scan.ScannerOption.printDevices(System.out));
        }
        Application.launch(CounterApp.class, args);
    }
}
