package vn.hanoi.branch.agent.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import vn.hanoi.branch.agent.Agent;
import vn.hanoi.branch.agent.auth.Principal;
import vn.hanoi.branch.api.CounterRequests;
import vn.hanoi.branch.api.CounterState;
import vn.hanoi.branch.api.DeviceKind;
import vn.hanoi.branch.api.Dossiers;
import vn.hanoi.branch.api.IssueTicketRequest;
import vn.hanoi.branch.api.Role;
import vn.hanoi.branch.api.Ticket;
import vn.hanoi.branch.files.DurableFiles;
import vn.hanoi.branch.pdf.DocumentMeta;
import vn.hanoi.branch.pdf.PdfAWriter;
import vn.hanoi.branch.scan.ScanSettings;
import vn.hanoi.branch.testkit.scan.SimulatedPages;

/**
 * Business days of a branch, generated fast: the agent's own command handlers are called in-process (the same
 * transactions, effects, audit rows, queue events and outbox entries as over HTTP, without the HTTP), several
 * at a time as kiosks and counters would, on a {@link SimulatedClock}. Each day: counters open, the tickets
 * are issued over the five services, dossiers are received for the first tickets with their scanned documents
 * (PDF/A, unique bytes per document, real page size at the given resolution), every ticket is called and
 * finished, the day is closed. For what grows over months: the retention test, the month benchmark
 * ({@code bench.MonthBenchmark}), backup and restore timings of a month.
 */
public final class BusyBranch implements AutoCloseable {
    /** A day's work: 2,000 tickets and 200 dossiers of 2 documents at 200 dpi is the busy branch of issue 18. */
    public record Load(int ticketsPerDay, int dossiersPerDay, int documentsPerDossier, int dpi) {
        public static final Load BUSY = new Load(2_000, 200, 2, 200);
    }

    private static final int COUNTERS = 5;
    private static final int SERVICES = 5;

    private final TestAgent test;
    private final SimulatedClock clock;
    private final ZoneId zone;
    private final Load load;
    private final Principal kiosk;
    private final Principal clerk;
    private final String documentType;
    private final List<byte[]> pages = new ArrayList<>();
    private final ExecutorService workers = Executors.newFixedThreadPool(COUNTERS);
    private final AtomicLong documents = new AtomicLong();

    private BusyBranch(TestAgent test, SimulatedClock clock, Load load) {
        this.test = test;
        this.clock = clock;
        this.load = load;
        Agent agent = test.agent();
        this.zone = clock.getZone();
        this.kiosk = agent.auth().authenticate(test.pair(DeviceKind.KIOSK).token()).orElseThrow();
        this.clerk = agent.auth().authenticate(test.sessionToken(Role.CLERK)).orElseThrow();
        this.documentType = test.deskClient().procedures().stream().filter(p -> p.code().equals(PROCEDURE)).findFirst()
                .orElseThrow().documents().getFirst().code();
        for (int seed = 0; seed < 3; seed++) {
            pages.add(scannedPage("CN-000000-0000", "TO_KHAI", seed, load.dpi()));
        }
    }

    private static final String PROCEDURE = "1.004194";

    /**
     * An agent on a new database in {@code dir} with the demo branch, run by {@code clock} (in the branch's zone),
     * with {@code settings} on top of the test defaults.
     */
    public static BusyBranch start(Path dir, Map<String, String> settings, SimulatedClock clock, Load load) {
        return new BusyBranch(TestAgent.startIn(dir, settings, clock), clock, load);
    }

    public Agent agent() {
        return test.agent();
    }

    public TestAgent testAgent() {
        return test;
    }

    /** Documents stored so far. */
    public long documents() {
        return documents.get();
    }

