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
import vn.hanoi.branch.counter.CounterOptions.CustomerWindowMode;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The counter application; its options are in {@link CounterOptions} ({@code --help} lists them). The
 * device token is kept in the state directory; scanned pages wait in {@code <state-dir>/scan-spool} until
 * the agent has them.
 *
 * <p>Customer-facing window (satisfaction ratings): by default it opens full screen on the second
 * monitor as soon as there is one (also when it is plugged in later); {@code --customer-window} opens it
 * even without a second monitor (a normal window on the only one, e.g. for a demo);
 * {@code --no-customer-window} never opens it.
 */
public final class CounterApp extends Application {
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    private CounterModel model;
    private CustomerModel customer;
    private Stage customerStage;

    @Override
    public void start(Stage stage) throws IOException {
        // CounterMain has refused a bad command line already.
        CounterOptions options = CounterOptions.parse(getParameters().getRaw());
        Path dir = options.stateDir();
        AgentClient client;
        try {
            client = new DeviceState(dir).pairedClient(options.agent(), options.pairingCode(), "Counter " + InetAddress.getLocalHost().getHostName())
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
        TicketPrinter printer = TicketPrinters.open(options.printerPort(), PrinterProfile.byId(options.printerProfile()),
                options.printerBaud(), dir.resolve("slips"));
        model = new CounterModel(client, printer, background, Platform::runLater);
        model.desk().dossiers().configureScanning(vn.hanoi.branch.counter.scan.ScannerOption.parse(options.scanner(), dir),
                dir.resolve("scan-spool"), options.scanDpi());
        stage.setTitle("Quầy tiếp nhận / Counter");
        stage.setScene(CounterView.scene(model, 1280, 720));
        stage.show();
        startCustomerWindow(options, client, stage);
    }

    private void startCustomerWindow(CounterOptions options, AgentClient client, Stage desk) {
        CustomerWindowMode mode = options.customerWindowMode();
        if (mode == CustomerWindowMode.NEVER) {
            return;
        }
        // The citizen's answers go with the device token only, never with the clerk's session.
        customer = new CustomerModel(client.deviceOnly(), background, Platform::runLater,
                CustomerModel.Timing.ofSeconds(options.ratingSeconds())).follow(model.desk());
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
