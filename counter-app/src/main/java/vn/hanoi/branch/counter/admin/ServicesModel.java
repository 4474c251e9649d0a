package vn.hanoi.branch.counter.admin;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import vn.hanoi.branch.api.BranchSettings;
import vn.hanoi.branch.client.SupervisorClient;
import vn.hanoi.branch.counter.AgentTasks;
import vn.hanoi.branch.i18n.I18n;

import java.time.DayOfWeek;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The services screen without UI: the branch's services, and the one chosen with its names, its hours per
 * weekday ("07:30-17:00", empty for closed) and whether kiosks offer it. The agent checks and applies a
 * change with the setup file's rules and tells every kiosk, counter and hall screen; nothing is decided here.
 */
public final class ServicesModel {
    private final Supplier<SupervisorClient> agent;
    private final AgentTasks tasks;
    private final ObservableList<BranchSettings.Service> services = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<BranchSettings.Service> selected = new ReadOnlyObjectWrapper<>();
    private final StringProperty nameVi = new SimpleStringProperty("");
    private final StringProperty nameEn = new SimpleStringProperty("");
    private final BooleanProperty active = new SimpleBooleanProperty(true);
    private final Map<DayOfWeek, StringProperty> hours = new EnumMap<>(DayOfWeek.class);

    public ServicesModel(Supplier<SupervisorClient> agent, AgentTasks tasks) {
        this.agent = agent;
        this.tasks = tasks;
        for (DayOfWeek d : DayOfWeek.values()) {
            hours.put(d, new SimpleStringProperty(""));
        }
    }

    public AgentTasks tasks() {
        return tasks;
    }

    public ObservableList<BranchSettings.Service> services() {
        return services;
    }

    public ReadOnlyObjectProperty<BranchSettings.Service> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public StringProperty nameViProperty() {
        return nameVi;
    }

    public StringProperty nameEnProperty() {
        return nameEn;
    }

    public BooleanProperty activeProperty() {
        return active;
    }

    /** The hours of {@code day} as typed: "07:30-17:00", or empty when the service is closed that day. */
    public StringProperty hoursProperty(DayOfWeek day) {
        return hours.get(day);
    }

    /** Reads the services from the agent; the chosen one stays chosen. */
    public void load() {
        tasks.run(() -> {
            List<BranchSettings.Service> list = agent.get().serviceSettings();
            return () -> show(list, selected.get() == null ? null : selected.get().code());
        });
    }

    /** Chooses a service to edit (null: none). */
    public void select(BranchSettings.Service s) {
        selected.set(s);
        nameVi.set(s == null ? "" : s.nameVi());
        nameEn.set(s == null ? "" : s.nameEn());
        active.set(s == null || s.active());
        for (DayOfWeek d : DayOfWeek.values()) {
            BranchSettings.Hours h = s == null ? null : s.hours().get(d);
            hours.get(d).set(h == null ? "" : h.opens() + "-" + h.closes());
        }
    }

    /** Sends the edited service; a typed time the agent could not read is named here first. */
    public void save() {
        BranchSettings.Service s = selected.get();
        if (s == null) {
            return;
        }
        Map<DayOfWeek, BranchSettings.Hours> typed = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            Optional<BranchSettings.Hours> h;
            try {
                h = HoursText.parse(hours.get(d).get());
            } catch (IllegalArgumentException e) {
                tasks.say(I18n.both("counter", "admin.hours.bad", dayVi(d), hours.get(d).get()));
                return;
            }
            h.ifPresent(v -> typed.put(d, v));
        }
        BranchSettings.Service changed = new BranchSettings.Service(s.code(), s.prefix(), nameVi.get().strip(),
                nameEn.get().strip(), typed, active.get());
        tasks.run(() -> {
            agent.get().saveService(changed);
            List<BranchSettings.Service> list = agent.get().serviceSettings();
            return () -> {
                show(list, changed.code());
                tasks.say(I18n.both("counter", "admin.saved"));
            };
        });
    }

    private void show(List<BranchSettings.Service> list, String keep) {
        services.setAll(list);
        select(list.stream().filter(x -> x.code().equals(keep)).findFirst().orElse(null));
    }

    /** The weekday as the screen names it, for messages. */
    static String dayVi(DayOfWeek d) {
        return I18n.text("counter", I18n.VI, "admin.day." + d);
    }
}