    /** One business day's work on {@code day}; the clock goes from 07:45 to 17:30 of that day. */
    public void day(LocalDate day) {
        Agent agent = test.agent();
        at(day, LocalTime.of(7, 45));
        for (long c = 1; c <= COUNTERS; c++) {
            agent.tickets().counters().setState(clerk, c, new CounterRequests.StateChange(CounterState.OPEN, null));
        }
        at(day, LocalTime.of(8, 0));
        List<Long> ticketIds = parallel(load.ticketsPerDay(), i -> agent.tickets().issuing().issue(kiosk,
                new IssueTicketRequest(1 + i % SERVICES), UUID.randomUUID().toString()).ticket().id());
        at(day, LocalTime.of(8, 30));
        parallel(load.dossiersPerDay(), i -> {
            Dossiers.Dossier d = agent.dossiers().reception().receive(clerk, new Dossiers.Reception(ticketIds.get(i), PROCEDURE,
                    new Dossiers.Applicant("Phạm Văn Thử", "001090000001", LocalDate.of(1990, 1, 1), "0900000001",
                            "Số 1 phố Mẫu, Hà Nội"), List.of(), 0, null, false));
            for (int k = 0; k < load.documentsPerDossier(); k++) {
                byte[] pdf = unique(pages.get((i + k) % pages.size()));
                agent.scans().store(clerk, d.id(), documentType, DurableFiles.sha256Hex(pdf), pdf);
                documents.incrementAndGet();
            }
            return d.id();
        });
        at(day, LocalTime.of(9, 0));
        parallel(COUNTERS, c -> {
            int served = 0;
            for (var t = agent.tickets().moves().callNext(clerk, c + 1); t.isPresent();
                 t = agent.tickets().moves().callNext(clerk, c + 1)) {
                agent.tickets().moves().finish(clerk, t.get().id());
                served++;
            }
            return served;
        });
        at(day, LocalTime.of(17, 30));
        agent.tickets().dayClose().close(clerk);
    }

    private void at(LocalDate day, LocalTime time) {
        clock.set(day.atTime(time).atZone(zone).toInstant());
    }

    private interface Step<T> {
        T run(int i) throws Exception;
    }

    /** {@code n} steps on the workers (as kiosks and counters at once: the writer commits them in groups). */
    private <T> List<T> parallel(int n, Step<T> step) {
        List<Future<T>> futures = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int index = i;
            futures.add(workers.submit(() -> step.run(index)));
        }
        List<T> out = new ArrayList<>(n);
        try {
            for (Future<T> f : futures) {
                out.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a simulated step failed: " + e.getCause(), e.getCause());
        }
        return out;
    }

    /** The page's bytes with a unique comment after the end: a different document to the content store. */
    private static byte[] unique(byte[] pdf) {
        byte[] tail = ("\n%" + UUID.randomUUID() + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] out = java.util.Arrays.copyOf(pdf, pdf.length + tail.length);
        System.arraycopy(tail, 0, out, pdf.length, tail.length);
        return out;
    }

    /** A scanned A4 text page as PDF/A at {@code dpi}, gray, as the counter sends it for a dossier's document. */
    public static byte[] scannedPage(String dossierCode, String documentType, long seed, int dpi) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new PdfAWriter(0.6f).write(List.of(SimulatedPages.render(SimulatedPages.Kind.TEXT, dpi,
                            ScanSettings.ColorMode.GRAY, 0, seed)), ScanSettings.ColorMode.GRAY, dpi,
                    new DocumentMeta(dossierCode, documentType, null, TestAgent.CLERK, Instant.parse("2026-01-05T02:30:00Z")),
                    out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Row counts of {@code tables} in a database file. */
    public static Map<String, Long> rowCounts(Path db, List<String> tables) throws java.sql.SQLException {
        Map<String, Long> out = new java.util.LinkedHashMap<>();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
             java.sql.Statement st = c.createStatement()) {
            for (String t : tables) {
                try (java.sql.ResultSet rs = st.executeQuery("SELECT count(*) FROM " + t)) {
                    rs.next();
                    out.put(t, rs.getLong(1));
                }
            }
        }
        return out;
    }

    /** Stops the agent and leaves its files (database, documents) in place, e.g. to time a backup of them. */
    public void stopKeepingFiles() {
        workers.shutdownNow();
        test.agent().close();
    }

    /** Stops the agent and deletes its folder. */
    @Override
    public void close() {
        workers.shutdownNow();
        test.close();
    }
}
