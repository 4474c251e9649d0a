package vn.hanoi.branch.agent.queue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import vn.hanoi.branch.agent.queue.QueueOrder.Counter;
import vn.hanoi.branch.agent.queue.QueueOrder.Decision;
import vn.hanoi.branch.agent.queue.QueueOrder.Rules;
import vn.hanoi.branch.agent.queue.QueueOrder.Waiting;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random branch days against the ordering rules. The test keeps its own account of who passed whom
 * (not the decision's list), so a policy that forgets to count a pass is caught.
 */
class QueueOrderProperties {
    private static final Set<Long> GREEN = Set.of(4L);

    /** One step of a day: a citizen arrives (service, priority) or a counter asks for the next one. */
    record Step(boolean arrival, long service, boolean priority, int counter) {
    }

    @Provide
    Arbitrary<List<Step>> days() {
        Arbitrary<Step> step = Combinators.combine(
                Arbitraries.integers().between(0, 99), Arbitraries.longs().between(1, 4),
                Arbitraries.integers().between(0, 99), Arbitraries.integers().between(0, 3))
                .as((a, s, p, c) -> new Step(a < 55, s, p < 30, c));
        return step.list().ofMinSize(20).ofMaxSize(400);
    }

    /** Counters 0-3: 0 serves 1 then 2; 1 serves 2 and 3; 2 serves 3 then 1; 3 is the green channel desk (4). */
    private static Map<Long, Integer> services(int counter) {
        return switch (counter) {
            case 0 -> Map.of(1L, 1, 2L, 2);
            case 1 -> Map.of(2L, 1, 3L, 1);
            case 2 -> Map.of(3L, 1, 1L, 2);
            default -> Map.of(4L, 1);
        };
    }

    @Property(tries = 300)
    void noNormalTicketIsPassedByPriorityMoreThanTheBound(@ForAll("days") List<Step> day,
                                                           @ForAll @IntRange(min = 0, max = 4) int normalsPerPriority,
                                                           @ForAll @IntRange(min = 1, max = 5) int bound) {
        Rules rules = new Rules(true, normalsPerPriority, bound);
        Day d = new Day(rules);
        for (Step s : day) {
            d.step(s);
        }
        assertThat(d.passedByPriority.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(bound));
        assertThat(d.passedByAnything.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(bound));
    }

    @Property(tries = 300)
    void aCounterWithSomethingToDoAlwaysGetsATicketAndNoTicketIsCalledTwice(@ForAll("days") List<Step> day,
                                                                            @ForAll @IntRange(min = 0, max = 4) int n) {
        Day d = new Day(new Rules(true, n, 2));
        for (Step s : day) {
            d.step(s);
        }
        assertThat(d.called).doesNotHaveDuplicates();
        assertThat(d.idleWithWork).isZero();
    }

    @Property(tries = 200)
    void fifoCallsInArrivalOrderWithinARankOfACountersServices(@ForAll("days") List<Step> day) {
        Day d = new Day(Rules.fifo(1000));
        for (Step s : day) {
            d.step(s);
        }
        assertThat(d.outOfOrderCalls).isZero();
    }

    @Property(tries = 200)
    void withPriorityFirstNoNormalTicketIsCalledWhileAPriorityOneWaits(@ForAll("days") List<Step> day) {
        // N = 0 and a bound the day cannot reach: priority is always first at a counter that serves it.
        Day d = new Day(new Rules(true, 0, 1000));
        for (Step s : day) {
            d.step(s);
        }
        assertThat(d.normalCalledWhilePriorityWaits).isZero();
    }

    /** A day simulated with the rules; counters ask whenever a step says so. */
    private static final class Day {
        final Rules rules;
        final List<Waiting> waiting = new ArrayList<>();
        final Map<Long, Integer> passedByPriority = new HashMap<>();
        final Map<Long, Integer> passedByAnything = new HashMap<>();
        final List<Long> called = new ArrayList<>();
        final int[] normalsSince = new int[4];
        int idleWithWork;
        int outOfOrderCalls;
        int normalCalledWhilePriorityWaits;
        long clock;
        long nextId = 1;

        Day(Rules rules) {
            this.rules = rules;
        }

        void step(Step s) {
            clock++;
            if (s.arrival()) {
                waiting.add(new Waiting(nextId++, s.service(), s.priority(), clock, 0, null));
                return;
            }
            int c = s.counter();
            Map<Long, Integer> mine = services(c);
            List<Waiting> pool = waiting.stream().filter(w -> mine.containsKey(w.serviceId())).toList();
            boolean greenWaiting = waiting.stream().anyMatch(w -> GREEN.contains(w.serviceId()));
            Optional<Decision> d = QueueOrder.next(rules, new Counter(c, mine, normalsSince[c]), List.copyOf(waiting), GREEN);
            if (d.isEmpty()) {
                if (!pool.isEmpty() || greenWaiting) {
                    idleWithWork++;
                }
                return;
            }
            Waiting chosen = waiting.stream().filter(w -> w.id() == d.get().ticketId()).findFirst().orElseThrow();
            called.add(chosen.id());
            if (pool.contains(chosen)) {
                for (Waiting w : pool) {
                    boolean earlier = w.positionAt() < chosen.positionAt();
                    if (chosen.priority() && !w.priority() && earlier) {
                        passedByPriority.merge(w.id(), 1, Integer::sum);
                    }
                    if (earlier) {
                        passedByAnything.merge(w.id(), 1, Integer::sum);
                    }
                    if (!rules.priorityEnabled() && earlier && mine.get(w.serviceId()) <= mine.get(chosen.serviceId())) {
                        outOfOrderCalls++;
                    }
                    if (rules.priorityEnabled() && rules.normalsPerPriority() == 0 && !chosen.priority()
                            && w.priority()) {
                        normalCalledWhilePriorityWaits++;
                    }
                }
            }
            normalsSince[c] = chosen.priority() ? 0 : normalsSince[c] + 1;
            // Apply the decision as the agent does: the chosen leaves, the passed ones count one more pass.
            Set<Long> passed = new HashSet<>(d.get().overtakes());
            List<Waiting> next = new ArrayList<>();
            for (Waiting w : waiting) {
                if (w.id() == chosen.id()) {
                    continue;
                }
                next.add(passed.contains(w.id())
                        ? new Waiting(w.id(), w.serviceId(), w.priority(), w.positionAt(), w.overtaken() + 1, null) : w);
            }
            waiting.clear();
            waiting.addAll(next);
        }
    }
}
