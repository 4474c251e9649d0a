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
import vn.hanoi.branch.api.ApiError;
import vn.hanoi.branch.client.AgentException;
import vn.hanoi.branch.client.CounterClient;
import vn.hanoi.branch.client.DeskClient;
import vn.hanoi.branch.client.ItClient;
import vn.hanoi.branch.client.StaffSession;
import vn.hanoi.branch.client.SupervisorClient;
import vn.hanoi.branch.counter.AgentTasks;
import vn.hanoi.branch.i18n.I18n;

import java.util.List;
import java.util.Objects;

/**
 * Who works at this PC and where, without UI: sign-in, the choice of a counter (or the supervisor's
 * overview), sign-out, and the branch's catalog read at sign-in (counters, services, priority groups).
 * The login and counter choice screens bind to it; the other screens read the signed-in clerk from it,
 * and make their agent calls with the session it holds ({@link #desk()}, {@link #supervisor()}).
 */
public final class SignInModel {
    /** The screen the counter app shows. */
    public enum Step { LOGIN, CHANGE_PASSWORD, CHOOSE_COUNTER, DESK, SUPERVISOR }

    /** What a chosen counter opens: {@link #load} runs off the UI thread, its result shows the counter on it. */
    @FunctionalInterface
    public interface DeskOpener {
        Runnable load(CounterInfo counter);
    }

    private final CounterClient counter;
    private final AgentTasks tasks;
    private final DeskOpener desk;
    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(Step.LOGIN);
    private final ReadOnlyObjectWrapper<Sessions.User> user = new ReadOnlyObjectWrapper<>();
    // Set and cleared on the background thread that signs in or out, read by the other models' calls.
    private volatile StaffSession session;
    private final ObservableList<CounterInfo> counters = FXCollections.observableArrayList();
    // Views made once: a fresh unmodifiable wrapper per call would drop listeners when collected.
    private final ObservableList<CounterInfo> countersView = FXCollections.unmodifiableObservableList(counters);
    private final ObservableList<ServiceInfo> services = FXCollections.observableArrayList();
    private final ObservableList<ServiceInfo> servicesView = FXCollections.unmodifiableObservableList(services);
    private final ObservableMap<String, PriorityClass> priorityClasses = FXCollections.observableHashMap();
    private final ObservableMap<String, PriorityClass> priorityClassesView =
            FXCollections.unmodifiableObservableMap(priorityClasses);

    public SignInModel(CounterClient counter, AgentTasks tasks, DeskOpener desk) {
        this.counter = Objects.requireNonNull(counter);
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
            StaffSession s = counter.login(username.trim(), password);
            session = s;
            if (s.passwordChangeDue()) {
                // The agent answers nothing else until the new password is chosen.
                return () -> {
                    user.set(s.user());
                    step.set(Step.CHANGE_PASSWORD);
                };
            }
            Runnable show = loadCatalog(s.desk());
            return () -> {
                user.set(s.user());
                show.run();
                step.set(isSupervisor() ? Step.SUPERVISOR : Step.CHOOSE_COUNTER);
            };
        });
    }

    /**
     * The new password after IT reset it (the change password screen): typed twice, since nobody sees it;
     * then the work starts as after any sign-in.
     */
    public void changePassword(String current, String newPassword, String repeated) {
        if (!Objects.equals(newPassword, repeated)) {
            tasks.say(I18n.both("counter", "password.mismatch"));
            return;
        }
        tasks.run(() -> {
            StaffSession s = session();
            s.changePassword(current, newPassword);
            Runnable show = loadCatalog(s.desk());
            return () -> {
                show.run();
                tasks.say(I18n.both("counter", "password.changed"));
                step.set(isSupervisor() ? Step.SUPERVISOR : Step.CHOOSE_COUNTER);
            };
        });
    }

    /**
     * Reads counters, services and priority groups again (IT or a supervisor changed them: a counter renamed,
     * a service's hours or names); the screens showing them follow.
     */
    public void reloadCatalog() {
        if (session == null || step.get() == Step.CHANGE_PASSWORD) {
            return;
        }
        tasks.run(() -> loadCatalog(desk()));
    }

    /** Reads the branch's catalog (off the UI thread); the result shows it (on it). */
    private Runnable loadCatalog(DeskClient staff) {
        List<CounterInfo> all = staff.counters();
        List<ServiceInfo> svc = staff.services();
        List<PriorityClass> classes = staff.priorityClasses();
        return () -> {
            counters.setAll(all);
            services.setAll(svc.stream().filter(ServiceInfo::active).toList());
            priorityClasses.clear();
            classes.forEach(pc -> priorityClasses.put(pc.code(), pc));
        };
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
            StaffSession s = session;
            if (s != null) {
                try {
                    s.logout();
                } finally {
                    session = null;
                }
            }
            return () -> {
                user.set(null);
                step.set(Step.LOGIN);
            };
        });
    }

    /** The counter's work as the signed-in staff member (called off the UI thread). */
    public DeskClient desk() {
        return session().desk();
    }

    /** The supervisor's calls as the signed-in staff member (called off the UI thread). */
    public SupervisorClient supervisor() {
        return session().supervisor();
    }

    /** IT's calls (accounts, devices) as the signed-in staff member (called off the UI thread). */
    public ItClient it() {
        return session().it();
    }

    /** True when the signed-in member is IT (the accounts and devices screens). */
    public boolean isIt() {
        Sessions.User u = user.get();
        return u != null && u.role() == Role.IT;
    }

    private StaffSession session() {
        StaffSession s = session;
        if (s == null) {
            // Signed out while a request was on its way: the agent would refuse it alike.
            throw new AgentException(new ApiError(401, "unauthorized", "Phiên đăng nhập đã kết thúc. Hãy đăng nhập lại.",
                    "The session has ended. Log in again."), null);
        }
        return s;
    }
}
