package vn.hanoi.branch.counter.desk;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import vn.hanoi.branch.counter.dossier.ReceptionPane;
import vn.hanoi.branch.counter.dossier.TrackingScreen;
import vn.hanoi.branch.counter.scan.ScanScreen;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import vn.hanoi.branch.counter.dossier.DeclarationCard;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.util.StringConverter;
import vn.hanoi.branch.api.CounterInfo;
import vn.hanoi.branch.api.CounterState;
import vn.hanoi.branch.api.PriorityState;
import vn.hanoi.branch.api.ServiceInfo;
import vn.hanoi.branch.api.Ticket;
import vn.hanoi.branch.api.TicketState;
import vn.hanoi.branch.i18n.I18n;

/**
 * The clerk's desk: the current number with its priority, the five actions (F1-F5), the waiting line as
 * bars with the estimate, and the less frequent operations in tabs (F6-F9): call a number, transfer,
 * a no-show's return, pause/close the counter.
 */
public final class DeskScreen {
    private final DeskModel model;
    private final BorderPane root = new BorderPane();
    private final Button next;
    private final Button recall;
    private final Button serve;
    private final Button noShow;
    private final Button finish;
    private final TabPane operations = new TabPane();
    private final TextField callNumberField = new TextField();
    private final ComboBox<ServiceInfo> transferService = new ComboBox<>();
    private final ComboBox<String> returnNumber = new ComboBox<>();
    private final ComboBox<PauseReason> pauseReason = new ComboBox<>();
    private final Button pause;
    private final ReceptionPane reception;
    private final Button receive;
    private final Button resume;

    public DeskScreen(DeskModel model) {
        this.model = model;
        var current = model.currentProperty();
        BooleanBinding notOpen = model.counterState().stateProperty().isNotEqualTo(CounterState.OPEN);
        BooleanBinding idle = model.busyProperty().or(current.isNotNull()).or(notOpen);

        next = button("next", "desk.next", model::callNext, idle);
        next.getStyleClass().add("primary");
        recall = button("recall", "desk.recall", model::recall, model.busyProperty().or(model.canRecall().not()));
        serve = button("serve", "desk.serve", model::serve,
                model.busyProperty().or(model.canMoveTo(TicketState.SERVING).not()));
        noShow = button("no-show", "desk.noShow", model::noShow,
                model.busyProperty().or(model.canMoveTo(TicketState.NO_SHOW).not()));
        noShow.getStyleClass().add("danger");
        finish = button("finish", "desk.finish", model::finish,
                model.busyProperty().or(model.canMoveTo(TicketState.DONE).not()));
        Button reprint = button("reprint", "desk.reprint", model::reprint, model.busyProperty().or(current.isNull()));
        receive = button("receive", "reception.open", this::openReception,
                model.busyProperty().or(current.isNull()).or(model.dossiers().reception().openProperty()));
        reprint.setVisible(model.canReprint());
        reprint.setManaged(model.canReprint());

        Label number = new Label();
        number.setId("current-number");
        number.getStyleClass().add("number");
        number.textProperty().bind(Bindings.createStringBinding(
                () -> current.get() == null ? "—" : current.get().displayNumber(), current));
        Label priority = new Label();
        priority.setId("current-priority");
        priority.getStyleClass().add("priority");
        priority.setWrapText(true);
        priority.textProperty().bind(Bindings.createStringBinding(() -> model.priorityText(current.get()), current,
                model.signIn().priorityClasses()));
        BooleanBinding hasPriority = Bindings.createBooleanBinding(
                () -> current.get() != null && current.get().priorityClass() != null, current);
        priority.visibleProperty().bind(hasPriority);
        priority.managedProperty().bind(hasPriority);
        Button confirm = small("priority-confirm", "desk.priority.confirm", () -> model.setPriority(PriorityState.CONFIRMED),
                model.busyProperty().or(Bindings.createBooleanBinding(
                        () -> current.get() != null && current.get().priorityState() == PriorityState.CONFIRMED, current)));
        Button revoke = small("priority-revoke", "desk.priority.revoke", () -> model.setPriority(PriorityState.REVOKED),
                model.busyProperty().or(Bindings.createBooleanBinding(
                        () -> current.get() != null && current.get().priorityState() == PriorityState.REVOKED, current)));
        HBox priorityActions = new HBox(10, confirm, revoke);
        priorityActions.visibleProperty().bind(hasPriority);
        priorityActions.managedProperty().bind(hasPriority);
        Label state = new Label();
        state.setId("current-state");
        state.textProperty().bind(Bindings.createStringBinding(() -> {
            Ticket t = current.get();
            return t == null ? I18n.both("counter", "desk.none") : I18n.both("counter", "desk.state." + t.state());
        }, current));
        Label message = new Label();
        message.setId("message");
        message.getStyleClass().add("message");
        message.textProperty().bind(model.messageProperty());

        VBox currentCard = new VBox(8, new Label(I18n.both("counter", "desk.current")), number, priority, state,
                new HBox(12, next, recall, serve), new HBox(12, noShow, finish, reprint), receive, priorityActions, message);
        currentCard.getStyleClass().add("card");
        currentCard.setAlignment(Pos.TOP_LEFT);

        pause = small("pause", "desk.pause", () -> model.counterState().pause(pauseReason.getValue(), pauseOther.getText()),
                model.busyProperty().or(notOpen).or(current.isNotNull()).or(pauseReason.valueProperty().isNull()));
        resume = small("resume", "desk.resume", model.counterState()::resume,
                model.busyProperty().or(model.counterState().stateProperty().isEqualTo(CounterState.OPEN)));
        buildOperations(notOpen);
        reception = new ReceptionPane(model.dossiers().reception());
        VBox normal = new VBox(16, new WaitingPane(model).root(), operations);
        normal.visibleProperty().bind(model.dossiers().reception().openProperty().not());
        normal.managedProperty().bind(normal.visibleProperty());
        VBox right = new VBox(16, normal, reception.root());
        VBox left = new VBox(16, currentCard,
                new DeclarationCard(model.dossiers().declarationProperty(), model.dossiers()::procedure).root());
        HBox body = new HBox(20, left, right);
        HBox.setHgrow(right, Priority.ALWAYS);
        body.setPadding(new Insets(20));
        root.setTop(new DeskHeader(model).root());
        TrackingScreen tracking = new TrackingScreen(model.dossiers().tracking());
        body.visibleProperty().bind(model.dossiers().tracking().openProperty().not().and(model.dossiers().scan().openProperty().not()));
        body.managedProperty().bind(body.visibleProperty());
        // The scan screen covers the dossier it digitizes (from reception or tracking) until it is closed.
        ScanScreen scan = new ScanScreen(model.dossiers().scan());
        javafx.scene.Node trackingRoot = tracking.root();
        javafx.scene.layout.StackPane trackingLayer = new javafx.scene.layout.StackPane(trackingRoot);
        trackingLayer.visibleProperty().bind(model.dossiers().scan().openProperty().not());
        trackingLayer.managedProperty().bind(trackingLayer.visibleProperty());
        trackingLayer.setPickOnBounds(false);
        root.setCenter(new javafx.scene.layout.StackPane(body, trackingLayer, scan.root()));
    }

