package vn.hanoi.branch.counter.admin;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import vn.hanoi.branch.api.Role;
import vn.hanoi.branch.api.Sessions;
import vn.hanoi.branch.api.Staff;
import vn.hanoi.branch.client.ItClient;
import vn.hanoi.branch.counter.AgentTasks;
import vn.hanoi.branch.i18n.I18n;

import java.util.List;
import java.util.function.Supplier;

/**
 * The staff accounts screen without UI (IT): the accounts, a new one (username, name, role, first password),
 * and for the chosen one: disable, or reset its password to a temporary one that its owner must change at
 * the next sign-in. The agent checks names, password length and that nobody disables themselves.
 */
public final class StaffModel {
    private final Supplier<ItClient> agent;
    private final AgentTasks tasks;
    private final ObservableList<Staff.Account> accounts = FXCollections.observableArrayList();
    private final ObjectProperty<Staff.Account> selected = new SimpleObjectProperty<>();
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty displayName = new SimpleStringProperty("");
    private final ObjectProperty<Role> role = new SimpleObjectProperty<>(Role.CLERK);
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty temporaryPassword = new SimpleStringProperty("");

    public StaffModel(Supplier<ItClient> agent, AgentTasks tasks) {
        this.agent = agent;
        this.tasks = tasks;
    }

    public AgentTasks tasks() {
        return tasks;
    }

    public ObservableList<Staff.Account> accounts() {
        return accounts;
    }

    /** The account the disable and reset act on. */
    public ObjectProperty<Staff.Account> selectedProperty() {
        return selected;
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty displayNameProperty() {
        return displayName;
    }

    public ObjectProperty<Role> roleProperty() {
        return role;
    }

    /** The new account's first password. */
    public StringProperty passwordProperty() {
        return password;
    }

    /** The temporary password a reset gives the chosen account. */
    public StringProperty temporaryPasswordProperty() {
        return temporaryPassword;
    }

    public void load() {
        tasks.run(() -> {
            List<Staff.Account> list = agent.get().users();
            return () -> show(list);
        });
    }

    public void add() {
        Sessions.NewUser nu = new Sessions.NewUser(username.get().strip(), displayName.get().strip(), password.get(),
                role.get());
        tasks.run(() -> {
            Sessions.User u = agent.get().createUser(nu);
            List<Staff.Account> list = agent.get().users();
            return () -> {
                show(list);
                username.set("");
                displayName.set("");
                password.set("");
                tasks.say(I18n.both("counter", "admin.staff.added", u.username()));
            };
        });
    }

    public void disable() {
        Staff.Account a = selected.get();
        if (a == null) {
            return;
        }
        tasks.run(() -> {
            agent.get().disableUser(a.id());
            List<Staff.Account> list = agent.get().users();
            return () -> {
                show(list);
                tasks.say(I18n.both("counter", "admin.staff.disabled", a.username()));
            };
        });
    }

    public void resetPassword() {
        Staff.Account a = selected.get();
        if (a == null) {
            return;
        }
        String temporary = temporaryPassword.get();
        tasks.run(() -> {
            agent.get().resetPassword(a.id(), temporary);
            List<Staff.Account> list = agent.get().users();
            return () -> {
                show(list);
                temporaryPassword.set("");
                tasks.say(I18n.both("counter", "admin.staff.reset", a.username()));
            };
        });
    }

    private void show(List<Staff.Account> list) {
        Staff.Account keep = selected.get();
        accounts.setAll(list);
        selected.set(keep == null ? null : list.stream().filter(x -> x.id() == keep.id()).findFirst().orElse(null));
    }
}
