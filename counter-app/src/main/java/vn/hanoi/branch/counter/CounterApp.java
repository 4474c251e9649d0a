package vn.hanoi.branch.counter;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import vn.hanoi.branch.counter.desk.DeskModel;
import vn.hanoi.branch.printer.TicketPrinter;
import vn.hanoi.branch.printer.TicketPrinters;
import vn.hanoi.branch.printer.escpos.PrinterProfile;
import vn.hanoi.branch.shared.client.AgentClient;
import vn.hanoi.branch.shared.client.AgentException;
import vn.hanoi.branch.shared.device.DeviceState;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The counter application. Options: {@code --agent URL}, {@code --pairing-code CODE} (first start
 * only), {@code --state-dir DIR}, and the slip printer as on the kiosk: {@code --printer-port PATH
 * --printer-profile tm-t88|generic|generic-58 --printer-baud N} (without a port, slips are saved as
 * images in the state directory). The device token is kept in the state directory.
 */
public final class CounterApp extends Application {
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    private DeskModel model;

    @Override
    public void start(Stage stage) throws IOException {
        List<String> args = getParameters().getRaw();
        String agentUrl = option(args, "--agent", null);
        String code = option(args, "--pairing-code", null);
        Path dir = Path.of(option(args, "--state-dir", DeviceState.defaultDir("counter").toString()));
        AgentClient client;
        try {
            client = new DeviceState(dir).pairedClient(agentUrl, code, "Counter " + InetAddress.getLocalHost().getHostName())
                    .orElse(null);
        } catch (AgentException e) {
            System.err.println(e.error().messageVi() + "\n" + e.error().messageEn());
            client = null;
        }
        if (client == null) {
            System.err.println("Máy quầy chưa được ghép nối: chạy lại với --agent URL --pairing-code MÃ.\n"
                    + "This counter PC is not paired: start it with --agent URL --pairing-code CODE.");
            Platform.exit();
            return;
        }
        String port = option(args, "--printer-port", null);
        TicketPrinter printer = TicketPrinters.open(port,
                PrinterProfile.byId(option(args, "--printer-profile", "tm-t88")),
                Integer.parseInt(option(args, "--printer-baud", "9600")), dir.resolve("slips"));
        model = new DeskModel(client, printer, background, Platform::runLater);
        stage.setTitle("Quầy tiếp nhận / Counter");
        stage.setScene(CounterView.scene(model, 1280, 720));
        stage.show();
    }

    private static String option(List<String> args, String name, String fallback) {
        int i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : fallback;
    }

    @Override
    public void stop() {
        if (model != null) {
            model.close();
        }
        background.shutdownNow();
    }
}
