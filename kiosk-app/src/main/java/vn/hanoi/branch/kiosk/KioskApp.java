package vn.hanoi.branch.kiosk;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/** The kiosk application; everything it shows and runs is in {@link KioskShell}. */
public final class KioskApp extends Application {
    private KioskShell shell;

    @Override
    public void start(Stage stage) {
        shell = new KioskShell(stage, getParameters().getRaw(), Platform::exit);
        shell.start();
    }

    @Override
    public void stop() {
        if (shell != null) {
            shell.close();
        }
    }
}
