package vn.hanoi.branch.demo.sim;

import vn.hanoi.branch.demo.sim.ArrivalCurve;
import vn.hanoi.branch.demo.sim.DaySimulator;
import vn.hanoi.branch.demo.sim.ServiceTimes;
import vn.hanoi.branch.demo.sim.SimReport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import vn.hanoi.branch.agent.report.Percentiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The day simulator: its inputs have the intended shape, and a simulated day through a real agent is
 * reproducible, ends cleanly and measures what the agent did (checked against the SQLite file).
 */
class DaySimulatorTest {

    @Test
    void arrivalsFollowTheHanoiBranchCurveWithMorningAndAfternoonPeaksAndALunchDip() {
        List<LocalTime> arrivals = ArrivalCurve.hanoiBranch().sample(20_000, new Random(3));
        int[] perHour = ArrivalCurve.countsPerHour(arrivals);
        assertThat(arrivals).allMatch(t -> !t.isBefore(LocalTime.of(7, 30)) && t.isBefore(LocalTime.of(17, 0)));
        assertThat(arrivals).isSorted();
        // Morning peak: 9-10 is the busiest hour, and far busier than lunch and the opening half hour.
        assertThat(perHour[9]).isEqualTo(max(perHour));
        assertThat(perHour[9]).isGreaterThan(3 * perHour[12]);
        assertThat(perHour[10]).isGreaterThan(perHour[8]).isGreaterThan(perHour[7]);
        // Lunch dip, then a smaller afternoon peak, then the evening tail.
        assertThat(perHour[12]).isLessThan(perHour[11]).isLessThan(perHour[14]);
        assertThat(perHour[15]).isGreaterThan(2 * perHour[12]).isLessThan(perHour[9]);
        assertThat(perHour[16]).isLessThan(perHour[15]);
    }

    @Test
    void citizensOfADayHaveThePlannedMixAndServiceTimes() {
        List<DaySimulator.Citizen> people = DaySimulator.citizens(DaySimulator.Config.of(20_000, 5, DaySimulator.Policy.INTERLEAVE));
        assertThat(people).hasSize(20_000);
        assertThat(people).isEqualTo(DaySimulator.citizens(DaySimulator.Config.of(20_000, 5, DaySimulator.Policy.FIFO)))
                .as("both policies meet the same people");
        long elderly = people.stream().filter(c -> c.birthDate() != null
                && c.birthDate().plusYears(70).isBefore(java.time.LocalDate.of(2026, 3, 10))).count();
        assertThat(elderly / 20_000.0).isCloseTo(0.12, within(0.01));
        assertThat(people.stream().filter(c -> "DISABILITY".equals(c.declaredClass())).count() / 20_000.0)
                .isCloseTo(0.03, within(0.005));
        assertThat(people.stream().filter(DaySimulator.Citizen::noShow).count() / 20_000.0).isCloseTo(0.05, within(0.01));
        Map<String, List<Long>> times = new HashMap<>();
        people.forEach(c -> times.computeIfAbsent(c.service(), k -> new ArrayList<>()).add(c.serviceSeconds()));
        times.forEach((service, secs) -> assertThat(secs.stream().mapToLong(Long::longValue).average().orElseThrow() / 60)
                .as(service).isCloseTo(ServiceTimes.meanMinutes(service), within(ServiceTimes.meanMinutes(service) * 0.1)));
    }

    @Test
    void theSameSeedGivesTheSameDay() {
        DaySimulator.Config cfg = DaySimulator.Config.of(120, 42, DaySimulator.Policy.INTERLEAVE);
        SimReport first = DaySimulator.run(cfg).report();
        SimReport second = DaySimulator.run(cfg).report();
        assertThat(second).isEqualTo(first);
        assertThat(first.issued()).isEqualTo(120);
        assertThat(first.called()).isPositive();
        // The waits vary from ticket to ticket: a report equal by accident (all zero) would prove nothing.
        assertThat(first.waits().get(SimReport.NORMAL).max()).isGreaterThan(first.waits().get(SimReport.NORMAL).p50());
        assertThat(DaySimulator.citizens(DaySimulator.Config.of(120, 43, DaySimulator.Policy.INTERLEAVE)))
                .isNotEqualTo(DaySimulator.citizens(cfg));
    }

