package vn.hanoi.branch.counter.admin;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
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
        ListView<BranchSettings.Counter> list = AdminParts.chooser("admin-counters", model.counters(),
                c -> AdminParts.row(c.number(), c.nameVi(), c.active()),
                c -> "admin-counter-" + c.number(), model.selectedProperty(), model::select);

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
