package vn.hanoi.branch.kiosk;

import javafx.application.Application;

/** Entry point (a plain class, so that JavaFX starts from the classpath without a module path). */
public final class KioskMain {
    private KioskMain() {
    }

    public static void main(String[] args) {
        try {
            // Command line and settings file checked before any window opens: a bad value is reported, not shown as a dark kiosk.
            KioskOptions.resolve(java.util.List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
        Application.launch(KioskApp.class, args);
    }
}
