package vn.hanoi.branch.demo.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import vn.hanoi.branch.agent.Agent;
import vn.hanoi.branch.agent.effects.Effects;
import vn.hanoi.branch.agent.auth.AuthService;
import vn.hanoi.branch.agent.auth.Passwords;
import vn.hanoi.branch.agent.auth.Principal;
import vn.hanoi.branch.agent.setup.BranchConfigStore;
import vn.hanoi.branch.agent.setup.BranchSetup;
import vn.hanoi.branch.agent.testing.DemoBranch;
import vn.hanoi.branch.agent.testing.SimulatedClock;
import vn.hanoi.branch.agent.config.AgentConfig;
import vn.hanoi.branch.agent.db.Database;
import vn.hanoi.branch.agent.device.DeviceRegistry;
import vn.hanoi.branch.agent.queue.QueueOrder;
import vn.hanoi.branch.api.CounterInfo;
import vn.hanoi.branch.api.CounterState;
import vn.hanoi.branch.api.DeviceKind;
import vn.hanoi.branch.api.IssueTicketRequest;
import vn.hanoi.branch.api.Role;
import vn.hanoi.branch.api.ServiceInfo;
import vn.hanoi.branch.api.Sessions;
import vn.hanoi.branch.api.Ticket;
import vn.hanoi.branch.client.AgentException;
import vn.hanoi.branch.client.AgentLink;
import vn.hanoi.branch.client.DeskClient;
import vn.hanoi.branch.client.KioskClient;
import vn.hanoi.branch.client.StaffSession;
import vn.hanoi.branch.client.SupervisorClient;

/**
 * A whole business day of the demo branch, simulated against a real agent over its HTTP API.
 *
 * <p>Discrete-event simulation: citizens (arrival time, service, priority, time at the desk, whether
 * they turn up when called) are drawn up front from the seed, so two policies run with one seed see
 * the same people. Then the simulator walks through the events in time order, sets the
 * {@link SimulatedClock} the agent runs on to each event's time, and does what a kiosk or a clerk
 * would do at that moment through {@link KioskClient} and {@link DeskClient}: issue a number,
 * open/pause/close a counter, call next, serve, finish, mark no-show. The agent decides who is next; the simulator only reacts to
 * its answers, so the day measures the agent's real ordering and estimates. A day of 2,000 tickets
 * takes tens of seconds, mostly SQLite commits.
 *
 * <p>Branch: the demo branch's five services and counter layout, repeated in sets of five counters
 * (counter 6 is like counter 1, …) until the day's work fits in the counters' time. Counters open
 * at 7:30 or 8:00, half take a short morning break, four in five take a staggered lunch, some a
 * short afternoon break, and all stop calling at 17:00 once nothing waits for them (at 18:00 at the
 * latest); the supervisor then closes the day, which cancels whatever still waits.
 */
public final class DaySimulator {
    /** Ordering rules the tool offers by name. */
    public enum Policy {
        /** First come, first served; priority shows on the ticket only. */
        FIFO,
        /** One priority ticket after every 2 normal calls, no normal ticket passed more than 3 times (the defaults). */
        INTERLEAVE;

        public QueueOrder.Rules rules() {
            return this == FIFO ? new QueueOrder.Rules(false, 2, 3) : new QueueOrder.Rules(true, 2, 3);
        }
    }

    /**
     * @param counters    counters of the branch, a multiple of 5; 0 chooses from the load
     * @param day         business day simulated (a weekday; the date only names the day in the data)
     * @param noShowRate  share of citizens who are not there when called
     * @param dbFile      where to keep the database; null for a temporary file deleted afterwards
     */
    public record Config(int tickets, long seed, QueueOrder.Rules rules, int counters, LocalDate day,
                         double noShowRate, Path dbFile) {
        public Config {
            if (tickets < 1 || counters < 0 || counters % 5 != 0 || noShowRate < 0 || noShowRate > 1) {
                throw new IllegalArgumentException("tickets >= 1, counters a multiple of 5 (0: automatic), noShowRate 0..1");
            }
        }

        public static Config of(int tickets, long seed, Policy policy) {
            return new Config(tickets, seed, policy.rules(), 0, LocalDate.of(2026, 3, 10), 0.05, null);
        }

        public Config withCounters(int n) {
            return new Config(tickets, seed, rules, n, day, noShowRate, dbFile);
        }

        public Config withDbFile(Path file) {
            return new Config(tickets, seed, rules, counters, day, noShowRate, file);
        }
    }