    private final TextField pauseOther = new TextField();

    private void buildOperations(BooleanBinding notOpen) {
        var current = model.currentProperty();
        var busy = model.busyProperty();

        callNumberField.setId("call-number-field");
        callNumberField.setPromptText("1005");
        callNumberField.setPrefColumnCount(6);
        callNumberField.getStyleClass().add("small-field");
        BooleanBinding cannotCall = busy.or(current.isNotNull()).or(notOpen);
        Button call = small("call-number", "desk.callNumber", () -> {
            model.callNumber(callNumberField.getText());
            callNumberField.clear();
        }, cannotCall.or(callNumberField.textProperty().isEmpty()));
        callNumberField.setOnAction(e -> fireIfShown(call));
        Tab callTab = tab("tab-call", "desk.tab.call", row(callNumberField, call));

        transferService.setId("transfer-service");
        transferService.setItems(model.signIn().services());
        transferService.setPromptText(I18n.both("counter", "desk.transfer.sameService").replace("\n", " / "));
        transferService.setConverter(converter(sv -> sv.code() + " – " + sv.nameVi() + " / " + sv.nameEn()));
        transferService.setPrefWidth(300);
        ComboBox<CounterInfo> transferCounter = new ComboBox<>();
        transferCounter.setId("transfer-counter");
        transferCounter.setItems(model.signIn().counters());
        transferCounter.setPromptText(I18n.both("counter", "desk.transfer.anyCounter").replace("\n", " / "));
        transferCounter.setConverter(converter(ci -> ci.nameVi() + " / " + ci.nameEn()));
        transferCounter.setPrefWidth(220);
        CheckBox keep = new CheckBox(I18n.both("counter", "desk.transfer.keep").replace("\n", " / "));
        keep.setId("transfer-keep");
        keep.setSelected(true);
        Button transfer = small("transfer", "desk.transfer", () -> {
            model.transfer(transferService.getValue(), transferCounter.getValue(), keep.isSelected());
            transferService.setValue(null);
            transferCounter.setValue(null);
        }, busy.or(model.canMoveTo(TicketState.TRANSFERRED).not()).or(transferService.valueProperty().isNull()
                .and(transferCounter.valueProperty().isNull())));
        Tab transferTab = tab("tab-transfer", "desk.tab.transfer",
                new VBox(8, row(transferService, transferCounter), row(keep, transfer)));

        returnNumber.setId("return-number");
        returnNumber.setEditable(true);
        returnNumber.setPrefWidth(160);
        returnNumber.setPromptText("1005");
        model.recentNoShows().addListener((ListChangeListener<Ticket>) c -> returnNumber.getItems()
                .setAll(model.recentNoShows().stream().map(Ticket::displayNumber).toList()));
        Button giveBack = small("return-noshow", "desk.returnNoShow", () -> {
            model.returnNoShow(returnNumber.getEditor().getText());
            returnNumber.getEditor().clear();
            returnNumber.setValue(null);
        }, busy.or(returnNumber.getEditor().textProperty().isEmpty()));
        Tab returnTab = tab("tab-return", "desk.tab.return", row(returnNumber, giveBack));

        pauseReason.setId("pause-reason");
        pauseReason.getItems().setAll(PauseReason.values());
        pauseReason.setConverter(converter(r -> r.text));
        pauseReason.setPromptText(I18n.both("counter", "desk.pause.reason").replace("\n", " / "));
        pauseOther.setId("pause-other");
        pauseOther.setPrefColumnCount(12);
        pauseOther.getStyleClass().add("small-field");
        pauseOther.disableProperty().bind(pauseReason.valueProperty().isNotEqualTo(PauseReason.OTHER));
        Button close = small("close-counter", "desk.closeCounter", model.counterState()::close,
                busy.or(current.isNotNull()).or(model.counterState().stateProperty().isEqualTo(CounterState.CLOSED)));
        close.getStyleClass().add("danger");
        Tab counterTab = tab("tab-counter", "desk.tab.counter",
                new VBox(8, row(pauseReason, pauseOther, pause), row(resume, close)));

        operations.setId("operations");
        operations.getTabs().setAll(callTab, transferTab, returnTab, counterTab);
        operations.getStyleClass().add("card");
    }

