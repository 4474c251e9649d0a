package vn.hanoi.branch.agent.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import vn.hanoi.branch.agent.backup.Backups;
import vn.hanoi.branch.agent.backup.Restore;
import vn.hanoi.branch.agent.backup.TestRestore;
import vn.hanoi.branch.agent.content.ContentStore;
import vn.hanoi.branch.agent.db.Database;
import vn.hanoi.branch.agent.testing.DemoBranch;

/**
 * Time to back up and to restore a month of a busy branch (issue 18: 2,000 tickets and 200 dossiers with
 * scans a business day), against a plain copy of the same files in the same run (the floor any backup has).
 * The month is written straight into the tables and the content store (rows shaped like the agent's: each
 * ticket with its transitions, queue events, outbox and audit rows; each dossier with its scans as
 * incompressible bytes of a typical PDF/A size), since only the amount of data matters here; h18ops'
 * MonthBenchmark builds a month through the agent itself for the database and content sizes.
 *
 * <p>Run: {@code ./bench.sh sync-agent vn.hanoi.branch.agent.bench.BackupBenchmark [businessDays=22] [tickets=2000]
 * [dossiers=200] [scansPerDossier=2] [scanKb=250]}
 */
public final class BackupBenchmark {
    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

    public static void main(String[] args) throws Exception {
        int days = arg(args, 0, 22);
        int tickets = arg(args, 1, 2_000);
        int dossiers = arg(args, 2, 200);
        int scans = arg(args, 3, 2);
        int scanKb = arg(args, 4, 250);
        Path dir = Files.createTempDirectory("backup-bench");
        try {
            Path db = dir.resolve("data/branch.db");
            Path store = dir.resolve("data/documents/store");
            long t0 = System.nanoTime();
            month(db, store, days, tickets, dossiers, scans, scanKb);
            System.out.printf("Backup benchmark on %d cores, %s: %d business days of %,d tickets and %,d dossiers with %d scans"
                            + " of %d KB; generated in %.0f s: database %,d bytes, content %,d bytes%n",
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), days, tickets, dossiers,
                    scans, scanKb, (System.nanoTime() - t0) / 1e9, Files.size(db), treeBytes(store));

            double copy = seconds(() -> plainCopy(dir.resolve("data"), dir.resolve("plain-copy")));
            deleteTree(dir.resolve("plain-copy"));
            Backups backups = new Backups(db, store, dir.resolve("backups"), 3);
            Backups.Result[] taken = new Backups.Result[1];
            double backup = seconds(() -> taken[0] = backups.run(Instant.now()));
            double again = seconds(() -> backups.run(Instant.now().plusSeconds(1)));
            TestRestore.Result[] trial = new TestRestore.Result[1];
            double test = seconds(() -> trial[0] = TestRestore.run(taken[0].database(), backups.contentMirror(), Clock.systemUTC()));
            deleteTree(dir.resolve("data")); // the disk died: everything comes from the backup
            double restore = seconds(() -> Restore.run(taken[0].database(), db, store, backups.contentMirror(), Instant.now()));

            System.out.printf("plain copy of database and content (baseline): %.1f s%n", copy);
            System.out.printf("first backup (online database copy + whole content mirror): %.1f s = %.2f x the plain copy%n",
                    backup, backup / copy);
            System.out.printf("next backup (database again, content unchanged): %.1f s = %.2f x%n", again, again / copy);
            System.out.printf("trial restore (database restored and opened, every file checked, %d hashed): %.1f s = %.2f x; %s%n",
                    TestRestore.HASH_SAMPLE, test, test / copy, trial[0].ok() ? "ok" : trial[0].detail());
            System.out.printf("restore onto an empty disk (database + every content file): %.1f s = %.2f x%n", restore,
                    restore / copy);
        } finally {
            deleteTree(dir);
        }
    }

    private static void month(Path db, Path store, int days, int tickets, int dossiers, int scans, int scanKb) throws Exception {
        try (Database d = Database.open(db, Clock.systemUTC())) {
            d.write(tx -> {
                DemoBranch.seedBranch(tx);
                return null;
            });
        }
        SplittableRandom random = new SplittableRandom(18);
        String payload = "{\"id\":%d,\"type\":\"ticket.%s\",\"at\":\"2026-03-02T02:00:00Z\",\"ticket\":{\"id\":%d,\"serviceId\":1,"
                + "\"serviceCode\":\"HT\",\"businessDay\":\"%s\",\"seq\":%d,\"displayNumber\":\"%d\",\"state\":\"DONE\","
                + "\"counterId\":1,\"priority\":\"NONE\",\"issuedAt\":\"2026-03-02T02:00:00Z\"},\"counterId\":1}";
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            c.setAutoCommit(false);
            long ticketId = 0;
            long dossierId = 0;
            LocalDate day = LocalDate.of(2026, 3, 2);
            for (int done = 0; done < days; day = day.plusDays(1)) {
                if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                    continue;
                }
                long at = day.atTime(8, 0).atZone(HANOI).toInstant().toEpochMilli();
                try (PreparedStatement t = c.prepareStatement("INSERT INTO ticket (id, service_id, business_day, seq, "
                        + "display_number, state, counter_id, issued_at, called_at, serving_at, finished_at) "
                        + "VALUES (?, 1 + ? % 3, ?, ?, ?, 'DONE', 1, ?, ?, ?, ?)");
                     PreparedStatement tr = c.prepareStatement("INSERT INTO ticket_transition (ticket_id, from_state, to_state, at, "
                             + "counter_id) VALUES (?, ?, ?, ?, 1)");
                     PreparedStatement ev = c.prepareStatement("INSERT INTO queue_event (type, at, payload) VALUES (?, ?, ?)");
                     PreparedStatement out = c.prepareStatement("INSERT INTO outbox (topic, key, payload, created_at, sent_at) "
                             + "VALUES ('queue', ?, ?, ?, ?)");
                     PreparedStatement audit = c.prepareStatement("INSERT INTO audit_log (at, user_id, action, entity, entity_id, "
                             + "detail) VALUES (?, 1, ?, 'ticket', ?, 'counter 1')")) {
                    for (int i = 1; i <= tickets; i++) {
                        ticketId++;
                        long issued = at + i * 15_000L;
                        t.setLong(1, ticketId);
                        t.setLong(2, i);
                        t.setString(3, day.toString());
                        t.setInt(4, (i + 2) / 3);
                        t.setString(5, Integer.toString(1000 + (i + 2) / 3));
                        t.setLong(6, issued);
                        t.setLong(7, issued + 600_000);
                        t.setLong(8, issued + 660_000);
                        t.setLong(9, issued + 1_200_000);
                        t.executeUpdate();
                        String[] states = {"WAITING", "CALLED", "SERVING", "DONE"};
                        for (int s = 0; s < states.length; s++) {
                            tr.setLong(1, ticketId);
                            tr.setString(2, s == 0 ? null : states[s - 1]);
                            tr.setString(3, states[s]);
                            tr.setLong(4, issued + s * 300_000L);
                            tr.executeUpdate();
                            String json = payload.formatted(ticketId * 4 + s, states[s].toLowerCase(), ticketId, day, i, 1000 + i);
                            ev.setString(1, "ticket." + states[s].toLowerCase());
                            ev.setLong(2, issued);
                            ev.setString(3, json);
                            ev.executeUpdate();
                            out.setString(1, Long.toString(ticketId));
                            out.setString(2, json);
                            out.setLong(3, issued);
                            out.setLong(4, issued + 1_000);
                            out.executeUpdate();
                            audit.setLong(1, issued);
                            audit.setString(2, "ticket." + states[s].toLowerCase());
                            audit.setString(3, Long.toString(ticketId));
                            audit.executeUpdate();
                        }
                    }
                }
                try (PreparedStatement ds = c.prepareStatement("INSERT INTO dossier (id, code, procedure_code, state, created_at, "
                        + "updated_at, applicant, documents, fee_vnd, received_at, appointment_date) "
                        + "VALUES (?, ?, '1.004194', 'RECEIVED', ?, ?, ?, ?, 20000, ?, ?)");
                     PreparedStatement cf = c.prepareStatement("INSERT INTO content_file (dossier_id, kind, document_type, "
                             + "media_type, path, sha256, bytes, created_at) VALUES (?, 'SCAN', 'CT01', 'application/pdf', ?, ?, ?, ?)")) {
                    for (int i = 1; i <= dossiers; i++) {
                        dossierId++;
                        ds.setLong(1, dossierId);
                        ds.setString(2, "000.00.01.H26-" + day.toString().replace("-", "").substring(2) + "-" + i);
                        ds.setLong(3, at);
                        ds.setLong(4, at);
                        ds.setString(5, "{\"fullName\":\"Nguyễn Văn An\",\"idNumber\":\"001094012345\",\"dateOfBirth\":"
                                + "\"1994-03-05\",\"phone\":\"0912345678\",\"address\":\"Số 12 phố Hàng Bông, Hoàn Kiếm, Hà Nội\"}");
                        ds.setString(6, "[{\"code\":\"CT01\",\"original\":true,\"copy\":true}]");
                        ds.setLong(7, at);
                        ds.setString(8, day.plusDays(5).toString());
                        ds.executeUpdate();
                        for (int s = 0; s < scans; s++) {
                            byte[] bytes = new byte[scanKb * 1024];
                            random.nextBytes(bytes);
                            String sha = vn.hanoi.branch.files.DurableFiles.sha256Hex(bytes);
                            String rel = sha.substring(0, 2) + "/" + sha + ".pdf";
                            Path f = store.resolve(rel);
                            Files.createDirectories(f.getParent());
                            Files.write(f, bytes);
                            cf.setLong(1, dossierId);
                            cf.setString(2, rel);
                            cf.setString(3, sha);
                            cf.setLong(4, bytes.length);
                            cf.setLong(5, at);
                            cf.executeUpdate();
                        }
                    }
                }
                c.commit();
                done++;
            }
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    private static double seconds(Step step) throws Exception {
        long t0 = System.nanoTime();
        step.run();
        return (System.nanoTime() - t0) / 1e9;
    }

    private static void plainCopy(Path from, Path to) throws Exception {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static long treeBytes(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void deleteTree(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static int arg(String[] args, int i, int otherwise) {
        return args.length > i ? Integer.parseInt(args[i]) : otherwise;
    }
}