    /**
     * One citizen of the day. {@code declaredClass} is what they say at the kiosk; {@code birthDate}
     * is on the ID card they tap (elderly priority comes from it), or null.
     */
    public record Citizen(int index, LocalTime arrival, String service, String declaredClass, LocalDate birthDate,
                          long serviceSeconds, long walkSeconds, boolean noShow) {
    }

    /** The report and how the run went (wall time and HTTP calls are not part of the deterministic report). */
    public record Result(SimReport report, Path dbFile, Duration wallTime, long httpCalls) {
    }

    /** Share of tickets per service: civil status, residence and certification are the daily bread. */
    static final Map<String, Double> SERVICE_MIX = linked("HT", 0.25, "CT", 0.22, "DD", 0.13, "KD", 0.10, "CTH", 0.30);
    /** Demo layout (services by preference), repeated for every set of five counters. */
    static final List<List<String>> COUNTER_LAYOUT = List.of(
            List.of("HT", "CTH"), List.of("HT", "CT"), List.of("CT", "DD"), List.of("KD", "DD"), List.of("KD", "CTH", "HT"));
    static final String SIM_USER = "giamsat-sim";
    private static final LocalTime DAY_START = LocalTime.of(7, 0);
    private static final LocalTime STOP_CALLING = ArrivalCurve.CLOSES;
    private static final LocalTime HARD_STOP = LocalTime.of(18, 0);
    private static final long CLERK_TURNOVER_S = 10;
    private static final long CLERK_REACTION_S = 3;
    private static final long NO_SHOW_RECALL_S = 60;
    private static final long NO_SHOW_GIVE_UP_S = 120;

    private final Config cfg;
    private final ZoneId zone = ZoneId.of(DemoBranch.BRANCH.timeZone());
    private final SimulatedClock clock;
    private final PriorityQueue<Event> events = new PriorityQueue<>(
            Comparator.comparingLong(Event::at).thenComparingLong(Event::seq));
    private final Map<Long, Observed> observed = new LinkedHashMap<>();
    private final Map<Long, Citizen> citizenByTicket = new HashMap<>();
    private final List<SimCounter> counters = new ArrayList<>();
    private final Set<Long> greenServices = new HashSet<>();
    private final Map<String, Long> serviceIds = new HashMap<>();
    private long eventSeq;
    private long httpCalls;
    private long lastFinish;
    private KioskClient kiosk;
    private DeskClient staff;
    private SupervisorClient supervisor;

    private DaySimulator(Config cfg) {
        this.cfg = cfg;
        this.clock = new SimulatedClock(Instant.ofEpochMilli(at(DAY_START)), zone);
    }

    // ---- the people of the day ----

    /** The day's citizens, in arrival order; a pure function of the config's tickets, seed and day. */
    public static List<Citizen> citizens(Config cfg) {
        Random r = new Random(cfg.seed());
        List<LocalTime> arrivals = ArrivalCurve.hanoiBranch().sample(cfg.tickets(), r);
        List<Citizen> out = new ArrayList<>(arrivals.size());
        for (int i = 0; i < arrivals.size(); i++) {
            String service = pick(SERVICE_MIX, r.nextDouble());
            double p = r.nextDouble();
            String declared = null;
            LocalDate birth = null;
            if (p < 0.12) {
                // Over 70: priority comes from the card's date of birth, nothing declared.
                birth = cfg.day().minusYears(70 + r.nextInt(21)).minusDays(1 + r.nextInt(360));
            } else if (p < 0.15) {
                declared = "DISABILITY";
            } else if (p < 0.18) {
                declared = "PREGNANT_CHILD";
            } else if (p < 0.20) {
                declared = "POLICY";
            }
            if (birth == null && r.nextDouble() < 0.6) {
                // Most others tap their card too; younger than 70 it must not give priority.
                birth = cfg.day().minusYears(18 + r.nextInt(51)).minusDays(1 + r.nextInt(360));
            }
            long serviceSeconds = ServiceTimes.sampleSeconds(service, r);
            long walk = 20 + r.nextInt(70);
            boolean noShow = r.nextDouble() < cfg.noShowRate();
            out.add(new Citizen(i, arrivals.get(i), service, declared, birth, serviceSeconds, walk, noShow));
        }
        return out;
    }

