package vn.hanoi.branch.counter.admin;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import vn.hanoi.branch.api.BranchSettings;

import static vn.hanoi.branch.counter.admin.AdminParts.field;
import static vn.hanoi.branch.counter.admin.AdminParts.label;
import static vn.hanoi.branch.counter.admin.AdminParts.oneLine;

/** Counters: the list, and the chosen one's names, its services in calling order and whether it is in use. */
final class CountersView {
    private final HBox root;

    CountersView(CountersModel model) {
        ListView<BranchSettings.Counter> list = new ListView<>(model.counters());
        list.setId("admin-counters");
        list.setPrefWidth(300);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(BranchSettings.Counter c, boolean empty) {
                super.updateItem(c, empty);
                setText(empty || c == null ? null
                        : c.number() + " – " + c.nameVi() + (c.active() ? "" : "  (" + oneLine("admin.inactive") + ")"));
                setId(empty || c == null ? null : "admin-counter-" + c.number());
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, c) -> {
            if (c != null && c != model.selectedProperty().get()) {
                model.select(c);
            }
        });
        model.selectedProperty().addListener((o, a, c) -> {
            if (c != null && list.getSelectionModel().getSelectedItem() != c) {
                list.getSelectionModel().select(c);
            }
        });

        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(8);
        form.addRow(0, label("admin.nameVi"), field("counter-name-vi", model.nameViProperty()));
        form.addRow(1, label("admin.nameEn"), field("counter-name-en", model.nameEnProperty()));
        form.addRow(2, label("admin.counter.services"), field("counter-services", model.servicesProperty()));
        CheckBox active = new CheckBox(oneLine("admin.counter.active"));
        active.setId("counter-active");
        active.selectedProperty().bindBidirectional(model.activeProperty());
        form.add(active, 1, 3);
        form.disableProperty().bind(model.selectedProperty().isNull());
        VBox right = new VBox(12, form, AdminParts.action("counter-save", "admin.save", model.tasks(), model::save),
                AdminParts.message("counters-message", model.tasks()));
        root = new HBox(20, list, right);
        root.setPadding(new Insets(12, 20, 12, 20));
    }

    Node root() {
        return root;
    }
}
