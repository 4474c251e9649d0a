package vn.hanoi.branch.counter.login;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import vn.hanoi.branch.api.CounterInfo;
import vn.hanoi.branch.i18n.I18n;

/** One button per counter of the branch; the clerk picks the one they sit at. */
public final class CounterChoiceScreen {
    private final VBox root;
    private final FlowPane buttons = new FlowPane(16, 16);

    public CounterChoiceScreen(SignInModel model) {
        Label title = new Label(I18n.both("counter", "choose.title"));
        title.getStyleClass().add("title");
        buttons.setAlignment(Pos.CENTER);
        model.counters().addListener((ListChangeListener<CounterInfo>) c -> {
            buttons.getChildren().clear();
            for (CounterInfo ci : model.counters()) {
                Button b = new Button(ci.nameVi() + "\n" + ci.nameEn());
                b.setId("counter-" + ci.number());
                b.disableProperty().bind(model.busyProperty());
                b.setOnAction(e -> model.chooseCounter(ci));
                buttons.getChildren().add(b);
            }
        });
        Label message = new Label();
        message.getStyleClass().add("message");
        message.textProperty().bind(model.messageProperty());
        Button supervisor = new Button(I18n.both("counter", "supervisor.open").replace("\n", " / "));
        supervisor.setId("choose-supervisor");
        supervisor.setOnAction(e -> model.showSupervisor());
        BooleanBinding isSupervisor = Bindings.createBooleanBinding(model::isSupervisor, model.userProperty());
        supervisor.visibleProperty().bind(isSupervisor);
        supervisor.managedProperty().bind(isSupervisor);
        root = new VBox(24, title, buttons, supervisor, message);
        root.setAlignment(Pos.CENTER);
    }

    public Node root() {
        return root;
    }
}
