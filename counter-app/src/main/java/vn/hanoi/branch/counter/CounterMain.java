package vn.hanoi.branch.counter;

import javafx.application.Application;
import vn.hanoi.branch.counter.scan.ScannerOption;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Entry point (a plain class, so that JavaFX starts from the classpath without a module path). */
public final class CounterMain {
    private CounterMain() {
    }

    public static void main(String[] args) {
        int rc = CounterOptions.check(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8));
        if (rc >= 0) {
            System.exit(rc);
        }
        if (CounterOptions.parse(List.of(args)).listScanners()) {
            // For IT setting up --scanner sane:<device>: what SANE finds on this PC, no window.
            System.exit(ScannerOption.printDevices(System.out));
        }
        Application.launch(CounterApp.class, args);
    }
}
