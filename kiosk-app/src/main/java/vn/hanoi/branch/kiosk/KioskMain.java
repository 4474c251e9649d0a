package vn.hanoi.branch.kiosk;

import javafx.application.Application;

import java.util.List;

/** Entry point (a plain class, so that JavaFX starts from the classpath without a module path). */
public final class KioskMain {
    private KioskMain() {
    }

    public static void main(String[] args) {
        List<String> line = List.of(args);
        try {
            if (KioskOptions.asksForHelp(line)) {
                KioskOptions.printHelp(System.out);
                return;
            }
            // Command line and settings file checked before any window opens: a bad value is reported, not shown as a dark kiosk.
            KioskOptions.resolve(line);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("Tùy chọn: --help / Options: --help");
            System.exit(CommandLines.USAGE);
        }
        Application.launch(KioskApp.class, args);
    }
}