    private static HBox row(Node... nodes) {
        HBox h = new HBox(10, nodes);
        h.setAlignment(Pos.CENTER_LEFT);
        return h;
    }

    private static Tab tab(String id, String key, Node content) {
        // Two short lines (Vietnamese, English); counter.css makes the tab headers tall enough for both.
        Tab t = new Tab(I18n.both("counter", key), content);
        t.setId(id);
        t.setClosable(false);
        if (content instanceof javafx.scene.layout.Region r) {
            r.setPadding(new Insets(12, 4, 4, 4));
        }
        return t;
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    private Button small(String id, String key, Runnable action, javafx.beans.value.ObservableBooleanValue disabled) {
        Button b = button(id, key, action, disabled);
        b.setText(b.getText().replace("\n", " / "));
        b.getStyleClass().add("op");
        return b;
    }

    private Button button(String id, String key, Runnable action, javafx.beans.value.ObservableBooleanValue disabled) {
        Button b = new Button(I18n.both("counter", key));
        b.setId(id);
        b.setOnAction(e -> action.run());
        b.disableProperty().bind(disabled);
        return b;
    }

    /** F1-F5 fire the desk buttons, so that a clerk never has to reach for the mouse. */
    public void installShortcuts(Scene scene) {
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F1), () -> fireIfShown(next));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F2), () -> fireIfShown(recall));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F3), () -> fireIfShown(serve));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F4), () -> fireIfShown(noShow));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), () -> fireIfShown(finish));
        // F6-F9 open an operation with its first field focused: type, Enter.
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F6), () -> openOperation(0, callNumberField));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F7), () -> openOperation(1, transferService));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F8), () -> openOperation(2, returnNumber));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F9), () -> openOperation(3, pauseReason));
        // F10 opens the reception form; in it Ctrl+Enter receives and Esc closes.
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F10), () -> fireIfShown(receive));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN), () -> {
            if (root.isVisible() && model.dossiers().reception().openProperty().get()) {
                model.dossiers().reception().submit();
            }
        });
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN), () -> {
            if (root.isVisible() && model.dossiers().reception().openProperty().get()) {
                model.dossiers().reception().printSlip();
            }
        });
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F11), () -> {
            if (root.isVisible()) {
                model.dossiers().tracking().show();
            }
        });
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F12), () -> {
            if (root.isVisible() && !model.dossiers().scan().openProperty().get()) {
                model.dossiers().openScan();
            }
        });
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), () -> {
            if (root.isVisible() && model.dossiers().scan().openProperty().get()) {
                if (!model.dossiers().scan().busyProperty().get()) {
                    model.dossiers().scan().close();
                }
            } else if (root.isVisible() && model.dossiers().tracking().openProperty().get()) {
                model.dossiers().tracking().hide();
            } else if (root.isVisible() && model.dossiers().reception().openProperty().get()) {
                model.dossiers().reception().close();
            }
        });
    }

    private void openReception() {
        model.dossiers().openReception();
        // The form opens when the catalog is there; put the cursor in it then.
        model.dossiers().reception().openProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
                if (now) {
                    o.removeListener(this);
                    javafx.application.Platform.runLater(reception::focusFirst);
                }
            }
        });
    }

    private void openOperation(int tab, Node focus) {
        if (root.isVisible()) {
            operations.getSelectionModel().select(tab);
            focus.requestFocus();
        }
    }

    private void fireIfShown(Button b) {
        if (root.isVisible() && !b.isDisabled()) {
            b.fire();
        }
    }

    public Node root() {
        return root;
    }
}
