package vn.hanoi.branch.counter.login;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import vn.hanoi.branch.api.CounterInfo;
import vn.hanoi.branch.api.PriorityClass;
import vn.hanoi.branch.api.Role;
import vn.hanoi.branch.api.ServiceInfo;
import vn.hanoi.branch.api.Sessions;
import vn.hanoi.branch.client.AgentClient;
import vn.hanoi.branch.counter.AgentTasks;

import java.util.List;
import java.util.Objects;

/**
 * Who works at this PC and where, without UI: sign-in, the choice of a counter (or the supervisor's
 * overview), sign-out, and the branch's catalog read at sign-in (counters, services, priority groups).
 * The login and counter choice screens bind to it; the other screens read the signed-in clerk from it.
 */
public final class SignInModel {
    /** The screen the counter app shows. */
    public enum Step { LOGIN, CHOOSE_COUNTER, DESK, SUPERVISOR }

    /** What a chosen counter opens: {@link #load} runs off the UI thread, its result shows the counter on it. */
    @FunctionalInterface
    public interface DeskOpener {
        Runnable load(CounterInfo counter);
    }

    private final AgentClient agent;
    private final AgentTasks tasks;
    private final DeskOpener desk;
    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(Step.LOGIN);
    private final ReadOnlyObjectWrapper<Sessions.User> user = new ReadOnlyObjectWrapper<>();
    private final ObservableList<CounterInfo> counters = FXCollections.observableArrayList();
    // Views made once: a fresh unmodifiable wrapper per call would drop listeners when collected.
    private final ObservableList<CounterInfo> countersView = FXCollections.unmodifiableObservableList(counters);
    private final ObservableList<ServiceInfo> services = FXCollections.observableArrayList();
    private final ObservableList<ServiceInfo> servicesView = FXCollections.unmodifiableObservableList(services);
    private final ObservableMap<String, PriorityClass> priorityClasses = FXCollections.observableHashMap();
    private final ObservableMap<String, PriorityClass> priorityClassesView =
            FXCollections.unmodifiableObservableMap(priorityClasses);

    public SignInModel(AgentClient agent, AgentTasks tasks, DeskOpener desk) {
        this.agent = Objects.requireNonNull(agent);
        this.tasks = tasks;
        this.desk = desk;
    }

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Sessions.User> userProperty() {
        return user.getReadOnlyProperty();
    }

    /** The branch's counters, to choose from and to transfer to. */
    public ObservableList<CounterInfo> counters() {
        return countersView;
    }

    /** The branch's active services, for transfers. */
    public ObservableList<ServiceInfo> services() {
        return servicesView;
    }

    /** The priority groups by code, for the names staff read. */
    public ObservableMap<String, PriorityClass> priorityClasses() {
        return priorityClassesView;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return tasks.busyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return tasks.messageProperty();
    }

    public boolean isSupervisor() {
        Sessions.User u = user.get();
        return u != null && u.role() != null && u.role().atLeast(Role.SUPERVISOR);
    }

    public void login(String username, String password) {
        tasks.run(() -> {
            Sessions.Session s = agent.login(username.trim(), password);
            List<CounterInfo> all = agent.counters();
            List<ServiceInfo> svc = agent.services();
            List<PriorityClass> classes = agent.priorityClasses();
            return () -> {
                user.set(s.user());
                counters.setAll(all);
                services.setAll(svc.stream().filter(ServiceInfo::active).toList());
                priorityClasses.clear();
                classes.forEach(pc -> priorityClasses.put(pc.code(), pc));
                step.set(isSupervisor() ? Step.SUPERVISOR : Step.CHOOSE_COUNTER);
            };
        });
    }

    public void chooseCounter(CounterInfo c) {
        tasks.run(() -> {
            Runnable show = desk.load(c);
            return () -> {
                show.run();
                step.set(Step.DESK);
            };
        });
    }

    /** Supervisors switch between their overview and a counter. */
    public void showSupervisor() {
        if (isSupervisor()) {
            step.set(Step.SUPERVISOR);
        }
    }

    public void showCounterChoice() {
        if (user.get() != null) {
            step.set(Step.CHOOSE_COUNTER);
        }
    }

    public void logout() {
        tasks.run(() -> {
            agent.logout();
            return () -> {
                user.set(null);
                step.set(Step.LOGIN);
            };
        });
    }
}
