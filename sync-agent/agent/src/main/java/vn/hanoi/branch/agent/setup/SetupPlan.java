package vn.hanoi.branch.agent.setup;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What applying a configuration changes, entity by entity, and the configuration the database will hold
 * afterwards ({@code target}): the wanted one plus, deactivated, whatever the database has and the wanted
 * one leaves out. Empty when the database already holds it (a second apply changes nothing).
 */
public record SetupPlan(List<Change> changes, BranchSetup target) {

    public enum Action { ADD, CHANGE, DEACTIVATE }

    /** One entity's change; {@code detail} lists the fields that change, "field: old → new". */
    public record Change(String entity, String key, Action action, String detail) {
        @Override
        public String toString() {
            String what = switch (action) {
                case ADD -> "thêm / add";
                case CHANGE -> "sửa / change";
                case DEACTIVATE -> "ngừng / deactivate";
            };
            return what + " " + entity + " " + key + (detail.isEmpty() ? "" : ": " + detail);
        }
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** The plan from {@code current} (null: nothing set up yet) to {@code wanted}. */
    public static SetupPlan between(BranchSetup current, BranchSetup wanted) {
        List<Change> changes = new ArrayList<>();
        BranchSetup.Identity oldBranch = current == null ? null : current.branch();
        Integer oldTarget = current == null ? null : current.satisfactionTargetPercent();
        Integer target = wanted.satisfactionTargetPercent() != null ? wanted.satisfactionTargetPercent() : oldTarget;
        if (oldBranch == null) {
            changes.add(new Change("branch", wanted.branch().code(), Action.ADD, ""));
        } else {
            String d = diff(oldBranch, wanted.branch());
            if (!Objects.equals(oldTarget, target)) {
                d = (d.isEmpty() ? "" : d + "; ") + "satisfactionTargetPercent: " + oldTarget + " → " + target;
            }
            if (!d.isEmpty()) {
                changes.add(new Change("branch", wanted.branch().code(), Action.CHANGE, d));
            }
        }
        List<BranchSetup.Service> services = merge("service", current == null ? List.of() : current.services(),
                wanted.services(), BranchSetup.Service::code, BranchSetup.Service::active,
                s -> s.withActive(false), changes);
        List<BranchSetup.Counter> counters = merge("counter", current == null ? List.of() : current.counters(),
                wanted.counters(), c -> String.valueOf(c.number()), BranchSetup.Counter::active,
                c -> c.withActive(false), changes);
        List<BranchSetup.PriorityClass> oldClasses = current == null ? List.of() : current.priorityClasses();
        List<BranchSetup.PriorityClass> classes = wanted.priorityClasses() == null ? oldClasses
                : merge("priorityClass", oldClasses, wanted.priorityClasses(), BranchSetup.PriorityClass::code,
                        BranchSetup.PriorityClass::active,
                        p -> new BranchSetup.PriorityClass(p.code(), p.nameVi(), p.nameEn(), p.minAge(), p.sort(), false),
                        changes);
        var oldNotices = current == null ? null : current.hallNotices();
        var notices = wanted.hallNotices() == null ? oldNotices : wanted.hallNotices();
        if (!Objects.equals(oldNotices, notices)) {
            changes.add(new Change("hallNotices", "", Action.CHANGE,
                    (oldNotices == null ? 0 : oldNotices.size()) + " → " + notices.size() + " notices"));
        }
        return new SetupPlan(List.copyOf(changes),
                new BranchSetup(wanted.branch(), services, counters, classes, notices, target));
    }

    /** The wanted entities in their order, then those only the database has, deactivated. */
    private static <T extends Record> List<T> merge(String entity, List<T> current, List<T> wanted, Function<T, String> key,
                                     Function<T, Boolean> active, Function<T, T> deactivated, List<Change> changes) {
        Map<String, T> old = new LinkedHashMap<>();
        current.forEach(t -> old.put(key.apply(t), t));
        List<T> out = new ArrayList<>();
        for (T t : wanted) {
            T before = old.remove(key.apply(t));
            if (before == null) {
                changes.add(new Change(entity, key.apply(t), Action.ADD, ""));
            } else if (!before.equals(t)) {
                changes.add(new Change(entity, key.apply(t),
                        active.apply(before) && !active.apply(t) ? Action.DEACTIVATE : Action.CHANGE, diff(before, t)));
            }
            out.add(t);
        }
        for (T left : old.values()) {
            if (active.apply(left)) {
                changes.add(new Change(entity, key.apply(left), Action.DEACTIVATE, "not in the file"));
            }
            out.add(deactivated.apply(left));
        }
        return out;
    }

    /** "field: old → new; …" over the record's components. */
    private static String diff(Record before, Record after) {
        List<String> out = new ArrayList<>();
        for (RecordComponent rc : before.getClass().getRecordComponents()) {
            try {
                Object a = rc.getAccessor().invoke(before);
                Object b = rc.getAccessor().invoke(after);
                if (!Objects.equals(a, b)) {
                    out.add(rc.getName() + ": " + a + " → " + b);
                }
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException(e);
            }
        }
        return String.join("; ", out);
    }
}
