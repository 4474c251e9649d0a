package vn.hanoi.branch.counter;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.stage.Screen;
import javafx.stage.Stage;
import vn.hanoi.branch.counter.rating.CustomerModel;
import vn.hanoi.branch.counter.rating.CustomerWindow;
import vn.hanoi.branch.printer.TicketPrinter;
import vn.hanoi.branch.printer.TicketPrinters;
import vn.hanoi.branch.printer.escpos.PrinterProfile;
import vn.hanoi.branch.client.AgentClient;
import vn.hanoi.branch.client.AgentException;
import vn.hanoi.branch.client.DeviceState;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The counter application. Scanning: {@code --scanner sim|sane:DEVICE|folder:DIR} (default the simulated
 * scanner) and {@code --scan-dpi N} (default 300); pages wait in {@code <state-dir>/scan-spool} until the agent
 * has them; {@code --list-scanners} prints the SANE devices and exits. Options: {@code --agent URL}, {@code --pairing-code CODE} (first start
 * only), {@code --state-dir DIR}, and the slip printer as on the kiosk: {@code --printer-port PATH
 * --printer-profile tm-t88|generic|generic-58 --printer-baud N} (without a port, slips are saved as
 * images in the state directory). The device token is kept in the state directory.
 *
 * <p>Customer-facing window (satisfaction ratings): by default it opens full screen on the second
 * monitor as soon as there is one (also when it is plugged in later); {@code --customer-window} opens it
 * even without a second monitor (a normal window on the only one, e.g. for a demo);
 * {@code --no-customer-window} never opens it. {@code --rating-seconds N} (default 60) is how long the
 * question waits for the citizen.
 */
public final class CounterApp extends Application {
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    private CounterModel model;
    private CustomerModel customer;
    private Stage customerStage;

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
        model = new CounterModel(client, printer, background, Platform::runLater);
        model.desk().dossiers().configureScanning(vn.hanoi.branch.counter.scan.ScannerOption.parse(option(args, "--scanner", null), dir),
                dir.resolve("scan-spool"), Integer.parseInt(option(args, "--scan-dpi", "300")));
        stage.setTitle("Quầy tiếp nhận / Counter");
        stage.setScene(CounterView.scene(model, 1280, 720));
        stage.show();
        startCustomerWindow(args, client, stage);
    }

    /** Whether the customer-facing window opens: on a second monitor, always, or never. */
    enum CustomerWindowMode { AUTO, ALWAYS, NEVER }

    static CustomerWindowMode customerWindowMode(List<String> args) {
        if (args.contains("--no-customer-window")) {
            return CustomerWindowMode.NEVER;
        }
        return args.contains("--customer-window") ? CustomerWindowMode.ALWAYS : CustomerWindowMode.AUTO;
    }

    private void startCustomerWindow(List<String> args, AgentClient client, Stage desk) {
        CustomerWindowMode mode = customerWindowMode(args);
        if (mode == CustomerWindowMode.NEVER) {
            return;
        }
        int seconds = Integer.parseInt(option(args, "--rating-seconds", "60"));
        // The citizen's answers go with the device token only, never with the clerk's session.
        customer = new CustomerModel(client.deviceOnly(), background, Platform::runLater,
                CustomerModel.Timing.ofSeconds(seconds)).follow(model.desk());
        openCustomerWindow(mode, desk);
        desk.setOnHidden(e -> {
            if (customerStage != null) {
                customerStage.close(); // the desk closed: the app ends, its second window with it
            }
        });
        Screen.getScreens().addListener((ListChangeListener<Screen>) c -> openCustomerWindow(mode, desk));
    }

    /** Opens the window on a monitor other than the desk's when there is one; with ALWAYS also without. */
    private void openCustomerWindow(CustomerWindowMode mode, Stage desk) {
        if (customerStage != null && customerStage.isShowing()) {
            return;
        }
        Screen own = Screen.getScreensForRectangle(desk.getX(), desk.getY(), desk.getWidth(), desk.getHeight())
                .stream().findFirst().orElse(Screen.getPrimary());
        Screen other = Screen.getScreens().stream().filter(s -> !s.equals(own)).findFirst().orElse(null);
        if (other == null && mode != CustomerWindowMode.ALWAYS) {
            return;
        }
        Screen target = other == null ? own : other;
        // On a monitor of its own a tap there gives the keyboard back to the desk (F1-F5); on the same
        // monitor that would hide the window behind the desk.
        Runnable afterTouch = other == null ? null : desk::requestFocus;
        customerStage = new CustomerWindow(customer, target.getDpi(), afterTouch)
                .show(new Stage(), target, other != null, 1024, 768);
    }

    private static String option(List<String> args, String name, String fallback) {
        int i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : fallback;
    }

    @Override
    public void stop() {
        if (customer != null) {
            customer.close();
        }
        if (model != null) {
            model.close();
        }
        background.shutdownNow();
    }
}
