package vn.hanoi.branch.counter.desk;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import vn.hanoi.branch.api.CounterState;
import vn.hanoi.branch.i18n.I18n;

/** The desk's top line: counter and clerk, the counter's state, the connection, and the ways elsewhere. */
final class DeskHeader {
    private final DeskModel model;

    DeskHeader(DeskModel model) {
        this.model = model;
    }

    Node root() {
        Label who = new Label();
        who.textProperty().bind(Bindings.createStringBinding(() -> {
            var c = model.counterProperty().get();
            var u = model.signIn().userProperty().get();
            return (c == null ? "" : c.nameVi() + " / " + c.nameEn()) + (u == null ? "" : " — " + u.displayName());
        }, model.counterProperty(), model.signIn().userProperty()));
        Label live = new Label();
        live.setId("connection");
        live.textProperty().bind(Bindings.createStringBinding(() -> I18n.both("counter",
                model.liveProperty().get() ? "desk.live" : "desk.reconnecting").replace("\n", "  "), model.liveProperty()));
        model.liveProperty().addListener((o, a, on) -> live.getStyleClass().setAll("label", on ? "live" : "offline"));
        live.getStyleClass().setAll("label", "offline");
        Label counterState = new Label();
        counterState.setId("counter-state");
        counterState.textProperty().bind(Bindings.createStringBinding(() -> {
            CounterState st = model.counterState().stateProperty().get();
            String reason = model.counterState().reasonProperty().get();
            String text = I18n.both("counter", "desk.counterState." + st).replace("\n", " / ");
            return reason == null || reason.isBlank() ? text : text + " — " + reason;
        }, model.counterState().stateProperty(), model.counterState().reasonProperty()));
        model.counterState().stateProperty().addListener((o, a, st) ->
                counterState.getStyleClass().setAll("label", "state-" + st.name().toLowerCase()));
        counterState.getStyleClass().setAll("label", "state-open");
        Button supervisor = new Button(I18n.both("counter", "supervisor.open").replace("\n", " / "));
        supervisor.setId("open-supervisor");
        supervisor.getStyleClass().add("op");
        supervisor.setOnAction(e -> model.signIn().showSupervisor());
        BooleanBinding isSupervisor = Bindings.createBooleanBinding(model.signIn()::isSupervisor, model.signIn().userProperty());
        supervisor.visibleProperty().bind(isSupervisor);
        supervisor.managedProperty().bind(isSupervisor);
        Button dossiers = new Button(I18n.both("counter", "tracking.open").replace("\n", " / "));
        dossiers.setId("open-tracking");
        dossiers.getStyleClass().add("op");
        dossiers.setOnAction(e -> model.dossiers().tracking().show());
        Button logout = new Button(I18n.both("counter", "desk.logout").replace("\n", " / "));
        logout.setId("logout");
        logout.setOnAction(e -> model.signIn().logout());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        logout.getStyleClass().add("op");
        Button digitize = new Button(I18n.both("counter", "scan.open").replace("\n", " / "));
        digitize.setId("open-scan");
        digitize.getStyleClass().add("op");
        digitize.setOnAction(e -> model.dossiers().openScan());
        HBox h = new HBox(16, who, counterState, gap, live, dossiers, digitize, supervisor, logout);
        h.setAlignment(Pos.CENTER_LEFT);
        h.getStyleClass().add("header");
        return h;
    }
}
