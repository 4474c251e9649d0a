package vn.hanoi.branch.demo.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.stream.Stream;
import vn.hanoi.branch.demo.sim.DaySimulator;
import vn.hanoi.branch.demo.sim.SimReport;

/**
 * A simulated day of 2,000 tickets through the real agent (HTTP on loopback, SQLite with fsync),
 * under the two ordering policies side by side with the same citizens: FIFO
 * ({@code queue.priority.enabled=false}) and interleave (one priority ticket after every 2 normal
 * calls, no normal ticket passed more than 3 times). Prints p50/p95/max wait per class, whether the
 * starvation bound held (the {@code overtaken} column of every normal ticket, read from the SQLite
 * file after the day), how often normal tickets were passed, and the error of the waiting estimate
 * shown at issue.
 *
 * <p>Run: {@code ./bench.sh sync-agent vn.hanoi.branch.agent.bench.QueueDayBenchmark [tickets] [seed]}
 */
public final class QueueDayBenchmark {

    public static void main(String[] args) throws Exception {
        int tickets = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
        System.out.printf("Queue day benchmark: %d tickets, seed %d, %d cores, Java %s%n", tickets, seed,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        Path dir = Files.createTempDirectory("queue-day-bench");
        List<SimReport> reports = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        try {
            for (DaySimulator.Policy policy : DaySimulator.Policy.values()) {
                Path db = dir.resolve(policy.name().toLowerCase(Locale.ROOT) + ".db");
                DaySimulator.Result r = DaySimulator.run(DaySimulator.Config.of(tickets, seed, policy).withDbFile(db));
                reports.add(r.report());
                TreeMap<Integer, Integer> passed = overtakenHistogram(db);
                int bound = policy.rules().maxOvertaken();
                int worst = passed.isEmpty() ? 0 : passed.lastKey();
                notes.add(String.format(Locale.ROOT,
                        "%-24s %5.1f s wall, %6d HTTP calls (%4.0f/s); normal tickets by times passed %s; bound %s",
                        r.report().policy(), r.wallTime().toMillis() / 1000.0, r.httpCalls(),
                        r.httpCalls() * 1000.0 / r.wallTime().toMillis(), passed,
                        // The bound applies to both: FIFO still lets a counter's first-ranked service pass others.
                        worst <= bound ? "held (max " + worst + " <= " + bound + ")" : "BROKEN (max " + worst + " > " + bound + ")"));
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.out.println();
        System.out.print(SimReport.table(reports));
        System.out.println();
        notes.forEach(System.out::println);
    }

    /** times passed → normal tickets, from the database file itself rather than the simulator's view. */
    private static TreeMap<Integer, Integer> overtakenHistogram(Path db) throws Exception {
        TreeMap<Integer, Integer> h = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT overtaken, count(*) FROM ticket "
                     + "WHERE priority_class IS NULL OR priority_state = 'REVOKED' GROUP BY overtaken")) {
            while (rs.next()) {
                h.put(rs.getInt(1), rs.getInt(2));
            }
        }
        return h;
    }
}
