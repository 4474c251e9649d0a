package vn.hanoi.branch.kiosk;

import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Parent;
import javafx.scene.layout.StackPane;
import vn.hanoi.branch.kiosk.dossier.DeclarationScreen;
import vn.hanoi.branch.kiosk.dossier.ProcedureScreen;
import vn.hanoi.branch.kiosk.lookup.LookupScreen;
import vn.hanoi.branch.kiosk.ticket.BookingScreen;
import vn.hanoi.branch.kiosk.ticket.PriorityScreen;
import vn.hanoi.branch.kiosk.ticket.ProblemScreen;
import vn.hanoi.branch.kiosk.ticket.ServicesScreen;
import vn.hanoi.branch.kiosk.ticket.TakeNumberModel;
import vn.hanoi.branch.kiosk.ticket.TakeNumberModel.Step;
import vn.hanoi.branch.kiosk.ticket.TicketScreen;
import vn.hanoi.branch.kiosk.ticket.WaitScreen;
import vn.hanoi.branch.printer.ReceiptPreview;

import java.util.Objects;

/** The kiosk's screens stacked, one visible at a time according to the model's step. */
public final class KioskView {
    public static final String STYLESHEET = Objects.requireNonNull(
            KioskView.class.getResource("kiosk.css")).toExternalForm();

    private KioskView() {
    }

    /**
     * @param virtualPrinter shows its receipts on the ticket screen; null when a real printer is used
     */
    public static Parent create(TakeNumberModel model, ReceiptPreview virtualPrinter) {
        Texts texts = new Texts();
        var services = new ServicesScreen(model, texts).root();
        var wait = new WaitScreen(model, texts).root();
        TicketScreen ticket = new TicketScreen(model, texts);
        var problem = new ProblemScreen(model, texts).root();
        var priority = new PriorityScreen(model, texts).root();
        var booking = new BookingScreen(model, texts).root();
        var procedure = new ProcedureScreen(model, texts).root();
        var declare = new DeclarationScreen(model, texts).root();
        var lookup = new LookupScreen(model, texts).root();
        procedure.visibleProperty().bind(model.stepProperty().isEqualTo(Step.PROCEDURE));
        declare.visibleProperty().bind(model.stepProperty().isEqualTo(Step.DECLARE));
        lookup.visibleProperty().bind(model.stepProperty().isEqualTo(Step.LOOKUP));
        priority.visibleProperty().bind(model.stepProperty().isEqualTo(Step.PRIORITY));
        booking.visibleProperty().bind(model.stepProperty().isEqualTo(Step.BOOKING));
        services.visibleProperty().bind(model.stepProperty().isEqualTo(Step.CHOOSE));
        wait.visibleProperty().bind(model.stepProperty().isEqualTo(Step.ISSUING)
                .or(model.stepProperty().isEqualTo(Step.STARTING)));
        ticket.root().visibleProperty().bind(model.stepProperty().isEqualTo(Step.TICKET));
        problem.visibleProperty().bind(model.stepProperty().isEqualTo(Step.PROBLEM));
        if (virtualPrinter != null) {
            virtualPrinter.addListener(img -> {
                var fx = SwingFXUtils.toFXImage(img, null);
                Platform.runLater(() -> ticket.receiptProperty().set(fx));
            });
        }
        StackPane root = new StackPane(services, priority, procedure, declare, booking, lookup, wait, ticket.root(), problem);
        // A screen taller than the panel must not push its header (language switch) off the top:
        // the screen keeps the window's size and only its lowest content would be cut.
        root.getChildren().forEach(n -> ((javafx.scene.layout.Region) n).setMinSize(0, 0));
        root.getStylesheets().add(STYLESHEET);
        return root;
    }
}
