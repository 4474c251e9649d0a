package vn.hanoi.branch.counter.admin;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import vn.hanoi.branch.api.BranchSettings;
import vn.hanoi.branch.client.SupervisorClient;
import vn.hanoi.branch.counter.AgentTasks;
import vn.hanoi.branch.i18n.I18n;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The hall notices screen without UI: the ticker as text, one notice a line, Vietnamese then English after a
 * '~' ("Giữ vé đến khi được gọi ~ Keep your ticket until called"). Saved, it scrolls on every hall screen.
 */
public final class NoticesModel {
    private final Supplier<SupervisorClient> agent;
    private final AgentTasks tasks;
    private final StringProperty text = new SimpleStringProperty("");

    public NoticesModel(Supplier<SupervisorClient> agent, AgentTasks tasks) {
        this.agent = agent;
        this.tasks = tasks;
    }

    public AgentTasks tasks() {
        return tasks;
    }

    public StringProperty textProperty() {
        return text;
    }

    public void load() {
        tasks.run(() -> {
            BranchSettings.Notices n = agent.get().hallNotices();
            return () -> text.set(lines(n));
        });
    }

    public void save() {
        List<BranchSettings.Notice> notices = text.get().lines().map(String::strip).filter(l -> !l.isEmpty())
                .map(l -> {
                    int tilde = l.indexOf('~');
                    return tilde < 0 ? new BranchSettings.Notice(l, "")
                            : new BranchSettings.Notice(l.substring(0, tilde).strip(), l.substring(tilde + 1).strip());
                }).toList();
        tasks.run(() -> {
            BranchSettings.Notices saved = agent.get().saveHallNotices(new BranchSettings.Notices(notices));
            return () -> {
                text.set(lines(saved));
                tasks.say(I18n.both("counter", "admin.saved"));
            };
        });
    }

    private static String lines(BranchSettings.Notices n) {
        return n.notices().stream().map(x -> x.en() == null || x.en().isBlank() ? x.vi() : x.vi() + " ~ " + x.en())
                .collect(Collectors.joining("\n"));
    }
}
