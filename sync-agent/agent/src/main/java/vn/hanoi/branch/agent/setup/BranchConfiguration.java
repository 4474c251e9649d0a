package vn.hanoi.branch.agent.setup;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import vn.hanoi.branch.agent.auth.Principal;
import vn.hanoi.branch.agent.db.Database;
import vn.hanoi.branch.agent.db.WriteTx;
import vn.hanoi.branch.agent.effects.Effects;
import vn.hanoi.branch.agent.http.ApiException;
import vn.hanoi.branch.api.QueueEvent;

/**
 * Changes the branch configuration, for {@code branch-agent setup} (a whole file) and the administration
 * screens (one entity: {@link #update} with e.g. {@code c -> c.withService(s)}). Either way: the rules
 * ({@link SetupRules}) on the result, the plan against the database, the refusal of what would strand
 * waiting tickets, then in one transaction the changed rows, one audit row and a
 * {@link QueueEvent#CONFIG_CHANGED} event for the running apps. Nothing is written on any problem.
 */
public final class BranchConfiguration {
    private final Database db;
    private final Effects effects;

    public BranchConfiguration(Database db, Effects effects) {
        this.db = db;
        this.effects = effects;
    }

    /**
     * The outcome of a check or an apply. {@code problems}: the configuration breaks a rule;
     * {@code refusals}: it is valid but would strand waiting tickets. {@code applied}: written (false for a
     * dry run, on any problem, and when there was nothing to change).
     */
    public record Outcome(List<SetupProblem> problems, List<SetupProblem> refusals, SetupPlan plan, boolean applied) {
        public boolean ok() {
            return problems.isEmpty() && refusals.isEmpty();
        }

        /** For the HTTP routes: the problems as one bilingual error (400 invalid, 409 refused). */
        public Outcome orThrow() {
            if (!problems.isEmpty()) {
                throw ApiException.badRequest("config_invalid", join(problems, true), join(problems, false));
            }
            if (!refusals.isEmpty()) {
                throw ApiException.conflict("config_refused", join(refusals, true), join(refusals, false));
            }
            return this;
        }

        private static String join(List<SetupProblem> list, boolean vi) {
            return list.stream().map(p -> (p.path().isEmpty() ? "" : p.path() + ": ") + (vi ? p.vi() : p.en()))
                    .collect(Collectors.joining(" "));
        }
    }

    /** The configuration in the database; empty before the branch is set up. */
    public Optional<BranchSetup> current() {
        return db.read(BranchConfigStore::read);
    }

    /** What applying {@code wanted} would change, without changing anything ({@code setup --dry-run}). */
    public Outcome plan(BranchSetup wanted) {
        return db.read(c -> prepare(c, wanted));
    }

    /** Applies a whole configuration (the setup file); {@code source} names it in the audit row. */
    public Outcome apply(Principal who, BranchSetup wanted, String source) {
        return db.write(tx -> {
            Outcome o = prepare(tx.connection(), wanted);
            return write(tx, who, o, source);
        });
    }

    /**
     * Changes the current configuration by {@code change} (one service, counter, notice list…), read and
     * written in one transaction. Refused with a problem when the branch is not set up yet.
     */
    public Outcome update(Principal who, UnaryOperator<BranchSetup> change, String source) {
        return db.write(tx -> {
            Optional<BranchSetup> current = BranchConfigStore.read(tx.connection());
            if (current.isEmpty()) {
                return new Outcome(List.of(SetupState.notSetUpProblem()), List.of(), new SetupPlan(List.of(), null), false);
            }
            return write(tx, who, prepare(tx.connection(), change.apply(current.get())), source);
        });
    }

    private static Outcome prepare(Connection c, BranchSetup wanted) throws SQLException {
        List<SetupProblem> problems = SetupRules.check(wanted);
        if (!problems.isEmpty()) {
            return new Outcome(problems, List.of(), new SetupPlan(List.of(), null), false);
        }
        SetupPlan plan = SetupPlan.between(BranchConfigStore.read(c).orElse(null), wanted);
        return new Outcome(List.of(), WaitingTickets.stranded(c, plan.target()), plan, false);
    }

    private Outcome write(WriteTx tx, Principal who, Outcome o, String source) throws SQLException {
        if (!o.ok() || o.plan().isEmpty()) {
            return o;
        }
        writeRows(tx, o.plan());
        BranchSetup t = o.plan().target();
        String summary = o.plan().changes().stream().map(SetupPlan.Change::toString).collect(Collectors.joining("\n"));
        effects.audit(tx, who, "branch.setup", "branch", t.branch().code(),
                source + ": " + o.plan().changes().size() + " changes\n" + summary);
        effects.queueEvent(tx, QueueEvent.CONFIG_CHANGED, null, null);
        return new Outcome(o.problems(), o.refusals(), o.plan(), true);
    }

    /**
     * Seeds an empty database inside the caller's transaction (the demo and the tests' branch): the same
     * rules and rows as {@link #apply}, without the audit row and the event nobody listens to yet.
     */
    public static void seed(WriteTx tx, BranchSetup setup) throws SQLException {
        Outcome o = prepare(tx.connection(), setup);
        if (!o.ok()) {
            throw new IllegalArgumentException("invalid branch setup: " + o.problems() + o.refusals());
        }
        writeRows(tx, o.plan());
    }

    private static void writeRows(WriteTx tx, SetupPlan plan) throws SQLException {
        BranchSetup t = plan.target();
        BranchConfigStore.writeBranch(tx, t.branch(), t.satisfactionTargetPercent());
        for (SetupPlan.Change ch : plan.changes()) {
            switch (ch.entity()) {
                case "service" -> BranchConfigStore.writeService(tx, find(t.services(), s -> s.code(), ch.key()));
                case "priorityClass" -> BranchConfigStore.writePriorityClass(tx,
                        find(t.priorityClasses(), p -> p.code(), ch.key()));
                case "hallNotices" -> BranchConfigStore.writeHallNotices(tx, t.hallNotices());
                default -> { } // branch: written above; counters: below, once every service exists
            }
        }
        for (SetupPlan.Change ch : plan.changes()) {
            if (ch.entity().equals("counter")) {
                BranchConfigStore.writeCounter(tx, find(t.counters(), k -> String.valueOf(k.number()), ch.key()));
            }
        }
    }

    private static <T> T find(List<T> list, java.util.function.Function<T, String> key, String wanted) {
        return list.stream().filter(t -> key.apply(t).equals(wanted)).findFirst().orElseThrow();
    }
}
