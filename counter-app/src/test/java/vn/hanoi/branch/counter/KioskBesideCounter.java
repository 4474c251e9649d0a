package vn.hanoi.branch.counter;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import vn.hanoi.branch.agent.testing.TestAgent;
import vn.hanoi.branch.kiosk.KioskView;
import vn.hanoi.branch.kiosk.ticket.TakeNumberModel;
import vn.hanoi.branch.testkit.printer.VirtualPrinter;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The kiosk's and the counter's real scenes side by side on one agent, as the branch-wide scene tests drive
 * them: the kiosk at the screen's left edge, the counter PC to its right. Made in a test's {@code @Start},
 * closed after each test.
 */
final class KioskBesideCounter implements AutoCloseable {
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    private final TakeNumberModel kiosk;
    private final CounterScene desk;

    /** @param kioskToken the kiosk's device token (paired with {@code agent}) */
    KioskBesideCounter(TestAgent agent, String kioskToken, Stage kioskStage, double kioskWidth, double counterWidth) {
        VirtualPrinter printer = new VirtualPrinter(null);
        kiosk = new TakeNumberModel(agent.link().kiosk(kioskToken), printer, background, Platform::runLater);
        kioskStage.setScene(new Scene(KioskView.create(kiosk, printer), kioskWidth, 1080));
        kioskStage.setX(0);
        kioskStage.setY(0);
        kioskStage.show();
        kiosk.start();

        Stage counterStage = new Stage();
        desk = new CounterScene(agent, null).show(counterStage, counterWidth, 1080);
        counterStage.setX(kioskWidth);
    }

    TakeNumberModel kiosk() {
        return kiosk;
    }

    CounterScene desk() {
        return desk;
    }

    @Override
    public void close() {
        desk.close();
        kiosk.close();
        background.shutdownNow();
    }
}
