package vn.hanoi.branch.counter.admin;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import vn.hanoi.branch.api.Role;
import vn.hanoi.branch.api.Staff;

import java.util.function.Function;

import static vn.hanoi.branch.counter.admin.AdminParts.action;
import static vn.hanoi.branch.counter.admin.AdminParts.field;
import static vn.hanoi.branch.counter.admin.AdminParts.label;
import static vn.hanoi.branch.counter.admin.AdminParts.oneLine;

/** Staff accounts (IT): the table, a new account, and disable or reset the password of the chosen one. */
final class StaffView {
    private final VBox root;

    StaffView(StaffModel model) {
        TableView<Staff.Account> table = new TableView<>(model.accounts());
        table.setId("admin-staff");
        table.getColumns().add(column("admin.staff.username", Staff.Account::username));
        table.getColumns().add(column("admin.staff.name", Staff.Account::displayName));
        table.getColumns().add(column("admin.staff.role", a -> a.role().name()));
        table.getColumns().add(column("admin.staff.state", a -> oneLine(!a.active() ? "admin.staff.disabledState"
                : a.passwordChangeDue() ? "admin.staff.changeDue" : "admin.staff.activeState")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefHeight(260);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, s) -> model.selectedProperty().set(s));

        PasswordField temporary = new PasswordField();
        temporary.setId("staff-temporary-password");
        temporary.textProperty().bindBidirectional(model.temporaryPasswordProperty());
        HBox chosen = new HBox(12, label("admin.staff.temporary"), temporary,
                action("staff-reset", "admin.staff.resetButton", model.tasks(), model::resetPassword),
                action("staff-disable", "admin.staff.disableButton", model.tasks(), () -> {
                    Staff.Account a = model.selectedProperty().get();
                    if (a != null && AdminParts.confirm(table, oneLine("admin.staff.disableConfirm", a.username()))) {
                        model.disable();
                    }
                }));
        chosen.disableProperty().bind(model.selectedProperty().isNull());

        ComboBox<Role> role = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(Role.values()));
        role.setId("staff-new-role");
        role.valueProperty().bindBidirectional(model.roleProperty());
        PasswordField password = new PasswordField();
        password.setId("staff-new-password");
        password.textProperty().bindBidirectional(model.passwordProperty());
        GridPane add = new GridPane();
        add.setHgap(12);
        add.setVgap(8);
        add.addRow(0, label("admin.staff.username"), field("staff-new-username", model.usernameProperty()));
        add.addRow(1, label("admin.staff.name"), field("staff-new-name", model.displayNameProperty()));
        add.addRow(2, label("admin.staff.role"), role);
        add.addRow(3, label("admin.staff.password"), password);
        add.add(action("staff-add", "admin.staff.addButton", model.tasks(), model::add), 1, 4);

        root = new VBox(12, table, chosen, label("admin.staff.new"), add, AdminParts.message("staff-message", model.tasks()));
        root.setPadding(new Insets(12, 20, 12, 20));
    }

    static <T> TableColumn<T, String> column(String key, Function<T, String> value) {
        TableColumn<T, String> c = new TableColumn<>(oneLine(key));
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return c;
    }

    Node root() {
        return root;
    }
}
