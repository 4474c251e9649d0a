package vn.hanoi.branch.agent.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import vn.hanoi.branch.agent.testing.BusyBranch;
import vn.hanoi.branch.agent.testing.SimulatedClock;

/**
 * Database and content size of a month of a busy branch (issue 18: 2,000 tickets and 200 dossiers with scans
 * a business day) with the default retention settings, no city link (the worst case: nothing leaves), retention
 * run once a simulated day. Prints the figures per business day and for the month; with a folder argument
 * the month's data stays there (e.g. to time its backup and restore).
 *
 * <p>Run: {@code ./bench.sh sync-agent vn.hanoi.branch.agent.bench.MonthBenchmark [businessDays=22] [tickets=2000]
 * [dossiers=200] [documentsPerDossier=2] [dpi=200] [keepIn=<folder>]}
 */
public final class MonthBenchmark {
    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

    public static void main(String[] args) throws Exception {
        int days = arg(args, 0, 22);
        BusyBranch.Load load = new BusyBranch.Load(arg(args, 1, 2_000), arg(args, 2, 200), arg(args, 3, 2), arg(args, 4, 200));
        Path keep = args.length > 5 ? Path.of(args[5]) : null;
        Path dir = keep != null ? Files.createDirectories(keep) : Files.createTempDirectory("month-bench");
        System.out.printf("Month benchmark on %d cores, %s: %d business days of %s, data in %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), days, load, dir);
        LocalDate day = LocalDate.of(2026, 3, 2);
        SimulatedClock clock = new SimulatedClock(day.atStartOfDay(HANOI).toInstant(), HANOI);
        BusyBranch branch = BusyBranch.start(dir, Map.of("documents.dir", dir.resolve("documents").toString()), clock, load);
        Path db = branch.testAgent().databaseFile();
        long t0 = System.nanoTime();
        for (int done = 0; done < days; day = day.plusDays(1)) {
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            long d0 = System.nanoTime();
            branch.day(day);
            branch.agent().housekeeping().run();
            done++;
            System.out.printf("day %2d %s: %5.1f s, database %,d bytes (+WAL %,d), documents %,d bytes in %,d files%n", done,
                    day, (System.nanoTime() - d0) / 1e9, Files.size(db), walSize(db), treeBytes(dir.resolve("documents")),
                    branch.documents());
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        branch.stopKeepingFiles(); // checkpoints the WAL into the file
        long dbBytes = Files.size(db);
        long docBytes = treeBytes(dir.resolve("documents"));
        System.out.printf("%nAfter %d business days (%.0f s to generate): database %,d bytes (%.1f MB, %.2f MB per business day),"
                        + " documents %,d bytes (%.1f MB, %.1f MB per business day, %,d files)%n", days, seconds, dbBytes,
                dbBytes / 1e6, dbBytes / 1e6 / days, docBytes, docBytes / 1e6, docBytes / 1e6 / days, branch.documents());
        System.out.println("Rows: " + BusyBranch.rowCounts(db, List.of("ticket", "ticket_transition", "queue_event", "outbox",
                "audit_log", "dossier", "dossier_event", "content_file")));
        if (keep == null) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static int arg(String[] args, int i, int otherwise) {
        return args.length > i ? Integer.parseInt(args[i]) : otherwise;
    }

    private static long walSize(Path db) throws IOException {
        Path wal = db.resolveSibling(db.getFileName() + "-wal");
        return Files.exists(wal) ? Files.size(wal) : 0;
    }

    private static long treeBytes(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
