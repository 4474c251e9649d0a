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

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * The counters screen without UI: the branch's counters, and the one chosen with its names, the services it
 * serves in the order it calls them (service codes, "HT, CTH") and whether it is in use. The agent checks
 * the codes and refuses what would strand waiting tickets.
 */
public final class CountersModel {
    private final Supplier<SupervisorClient> agent;
    private final AgentTasks tasks;
    private final ObservableList<BranchSettings.Counter> counters = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<BranchSettings.Counter> selected = new ReadOnlyObjectWrapper<>();
    private final StringProperty nameVi = new SimpleStringProperty("");
    private final StringProperty nameEn = new SimpleStringProperty("");
    private final StringProperty services = new SimpleStringProperty("");
    private final BooleanProperty active = new SimpleBooleanProperty(true);

    public CountersModel(Supplier<SupervisorClient> agent, AgentTasks tasks) {
        this.agent = agent;
        this.tasks = tasks;
    }

    public AgentTasks tasks() {
        return tasks;
    }

    public ObservableList<BranchSettings.Counter> counters() {
        return counters;
    }

    public ReadOnlyObjectProperty<BranchSettings.Counter> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public StringProperty nameViProperty() {
        return nameVi;
    }

    public StringProperty nameEnProperty() {
        return nameEn;
    }

    /** The services' codes in rank order, separated by commas or spaces. */
    public StringProperty servicesProperty() {
        return services;
    }

    public BooleanProperty activeProperty() {
        return active;
    }

    public void load() {
        tasks.run(() -> {
            List<BranchSettings.Counter> list = agent.get().counterSettings();
            return () -> show(list, selected.get() == null ? null : selected.get().number());
        });
    }

    public void select(BranchSettings.Counter c) {
        selected.set(c);
        nameVi.set(c == null ? "" : c.nameVi());
        nameEn.set(c == null ? "" : c.nameEn());
        services.set(c == null ? "" : String.join(", ", c.services()));
        active.set(c == null || c.active());
    }

    public void save() {
        BranchSettings.Counter c = selected.get();
        if (c == null) {
            return;
        }
        List<String> codes = Arrays.stream(services.get().split("[,;\\s]+")).map(String::strip)
                .filter(s -> !s.isEmpty()).map(String::toUpperCase).toList();
        BranchSettings.Counter changed = new BranchSettings.Counter(c.number(), nameVi.get().strip(),
                nameEn.get().strip(), codes, active.get());
        tasks.run(() -> {
            agent.get().saveCounter(changed);
            List<BranchSettings.Counter> list = agent.get().counterSettings();
            return () -> {
                show(list, changed.number());
                tasks.say(I18n.both("counter", "admin.saved"));
            };
        });
    }

    private void show(List<BranchSettings.Counter> list, Integer keep) {
        counters.setAll(list);
        select(list.stream().filter(x -> keep != null && x.number() == keep).findFirst().orElse(null));
    }
}
