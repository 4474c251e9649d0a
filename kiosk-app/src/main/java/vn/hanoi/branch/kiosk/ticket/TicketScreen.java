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
import vn.hanoi.branch.kiosk.Texts;
import vn.hanoi.branch.api.ServiceInfo;
import vn.hanoi.branch.api.Ticket;
import vn.hanoi.branch.i18n.I18n;

/** The issued number, very large, with the receipt as printed and a Done button. */
public final class TicketScreen {
    private final BorderPane root = new BorderPane();
    private final ObjectProperty<Image> receipt = new SimpleObjectProperty<>();

    public TicketScreen(TakeNumberModel model, Texts texts) {
        root.setTop(ServicesScreen.header(model, texts));
        var lang = model.languageProperty();

        Label number = new Label();
        number.setId("ticket-number");
        number.getStyleClass().add("number");
        number.textProperty().bind(Bindings.createStringBinding(() -> {
            Ticket t = model.ticketProperty().get();
            return t == null ? "" : t.displayNumber();
        }, model.ticketProperty()));

        VBox service = Texts.both(lang, () -> name(model.chosenProperty().get(), true),
                () -> name(model.chosenProperty().get(), false), model.chosenProperty());
        VBox ahead = Texts.both(lang, () -> texts.get(I18n.VI, "ticket.ahead", ahead(model)),
                () -> texts.get(I18n.EN, "ticket.ahead", ahead(model)), model.ticketProperty());
        VBox take = texts.both(lang, "ticket.take");
        take.visibleProperty().bind(model.printerProblemProperty().isNull());

        VBox warning = Texts.both(lang,
                () -> texts.get(I18n.VI, "ticket.noPaper", printerText(model, true)),
                () -> texts.get(I18n.EN, "ticket.noPaper", printerText(model, false)),
                model.printerProblemProperty());
        warning.setId("printer-warning");
        warning.getStyleClass().add("warning");
        warning.visibleProperty().bind(model.printerProblemProperty().isNotNull());
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
            Ticket t = model.ticketProperty().get();
            if (t == null || !t.isPriority()) {
                return "";
            }
            String name = model.priorityClasses().stream().filter(p -> p.code().equals(t.priorityClass()))
                    .findFirst().map(p -> I18n.EN.equals(lang.get()) ? p.nameEn() : p.nameVi()).orElse(t.priorityClass());
            return texts.get(lang.get(), "ticket.priority", name);
        }, model.ticketProperty(), lang));
        priority.visibleProperty().bind(priority.textProperty().isNotEmpty());
        priority.managedProperty().bind(priority.visibleProperty());
        VBox estimate = Texts.both(lang, () -> estimate(texts, model, true), () -> estimate(texts, model, false),
                model.ticketProperty());
        estimate.setId("ticket-estimate");
        VBox notice = Texts.both(lang, () -> notice(model, true), () -> notice(model, false), model.checkInProperty());
        notice.setId("ticket-notice");
        notice.getStyleClass().add("warning");
        notice.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> model.checkInProperty().get() != null && !model.checkInProperty().get().onTime(), model.checkInProperty()));
        notice.managedProperty().bind(notice.visibleProperty());

        var sent = model.declarationSentProperty();
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
        image.visibleProperty().bind(receipt.isNotNull().and(model.printerProblemProperty().isNull()));

        HBox body = new HBox(64, left, image);
        body.setAlignment(Pos.CENTER);
        body.setPadding(new Insets(24));
        root.setCenter(body);
    }

    private static String estimate(Texts texts, TakeNumberModel model, boolean vi) {
        Ticket t = model.ticketProperty().get();
        return t == null || t.estimateMinutes() == null ? ""
                : texts.get(vi ? I18n.VI : I18n.EN, "ticket.estimate", t.estimateMinutes());
    }

    private static String notice(TakeNumberModel model, boolean vi) {
        var in = model.checkInProperty().get();
        return in == null || in.onTime() ? "" : vi ? in.noticeVi() : in.noticeEn();
    }

    private static String name(ServiceInfo s, boolean vi) {
        return s == null ? "" : vi ? s.nameVi() : s.nameEn();
    }

    private static int ahead(TakeNumberModel model) {
        Ticket t = model.ticketProperty().get();
        return t == null ? 0 : t.waitingAhead();
    }

    private static String printerText(TakeNumberModel model, boolean vi) {
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