    /**
     * Counters needed for the day's work to fit in the counters' time (8 h each after breaks), in
     * whole sets of five. Planned for the day's average, not its peak, as branches staff: the morning
     * peak then builds a queue of tens of minutes that the lunch dip drains (at 85% the median
     * citizen did not wait at all, which is not what a city branch looks like).
     */
    static int autoCounters(int tickets) {
        double meanMinutes = SERVICE_MIX.entrySet().stream()
                .mapToDouble(e -> e.getValue() * ServiceTimes.meanMinutes(e.getKey())).sum() + 1; // + call and walk
        double counterMinutes = tickets * meanMinutes;
        int sets = (int) Math.ceil(counterMinutes / (5 * 480.0));
        return 5 * Math.max(1, sets);
    }

    // ---- running ----

    public static Result run(Config cfg) {
        return new DaySimulator(cfg).runDay();
    }

    private Result runDay() {
        long wallStart = System.nanoTime();
        boolean temporary = cfg.dbFile() == null;
        Path dir = null;
        Path db;
        try {
            if (temporary) {
                dir = Files.createTempDirectory("day-sim");
                db = dir.resolve("branch.db");
            } else {
                db = cfg.dbFile();
                for (String suffix : new String[] {"", "-wal", "-shm"}) {
                    Files.deleteIfExists(Path.of(db + suffix));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int nCounters = cfg.counters() == 0 ? autoCounters(cfg.tickets()) : cfg.counters();
        String password = "sim-" + Long.toHexString(new Random(cfg.seed()).nextLong());
        Map<DeviceKind, String> codes = seed(db, nCounters, password);
        List<Citizen> people = citizens(cfg);
        AgentConfig agentConfig = AgentConfig.defaults()
                .with("db.path", db.toString())
                .with("http.host", "127.0.0.1")
                .with("http.port", "0")
                .with("queue.priority.enabled", Boolean.toString(cfg.rules().priorityEnabled()))
                .with("queue.normals.per.priority", Integer.toString(cfg.rules().normalsPerPriority()))
                .with("queue.max.overtaken", Integer.toString(cfg.rules().maxOvertaken()));
        SimReport report;
        try (Agent agent = Agent.start(agentConfig, clock)) {
            String url = "http://127.0.0.1:" + agent.port();
            AgentLink link = AgentLink.to(url);
            kiosk = link.kiosk(link.pair(codes.get(DeviceKind.KIOSK), "sim kiosk").token());
            StaffSession session = link.counter(link.pair(codes.get(DeviceKind.COUNTER), "sim counters").token())
                    .login(SIM_USER, password);
            staff = session.desk();
            supervisor = session.supervisor();
            setUp();
            for (Citizen c : people) {
                schedule(at(c.arrival()), new Arrival(c));
            }
            while (!events.isEmpty()) {
                Event e = events.poll();
                clock.set(Instant.ofEpochMilli(e.at()));
                e.action().run(this);
            }
            clock.set(Instant.ofEpochMilli(Math.max(clock.millis(), lastFinish) + 60_000));
            int cancelled = call(() -> supervisor.endOfDay());
            report = report(db, nCounters, cancelled);
        }
        if (temporary) {
            deleteTree(dir);
        }
        return new Result(report, temporary ? null : db, Duration.ofNanos(System.nanoTime() - wallStart), httpCalls);
    }

    /** Fresh database: the demo branch, extra counter sets, one supervisor account, pairing codes. */
    private Map<DeviceKind, String> seed(Path db, int nCounters, String password) {
        Map<DeviceKind, String> codes = new HashMap<>();
        String hash = Passwords.hash(password.toCharArray());
        try (Database d = Database.open(db, Clock.fixed(Instant.ofEpochMilli(at(DAY_START)).minusSeconds(3600), zone))) {
            DeviceRegistry devices = new DeviceRegistry(d, Effects.withoutAgent(d));
            d.write(tx -> {
                DemoBranch.seedBranch(tx);
                for (int n = 6; n <= nCounters; n++) {
                    BranchConfigStore.writeCounter(tx, new BranchSetup.Counter(n, "Quầy " + n, "Counter " + n, "",
                            COUNTER_LAYOUT.get((n - 1) % 5), true));
                }
                AuthService.insertUser(tx, new Sessions.NewUser(SIM_USER, "Giám sát mô phỏng", password, Role.SUPERVISOR), hash);
                for (DeviceKind kind : List.of(DeviceKind.KIOSK, DeviceKind.COUNTER)) {
                    codes.put(kind, devices.insertCode(tx, Principal.SYSTEM, kind, "sim-" + kind.name().toLowerCase(),
                            Duration.ofDays(1)).code());
                }
                return null;
            });
        }
        return codes;
    }

    /** Learns the branch from the API and keeps every counter closed until its opening time. */
    private void setUp() {
        for (ServiceInfo s : call(() -> kiosk.services())) {
            serviceIds.put(s.code(), s.id());
            if (s.greenChannel()) {
                greenServices.add(s.id());
            }
        }
        List<CounterInfo> infos = new ArrayList<>(call(() -> staff.counters()));
        infos.sort(Comparator.comparingInt(CounterInfo::number));
        for (int i = 0; i < infos.size(); i++) {
            SimCounter c = new SimCounter(infos.get(i), schedule(i));
            counters.add(c);
            call(() -> staff.setCounterState(c.info.id(), CounterState.CLOSED, "Chưa đến giờ mở quầy"));
            scheduleCounter(c, at(c.plan.opens()), DaySimulator::open);
        }
    }

    /** Opening time and breaks of the counter at position {@code i} (0-based): staggered so the hall is never empty. */
    static CounterPlan schedule(int i) {
        LocalTime opens = i % 3 == 2 ? LocalTime.of(8, 0) : ArrivalCurve.OPENS;
        List<Pause> pauses = new ArrayList<>();
        if (i % 2 == 0) {
            pauses.add(new Pause(LocalTime.of(10, 30).plusMinutes(10L * (i / 2 % 4)), 15, "Nghỉ giải lao"));
        }
        int set = i / 5;
        int pos = i % 5;
        boolean early = (pos < 2) == (set % 2 == 0);
        if (pos < 4) {
            pauses.add(early ? new Pause(LocalTime.of(11, 30), 75, "Nghỉ trưa") : new Pause(LocalTime.of(12, 15), 75, "Nghỉ trưa"));
        }
        if (i % 3 == 1) {
            pauses.add(new Pause(LocalTime.of(15, 0).plusMinutes(20L * (i / 3 % 3)), 10, "Nghỉ giải lao"));
        }
        pauses.sort(Comparator.comparing(Pause::start));
        return new CounterPlan(opens, pauses);
    }

    // ---- events ----

    private record Event(long at, long seq, Action action) {
    }

    @FunctionalInterface
    private interface Action {
        void run(DaySimulator sim);
    }

    private record Arrival(Citizen citizen) implements Action {
        @Override
        public void run(DaySimulator sim) {
            sim.arrive(citizen);
        }
    }

    private void schedule(long at, Action a) {
        events.add(new Event(at, eventSeq++, a));
    }

    /** A counter has one pending step; scheduling a new one cancels the old (an idle counter woken early). */
    private void scheduleCounter(SimCounter c, long at, CounterStep step) {
        long gen = ++c.generation;
        schedule(at, sim -> {
            if (c.generation == gen) {
                step.run(sim, c);
            }
        });
    }

    @FunctionalInterface
    private interface CounterStep {
        void run(DaySimulator sim, SimCounter c);
    }

    private void arrive(Citizen c) {
        long serviceId = serviceIds.get(c.service());
        Ticket t = call(() -> kiosk.issueTicket(new IssueTicketRequest(serviceId, c.declaredClass(), c.birthDate()),
                "sim-" + cfg.seed() + "-" + c.index()));
        observed.put(t.id(), new Observed(t));
        citizenByTicket.put(t.id(), c);
        long wake = clock.millis() + CLERK_REACTION_S * 1000;
        for (SimCounter k : counters) {
            if (k.state == CounterState.OPEN && k.current == null
                    && (k.info.serviceIds().contains(serviceId) || greenServices.contains(serviceId))) {
                scheduleCounter(k, wake, DaySimulator::tryCall);
            }
        }
    }

    private void open(SimCounter c) {
        call(() -> staff.setCounterState(c.info.id(), CounterState.OPEN, null));
        c.state = CounterState.OPEN;
        tryCall(c);
    }

    /** The clerk is free: take a due break, else call the next number, else wait (or go home after hours). */
    private void tryCall(SimCounter c) {
        long now = clock.millis();
        LocalTime local = LocalTime.ofInstant(Instant.ofEpochMilli(now), zone);
        if (!local.isBefore(HARD_STOP)) {
            close(c);
            return;
        }
        while (c.nextPause < c.plan.pauses().size() && !c.plan.pauses().get(c.nextPause).start().isAfter(local)) {
            Pause p = c.plan.pauses().get(c.nextPause++);
            LocalTime end = p.start().plusMinutes(p.minutes());
            // A clerk kept busy past most of the break skips what is left of it.
            if (Duration.between(local, end).toMinutes() >= 5) {
                call(() -> staff.setCounterState(c.info.id(), CounterState.PAUSED, p.reason()));
                c.state = CounterState.PAUSED;
                scheduleCounter(c, at(end), DaySimulator::open);
                return;
            }
        }
        Ticket t = call(() -> staff.callNext(c.info.id()));
        if (t != null) {
            c.current = t;
            observed.get(t.id()).called(t);
            Citizen who = citizenByTicket.get(t.id());
            if (who.noShow()) {
                scheduleCounter(c, now + NO_SHOW_RECALL_S * 1000, DaySimulator::recallOrGiveUp);
            } else {
                scheduleCounter(c, now + who.walkSeconds() * 1000, DaySimulator::serve);
            }
            return;
        }
        if (!local.isBefore(STOP_CALLING)) {
            close(c);
            return;
        }
        // Idle until an arrival wakes the counter, its break is due, or it is time to go home.
        LocalTime next = c.nextPause < c.plan.pauses().size() ? c.plan.pauses().get(c.nextPause).start() : STOP_CALLING;
        scheduleCounter(c, at(next.isBefore(STOP_CALLING) ? next : STOP_CALLING), DaySimulator::tryCall);
    }

    private void recallOrGiveUp(SimCounter c) {
        Ticket t = c.current;
        if (!c.recalled) {
            c.recalled = true;
            call(() -> staff.recall(t.id()));
            scheduleCounter(c, clock.millis() + (NO_SHOW_GIVE_UP_S - NO_SHOW_RECALL_S) * 1000, DaySimulator::recallOrGiveUp);
            return;
        }
        call(() -> staff.noShow(t.id()));
        observed.get(t.id()).noShow = true;
        freed(c);
    }

    private void serve(SimCounter c) {
        Ticket t = c.current;
        call(() -> staff.serve(t.id()));
        scheduleCounter(c, clock.millis() + citizenByTicket.get(t.id()).serviceSeconds() * 1000, DaySimulator::finish);
    }

    private void finish(SimCounter c) {
        Ticket t = c.current;
        call(() -> staff.finish(t.id()));
        observed.get(t.id()).done = true;
        freed(c);
    }

    private void freed(SimCounter c) {
        c.current = null;
        c.recalled = false;
        lastFinish = Math.max(lastFinish, clock.millis());
        scheduleCounter(c, clock.millis() + CLERK_TURNOVER_S * 1000, DaySimulator::tryCall);
    }

    private void close(SimCounter c) {
        call(() -> staff.setCounterState(c.info.id(), CounterState.CLOSED, "Hết giờ làm việc"));
        c.state = CounterState.CLOSED;
        c.generation++;
    }

    // ---- report ----

    private SimReport report(Path db, int nCounters, int cancelled) {
        Map<String, List<Double>> waits = new LinkedHashMap<>();
        waits.put(SimReport.NORMAL, new ArrayList<>());
        waits.put(SimReport.PRIORITY, new ArrayList<>());
        List<Double> errN = new ArrayList<>();
        List<Double> errP = new ArrayList<>();
        double signed = 0;
        int called = 0;
        int done = 0;
        int noShow = 0;
        for (Observed o : observed.values()) {
            done += o.done ? 1 : 0;
            noShow += o.noShow ? 1 : 0;
            if (o.calledAt == null) {
                continue;
            }
            called++;
            double wait = Duration.between(o.issued.issuedAt(), o.calledAt).toMillis() / 60_000.0;
            boolean priority = o.issued.isPriority();
            String cls = priority ? o.issued.priorityClass() : SimReport.NORMAL;
            waits.computeIfAbsent(cls, k -> new ArrayList<>()).add(wait);
            if (priority) {
                waits.get(SimReport.PRIORITY).add(wait);
            }
            if (o.issued.estimateMinutes() != null) {
                double err = o.issued.estimateMinutes() - wait;
                signed += err;
                (priority ? errP : errN).add(Math.abs(err));
            }
        }
        Map<String, SimReport.Waits> stats = new LinkedHashMap<>();
        waits.forEach((k, v) -> stats.put(k, SimReport.Waits.of(v)));
        int n = errN.size() + errP.size();
        SimReport.Estimate estimate = new SimReport.Estimate(n,
                SimReport.round((sum(errN) + sum(errP)) / n), SimReport.round(sum(errN) / errN.size()),
                SimReport.round(sum(errP) / errP.size()), SimReport.round(signed / n));
        QueueOrder.Rules rules = cfg.rules();
        String policy = rules.priorityEnabled()
                ? "interleave N=" + rules.normalsPerPriority() + " bound " + rules.maxOvertaken() : "fifo";
        return new SimReport(policy, nCounters, observed.size(), called, done, noShow, cancelled, stats,
                maxOvertakenNormal(db), rules.maxOvertaken(), estimate,
                LocalTime.ofInstant(Instant.ofEpochMilli(lastFinish), zone).format(DateTimeFormatter.ofPattern("HH:mm")));
    }

    /** Straight from the file: the API does not show how often a ticket was passed. */
    public static int maxOvertakenNormal(Path db) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT coalesce(max(overtaken), 0) FROM ticket "
                     + "WHERE priority_class IS NULL OR priority_state = 'REVOKED'")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + db, e);
        }
    }

    private static double sum(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).sum();
    }

    // ---- plumbing ----

    private <T> T call(Supplier<T> request) {
        httpCalls++;
        try {
            return request.get();
        } catch (AgentException e) {
            throw new IllegalStateException("agent refused a simulated step at "
                    + LocalTime.ofInstant(clock.instant(), zone) + ": " + e.getMessage(), e);
        }
    }

    private long at(LocalTime t) {
        return cfg.day().atTime(t).atZone(zone).toInstant().toEpochMilli();
    }

    /** A service code drawn from the day's service mix for {@code u} uniform in [0, 1). */
    public static String pickService(double u) {
        return pick(SERVICE_MIX, u);
    }

    private static String pick(Map<String, Double> mix, double u) {
        double acc = 0;
        String last = null;
        for (Map.Entry<String, Double> e : mix.entrySet()) {
            acc += e.getValue();
            last = e.getKey();
            if (u < acc) {
                return last;
            }
        }
        return last;
    }

    private static Map<String, Double> linked(Object... kv) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (Double) kv[i + 1]);
        }
        return m;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory: the OS cleans up what is left
        }
    }

    record Pause(LocalTime start, int minutes, String reason) {
    }

    record CounterPlan(LocalTime opens, List<Pause> pauses) {
    }

    private static final class SimCounter {
        final CounterInfo info;
        final CounterPlan plan;
        CounterState state = CounterState.CLOSED;
        Ticket current;
        boolean recalled;
        int nextPause;
        long generation;

        SimCounter(CounterInfo info, CounterPlan plan) {
            this.info = info;
            this.plan = plan;
        }
    }

    /** A ticket as the simulator saw it: the issue answer (with its estimate) and the call. */
    private static final class Observed {
        final Ticket issued;
        Instant calledAt;
        boolean done;
        boolean noShow;

        Observed(Ticket issued) {
            this.issued = issued;
        }

        void called(Ticket t) {
            calledAt = t.calledAt();
        }
    }
}
