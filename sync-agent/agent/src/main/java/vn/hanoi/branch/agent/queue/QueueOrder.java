package vn.hanoi.branch.agent.queue;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The ordering rules of the branch queue, as a pure function of what is waiting: the one place where
 * "who is next" is decided. {@link SqlQueuePolicy} feeds it from the database; the property tests
 * feed it random days.
 *
 * <ol>
 *   <li>A ticket sent to this counter (transfer to counter) comes first, oldest position first.</li>
 *   <li>The pool is the waiting tickets of the services this counter serves. A counter with nothing in
 *       its pool takes green channel tickets of other counters (overflow when idle).</li>
 *   <li>Priority against normal: a priority ticket is called after every {@code normalsPerPriority}
 *       normal calls at this counter (0: priority always first). With priority disabled (FIFO) all
 *       tickets are alike.</li>
 *   <li>Within the chosen kind: the service's rank at this counter (a counter serves A first, then B),
 *       then position time (issue time, kept across transfers, or the booked slot), then id.</li>
 *   <li>The hard starvation bound: every ticket of the pool positioned before the one called counts
 *       one pass; a ticket passed {@code maxOvertaken} times is called before anything positioned
 *       after it, so no ticket waits behind more than {@code maxOvertaken} later ones at a counter
 *       that serves it, whatever passed it (priority or a higher-ranked service).</li>
 * </ol>
 */
public final class QueueOrder {

    /** The branch's configurable rules. */
    public record Rules(boolean priorityEnabled, int normalsPerPriority, int maxOvertaken) {
        public Rules {
            if (normalsPerPriority < 0 || maxOvertaken < 1) {
                throw new IllegalArgumentException("normalsPerPriority >= 0 and maxOvertaken >= 1");
            }
        }

        /** Priority classes are shown but do not change the order; ranks and the bound still apply. */
        public static Rules fifo(int maxOvertaken) {
            return new Rules(false, 0, maxOvertaken);
        }
    }

    /** A waiting ticket as the rules see it. {@code priority} is false for revoked priority. */
    public record Waiting(long id, long serviceId, boolean priority, long positionAt, int overtaken,
                          Long targetCounterId) {
    }

    /**
     * A counter as the rules see it.
     *
     * @param serviceRank             services it serves, with their rank (1 first)
     * @param normalsSinceLastPriority normal calls at this counter since its last priority call today
     */
    public record Counter(long id, Map<Long, Integer> serviceRank, int normalsSinceLastPriority) {
    }

    /**
     * The decision: the ticket to call, and the tickets of the pool it passes (their overtaken count
     * grows by one). Empty when nothing is waiting for this counter.
     */
    public record Decision(long ticketId, List<Long> overtakes) {
    }

    private QueueOrder() {
    }

    public static Optional<Decision> next(Rules rules, Counter counter, List<Waiting> waiting, Set<Long> greenServices) {
        Comparator<Waiting> byPosition = Comparator.comparingLong(Waiting::positionAt).thenComparingLong(Waiting::id);
        Optional<Waiting> sentHere = waiting.stream()
                .filter(w -> w.targetCounterId() != null && w.targetCounterId() == counter.id())
                .min(byPosition);
        if (sentHere.isPresent()) {
            return Optional.of(new Decision(sentHere.get().id(), List.of()));
        }
        List<Waiting> pool = waiting.stream()
                .filter(w -> w.targetCounterId() == null && counter.serviceRank().containsKey(w.serviceId()))
                .toList();
        Comparator<Waiting> order = Comparator.<Waiting>comparingInt(
                w -> counter.serviceRank().getOrDefault(w.serviceId(), Integer.MAX_VALUE)).thenComparing(byPosition);
        if (pool.isEmpty()) {
            // Idle: help the green channel. Overflow ignores rank (this counter has none for them).
            return waiting.stream()
                    .filter(w -> w.targetCounterId() == null && greenServices.contains(w.serviceId()))
                    .min(byPosition)
                    .map(w -> new Decision(w.id(), List.of()));
        }
        Waiting pick = choose(rules, counter, pool, order);
        // The hard bound: whatever passes a ticket (priority, or a service this counter ranks higher),
        // a ticket passed maxOvertaken times goes next, the oldest such first.
        Optional<Waiting> due = pool.stream()
                .filter(w -> w.overtaken() >= rules.maxOvertaken() && byPosition.compare(w, pick) < 0)
                .min(byPosition);
        Waiting chosen = due.orElse(pick);
        List<Long> passed = pool.stream().filter(w -> byPosition.compare(w, chosen) < 0).map(Waiting::id).toList();
        return Optional.of(new Decision(chosen.id(), passed));
    }

    /** The rules' pick before the bound: priority turn or normal turn, then rank, then position. */
    private static Waiting choose(Rules rules, Counter counter, List<Waiting> pool, Comparator<Waiting> order) {
        if (!rules.priorityEnabled()) {
            return pool.stream().min(order).orElseThrow();
        }
        List<Waiting> priority = pool.stream().filter(Waiting::priority).sorted(order).toList();
        List<Waiting> normal = pool.stream().filter(w -> !w.priority()).sorted(order).toList();
        if (priority.isEmpty()) {
            return normal.get(0);
        }
        boolean priorityTurn = normal.isEmpty() || counter.normalsSinceLastPriority() >= rules.normalsPerPriority();
        return priorityTurn ? priority.get(0) : normal.get(0);
    }
}
