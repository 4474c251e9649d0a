package vn.hanoi.branch.kiosk.ticket;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import vn.hanoi.branch.kiosk.KioskControls;
import vn.hanoi.branch.kiosk.Texts;
import vn.hanoi.branch.api.ServiceInfo;
import vn.hanoi.branch.api.Ticket;
import vn.hanoi.branch.i18n.I18n;

/** The issued number, very large, with the receipt as printed and a Done button. */
public final class TicketScreen {
    private final BorderPane root = new BorderPane();
    private final ObjectProperty<Image> receipt = new SimpleObjectProperty<>();

    public TicketScreen(TakeNumberModel model, Texts texts) {
        root.setTop(KioskControls.header(model, texts));
        var lang = model.session().languageProperty();
        TicketModel ticket = model.ticket();

        Label number = new Label();
        number.setId("ticket-number");
        number.getStyleClass().add("number");
        number.textProperty().bind(Bindings.createStringBinding(() -> {
            Ticket t = ticket.ticketProperty().get();
            return t == null ? "" : t.displayNumber();
        }, ticket.ticketProperty()));

        VBox service = Texts.both(lang, () -> name(ticket.serviceProperty().get(), true),
                () -> name(ticket.serviceProperty().get(), false), ticket.serviceProperty());
        VBox ahead = Texts.both(lang, () -> texts.get(I18n.VI, "ticket.ahead", ahead(ticket)),
                () -> texts.get(I18n.EN, "ticket.ahead", ahead(ticket)), ticket.ticketProperty());
        VBox take = texts.both(lang, "ticket.take");
        take.visibleProperty().bind(ticket.printerProblemProperty().isNull());

        VBox warning = Texts.both(lang,
                () -> texts.get(I18n.VI, "ticket.noPaper", printerText(ticket, true)),
                () -> texts.get(I18n.EN, "ticket.noPaper", printerText(ticket, false)),
                ticket.printerProblemProperty());
        warning.setId("printer-warning");
        warning.getStyleClass().add("warning");
        warning.visibleProperty().bind(ticket.printerProblemProperty().isNotNull());
        warning.managedProperty().bind(warning.visibleProperty());

        Button done = new Button();
        done.setId("done");
        done.textProperty().bind(Bindings.createStringBinding(
                () -> texts.get(lang.get(), "ticket.done"), lang));
        done.setOnAction(e -> model.home());

        Label priority = new Label();
        priority.setId("ticket-priority");
        priority.getStyleClass().add("priority-mark");
        priority.textProperty().bind(Bindings.createStringBinding(() -> {
            String name = ticket.priorityName(lang.get());
            return name == null ? "" : texts.get(lang.get(), "ticket.priority", name);
        }, ticket.ticketProperty(), lang));
        priority.visibleProperty().bind(priority.textProperty().isNotEmpty());
        priority.managedProperty().bind(priority.visibleProperty());
        VBox estimate = Texts.both(lang, () -> estimate(texts, ticket, true), () -> estimate(texts, ticket, false),
                ticket.ticketProperty());
        estimate.setId("ticket-estimate");
        VBox notice = Texts.both(lang, () -> notice(ticket, true), () -> notice(ticket, false), ticket.checkInProperty());
        notice.setId("ticket-notice");
        notice.getStyleClass().add("warning");
        notice.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> ticket.checkInProperty().get() != null && !ticket.checkInProperty().get().onTime(), ticket.checkInProperty()));
        notice.managedProperty().bind(notice.visibleProperty());

        var sent = ticket.declarationSentProperty();
        VBox declared = Texts.both(lang,
                () -> sent.get() == null ? "" : texts.get(I18n.VI, sent.get() ? "ticket.declared" : "ticket.notDeclared"),
                () -> sent.get() == null ? "" : texts.get(I18n.EN, sent.get() ? "ticket.declared" : "ticket.notDeclared"), sent);
        declared.setId("ticket-declared");
        declared.visibleProperty().bind(sent.isNotNull());
        declared.managedProperty().bind(declared.visibleProperty());
        sent.addListener((o, a, b) -> {
            declared.getStyleClass().remove("warning");
            if (Boolean.FALSE.equals(b)) {
                declared.getStyleClass().add("warning");
            }
        });

        VBox left = new VBox(20, texts.both(lang, "ticket.title"), number, priority, service, ahead, estimate, notice,
                declared, warning, take, done);
        left.setAlignment(Pos.CENTER);

        ImageView image = new ImageView();
        image.setId("receipt");
        image.getStyleClass().add("receipt");
        image.imageProperty().bind(receipt);
        image.setPreserveRatio(true);
        image.setFitHeight(760);
        image.visibleProperty().bind(receipt.isNotNull().and(ticket.printerProblemProperty().isNull()));

        HBox body = new HBox(64, left, image);
        body.setAlignment(Pos.CENTER);
        body.setPadding(new Insets(24));
        root.setCenter(body);
    }

    private static String estimate(Texts texts, TicketModel model, boolean vi) {
        Ticket t = model.ticketProperty().get();
        return t == null || t.estimateMinutes() == null ? ""
                : texts.get(vi ? I18n.VI : I18n.EN, "ticket.estimate", t.estimateMinutes());
    }

    private static String notice(TicketModel model, boolean vi) {
        var in = model.checkInProperty().get();
        return in == null || in.onTime() ? "" : vi ? in.noticeVi() : in.noticeEn();
    }

    private static String name(ServiceInfo s, boolean vi) {
        return s == null ? "" : vi ? s.nameVi() : s.nameEn();
    }

    private static int ahead(TicketModel model) {
        Ticket t = model.ticketProperty().get();
        return t == null ? 0 : t.waitingAhead();
    }

    private static String printerText(TicketModel model, boolean vi) {
        var p = model.printerProblemProperty().get();
        return p == null ? "" : vi ? p.textVi() : p.textEn();
    }

    /** The receipt image from a virtual printer; null hides it. */
    public ObjectProperty<Image> receiptProperty() {
        return receipt;
    }

    public Node root() {
        return root;
    }
}