    /**
     * A busy day for one set of five counters. Every ticket ends in a final state, the report's
     * counts and waits are what the database holds, and the interleaving serves priority citizens
     * faster without passing any normal ticket more often than the bound.
     */
    @Test
    void aBusyDayThroughTheRealAgentEndsCleanlyAndItsReportMatchesTheDatabase(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("day.db");
        DaySimulator.Result result = DaySimulator.run(DaySimulator.Config.of(280, 11, DaySimulator.Policy.INTERLEAVE)
                .withDbFile(db));
        SimReport r = result.report();
        System.out.print(r.format());
        assertThat(result.dbFile()).isEqualTo(db);
        assertThat(Files.exists(db)).isTrue();
        assertThat(r.counters()).isEqualTo(5);

        Map<String, Integer> states = new HashMap<>();
        List<Double> normalWaits = new ArrayList<>();
        int maxOvertaken;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT state, count(*) FROM ticket GROUP BY state")) {
                while (rs.next()) {
                    states.put(rs.getString(1), rs.getInt(2));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT called_at - issued_at FROM ticket WHERE called_at IS NOT NULL "
                    + "AND priority_class IS NULL ORDER BY 1")) {
                while (rs.next()) {
                    normalWaits.add(rs.getLong(1) / 60_000.0);
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT max(overtaken) FROM ticket WHERE priority_class IS NULL")) {
                rs.next();
                maxOvertaken = rs.getInt(1);
            }
        }
        assertThat(states.keySet()).as("every ticket in a final state").isSubsetOf("DONE", "NO_SHOW", "CANCELLED", "TRANSFERRED");
        assertThat(states.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(280).isEqualTo(r.issued());
        assertThat(states.getOrDefault("DONE", 0)).isEqualTo(r.done());
        assertThat(states.getOrDefault("NO_SHOW", 0)).isEqualTo(r.noShow()).isPositive();
        assertThat(states.getOrDefault("CANCELLED", 0)).isEqualTo(r.cancelledAtClose());
        assertThat(r.done() + r.noShow()).isEqualTo(r.called());

        SimReport.Waits normal = r.waits().get(SimReport.NORMAL);
        SimReport.Waits priority = r.waits().get(SimReport.PRIORITY);
        assertThat(normal.count()).isEqualTo(normalWaits.size());
        assertThat(normal.p50()).isEqualTo(SimReport.round(Percentiles.ofSorted(normalWaits, 50)));
        assertThat(normal.max()).isEqualTo(SimReport.round(normalWaits.get(normalWaits.size() - 1)));
        assertThat(normal.p50()).as("the peak builds a queue").isGreaterThan(1.0);
        assertThat(priority.count()).isPositive();
        assertThat(priority.p50()).isLessThan(normal.p50());
        assertThat(r.waits()).containsKeys("ELDERLY", "DISABILITY");

        assertThat(r.maxOvertakenNormal()).isEqualTo(maxOvertaken).isPositive().isLessThanOrEqualTo(3);
        assertThat(r.overtakingBound()).isEqualTo(3);
        assertThat(r.boundHeld()).isTrue();

        assertThat(r.estimate().count()).isEqualTo(r.called());
        assertThat(r.estimate().mae()).isFinite().isGreaterThanOrEqualTo(0);
        assertThat(r.estimate().maeNormal()).isFinite();
        assertThat(r.estimate().maePriority()).isFinite();
        assertThat(r.format()).contains("estimate MAE", "max overtaken", "NORMAL", "PRIORITY");
    }

    private static int max(int[] v) {
        int m = Integer.MIN_VALUE;
        for (int x : v) {
            m = Math.max(m, x);
        }
        return m;
    }
}
