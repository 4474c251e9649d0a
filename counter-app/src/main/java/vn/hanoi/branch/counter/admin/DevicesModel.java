package vn.hanoi.branch.counter.admin;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import vn.hanoi.branch.api.DeviceKind;
import vn.hanoi.branch.api.Devices;
import vn.hanoi.branch.api.Pairing;
import vn.hanoi.branch.client.ItClient;
import vn.hanoi.branch.counter.AgentTasks;
import vn.hanoi.branch.i18n.I18n;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Supplier;

/**
 * The devices screen without UI (IT): every paired kiosk, counter PC and hall screen with when it last
 * called the agent; revoking a lost one (refused from its next request on); and a pairing code for a new one.
 */
public final class DevicesModel {
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());

    private final Supplier<ItClient> agent;
    private final AgentTasks tasks;
    private final ObservableList<Devices.Device> devices = FXCollections.observableArrayList();
    private final ObjectProperty<Devices.Device> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<DeviceKind> newKind = new SimpleObjectProperty<>(DeviceKind.KIOSK);
    private final StringProperty newName = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper pairingCode = new ReadOnlyStringWrapper("");

    public DevicesModel(Supplier<ItClient> agent, AgentTasks tasks) {
        this.agent = agent;
        this.tasks = tasks;
    }

    public AgentTasks tasks() {
        return tasks;
    }

    public ObservableList<Devices.Device> devices() {
        return devices;
    }

    public ObjectProperty<Devices.Device> selectedProperty() {
        return selected;
    }

    public ObjectProperty<DeviceKind> newKindProperty() {
        return newKind;
    }

    public StringProperty newNameProperty() {
        return newName;
    }

    /** The last pairing code issued and until when it works, or empty. */
    public ReadOnlyStringProperty pairingCodeProperty() {
        return pairingCode.getReadOnlyProperty();
    }

    public void load() {
        tasks.run(() -> {
            List<Devices.Device> list = agent.get().devices();
            return () -> show(list);
        });
    }

    /** Revokes the chosen device (the screen confirms first). */
    public void revoke() {
        Devices.Device d = selected.get();
        if (d == null) {
            return;
        }
        tasks.run(() -> {
            agent.get().revokeDevice(d.id());
            List<Devices.Device> list = agent.get().devices();
            return () -> {
                show(list);
                tasks.say(I18n.both("counter", "admin.devices.revoked", d.name()));
            };
        });
    }

    public void issuePairingCode() {
        Pairing.CodeRequest req = new Pairing.CodeRequest(newKind.get(), newName.get().strip());
        tasks.run(() -> {
            Pairing.Code c = agent.get().createPairingCode(req);
            return () -> pairingCode.set(I18n.both("counter", "admin.devices.code", c.code(), c.name(),
                    HHMM.format(c.expiresAt())));
        });
    }

    private void show(List<Devices.Device> list) {
        Devices.Device keep = selected.get();
        devices.setAll(list);
        selected.set(keep == null ? null : list.stream().filter(x -> x.id() == keep.id()).findFirst().orElse(null));
    }
}
