package vn.hanoi.branch.counter.admin;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import vn.hanoi.branch.api.BranchSettings;

import java.time.DayOfWeek;

import static vn.hanoi.branch.counter.admin.AdminParts.field;
import static vn.hanoi.branch.counter.admin.AdminParts.label;
import static vn.hanoi.branch.counter.admin.AdminParts.oneLine;

/** Services: the list, and the chosen one's names, hours per weekday and whether kiosks offer it. */
final class ServicesView {
    private final HBox root;

    ServicesView(ServicesModel model) {
        ListView<BranchSettings.Service> list = AdminParts.chooser("admin-services", model.services(),
                s -> AdminParts.row(s.code(), s.nameVi(), s.active()),
                s -> "admin-service-" + s.code(), model.selectedProperty(), model::select);

        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(8);
        form.addRow(0, label("admin.nameVi"), field("service-name-vi", model.nameViProperty()));
        form.addRow(1, label("admin.nameEn"), field("service-name-en", model.nameEnProperty()));
        CheckBox active = new CheckBox(oneLine("admin.service.active"));
        active.setId("service-active");
        active.selectedProperty().bindBidirectional(model.activeProperty());
        form.add(active, 1, 2);
        form.add(label("admin.hours"), 0, 3);
        int row = 4;
        for (DayOfWeek d : DayOfWeek.values()) {
            Label day = new Label(oneLine("admin.day." + d));
            form.addRow(row++, day, field("hours-" + d.name().toLowerCase(), model.hoursProperty(d)));
        }
        form.disableProperty().bind(model.selectedProperty().isNull());
        VBox right = new VBox(12, form, AdminParts.action("service-save", "admin.save", model.tasks(), model::save),
                AdminParts.message("services-message", model.tasks()));
        root = new HBox(20, list, right);
        root.setPadding(new Insets(12, 20, 12, 20));
    }

    Node root() {
        return root;
    }
}
