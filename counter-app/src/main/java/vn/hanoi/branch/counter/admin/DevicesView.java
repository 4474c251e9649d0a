package vn.hanoi.branch.counter.admin;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import vn.hanoi.branch.api.DeviceKind;
import vn.hanoi.branch.api.Devices;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import static vn.hanoi.branch.counter.admin.AdminParts.action;
import static vn.hanoi.branch.counter.admin.AdminParts.field;
import static vn.hanoi.branch.counter.admin.AdminParts.label;
import static vn.hanoi.branch.counter.admin.AdminParts.oneLine;
import static vn.hanoi.branch.counter.admin.StaffView.column;

/** Devices (IT): the table with kind, name and last seen; revoke the chosen one; a pairing code for a new one. */
final class DevicesView {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM HH:mm").withZone(ZoneId.systemDefault());

    private final VBox root;

    DevicesView(DevicesModel model) {
        TableView<Devices.Device> table = new TableView<>(model.devices());
        table.setId("admin-devices");
        table.getColumns().add(column("admin.devices.kind", d -> oneLine("admin.devices.kind." + d.kind())));
        table.getColumns().add(column("admin.devices.name", Devices.Device::name));
        table.getColumns().add(column("admin.devices.lastSeen", d -> when(d.lastSeenAt())));
        table.getColumns().add(column("admin.devices.state", d -> d.revokedAt() == null ? oneLine("admin.devices.ok")
                : oneLine("admin.devices.revokedAt", when(d.revokedAt()))));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefHeight(300);
        table.setRowFactory(t -> {
            javafx.scene.control.TableRow<Devices.Device> row = new javafx.scene.control.TableRow<>();
            row.itemProperty().addListener((o, a, d) -> row.setId(d == null ? null : "device-" + d.id()));
            return row;
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, a, d) -> model.selectedProperty().set(d));

        HBox revoke = new HBox(12, action("device-revoke", "admin.devices.revokeButton", model.tasks(), () -> {
            Devices.Device d = model.selectedProperty().get();
            if (d != null && AdminParts.confirm(table, oneLine("admin.devices.revokeConfirm", d.name()))) {
                model.revoke();
            }
        }));
        revoke.disableProperty().bind(model.selectedProperty().isNull());

        ComboBox<DeviceKind> kind = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(DeviceKind.values()));
        kind.setId("device-new-kind");
        kind.valueProperty().bindBidirectional(model.newKindProperty());
        Label code = new Label();
        code.setId("pairing-code");
        code.getStyleClass().add("kpi");
        code.textProperty().bind(model.pairingCodeProperty());
        HBox pairing = new HBox(12, label("admin.devices.kind"), kind, label("admin.devices.name"),
                field("device-new-name", model.newNameProperty()),
                action("device-pairing-code", "admin.devices.codeButton", model.tasks(), model::issuePairingCode));

        root = new VBox(12, table, revoke, label("admin.devices.new"), pairing, code,
                AdminParts.message("devices-message", model.tasks()));
        root.setPadding(new Insets(12, 20, 12, 20));
    }

    private static String when(Instant at) {
        return at == null ? "—" : WHEN.format(at);
    }

    Node root() {
        return root;
    }
}
