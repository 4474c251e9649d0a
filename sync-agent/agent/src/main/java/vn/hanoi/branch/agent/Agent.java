package vn.hanoi.branch.agent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hanoi.branch.agent.auth.AuthService;
import vn.hanoi.branch.agent.auth.StaffAccounts;
import vn.hanoi.branch.agent.setup.AdminSettings;
import vn.hanoi.branch.agent.setup.BranchConfiguration;
import vn.hanoi.branch.agent.branch.BranchDirectory;
import vn.hanoi.branch.agent.device.DeviceHealthService;
import vn.hanoi.branch.agent.booking.BookingService;
import vn.hanoi.branch.agent.branch.HallNotices;
import vn.hanoi.branch.agent.config.AgentConfig;
import vn.hanoi.branch.agent.db.Database;
import vn.hanoi.branch.agent.device.DeviceRegistry;
import vn.hanoi.branch.agent.event.EventHub;
import vn.hanoi.branch.agent.health.DiskSpace;
import vn.hanoi.branch.agent.health.HealthMonitor;
import vn.hanoi.branch.agent.effects.Effects;
import vn.hanoi.branch.agent.backup.AgentLock;
import vn.hanoi.branch.agent.backup.RestoreEpoch;
import vn.hanoi.branch.agent.ticket.DayCloseSchedule;
import vn.hanoi.branch.agent.sync.DeadLetters;
import vn.hanoi.branch.api.ServiceInfo;
import vn.hanoi.branch.agent.setup.BranchConfigStore;
import vn.hanoi.branch.agent.setup.BranchSetup;
import vn.hanoi.branch.agent.setup.SetupState;
import vn.hanoi.branch.agent.backup.BackupHttp;
import vn.hanoi.branch.agent.backup.BackupSchedule;
import vn.hanoi.branch.agent.backup.Backups;
import vn.hanoi.branch.agent.content.ContentStore;
import vn.hanoi.branch.agent.dossier.CertifiedCopies;
import vn.hanoi.branch.agent.dossier.DossierCodePattern;
import vn.hanoi.branch.agent.dossier.DossierProgress;
import vn.hanoi.branch.certify.BranchSigner;
import vn.hanoi.branch.certify.CertifiedCopy;
import vn.hanoi.branch.certify.SigningKeyException;
import vn.hanoi.branch.calendar.WorkingCalendar;
import vn.hanoi.branch.agent.dossier.DossierHandlers;
import vn.hanoi.branch.agent.dossier.ProcedureCatalog;
import vn.hanoi.branch.agent.event.EventStreamHttp;
import vn.hanoi.branch.agent.http.ApiServer;
import vn.hanoi.branch.agent.http.RequestStats;
import vn.hanoi.branch.agent.metrics.Metrics;
import vn.hanoi.branch.agent.queue.QueueOrder;
import vn.hanoi.branch.agent.queue.SqlQueuePolicy;
import vn.hanoi.branch.agent.rating.RatingService;
import vn.hanoi.branch.agent.report.ReportHttp;
import vn.hanoi.branch.agent.report.ReportService;
import vn.hanoi.branch.agent.scan.ScannedDocuments;
import vn.hanoi.branch.agent.sync.CityBranchConfig;
import vn.hanoi.branch.agent.sync.CityClient;
import vn.hanoi.branch.agent.sync.CitySync;
import vn.hanoi.branch.agent.sync.Inbox;
import vn.hanoi.branch.agent.sync.Retention;
import vn.hanoi.branch.agent.retention.Pruning;
import vn.hanoi.branch.agent.retention.RetentionSchedule;
import vn.hanoi.branch.api.SyncStatus;
import vn.hanoi.branch.agent.stats.StatsService;
import vn.hanoi.branch.agent.ticket.TicketHandlers;

/**
 * The branch agent: database, services and the LAN API, wired together. {@link #start} gives a
 * running agent (used by {@link AgentMain} and by tests, which run it in-process on a free port).
 */
public final class Agent implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Agent.class);

    private final Database db;
    private final EventHub events;
    private final ApiServer server;
    private final Effects effects;
    private final BranchDirectory directory;
    private final AuthService auth;
    private final DeviceRegistry devices;
    private final TicketHandlers tickets;
    private final ContentStore content;
    private final AgentLock lock;
    private final BackupSchedule backups;
    private final Retention retention;
    private final RetentionSchedule housekeeping;
    private final DossierHandlers dossiers;
    private final ScannedDocuments scans;
    private final CitySync sync;
    private final DayCloseSchedule dayClose;
    private HealthMonitor health; // not final: the failed-start path closes it when it was made

    private Agent(AgentConfig given, Clock clock) {
        Instant started = clock.instant();
        this.lock = lockDatabase(given.dbPath());
        try {
            this.db = Database.open(given.dbPath(), clock, backupDir(given), new Database.Limits(
                    given.getInt("db.write.queue.max"), Duration.ofSeconds(given.getInt("db.write.timeout.seconds")),
                    Duration.ofSeconds(given.getInt("db.writer.stuck.seconds"))));
        } catch (RuntimeException e) {
            closeQuietly(lock);
            throw e;
        }
        LOG.info("database ready {} ms after JVM start", sinceJvmStart());
        try {
            RestoreEpoch.applyPending(db, given.dbPath()); // before anything writes: ids of the new epoch
            // what the city set for this branch (pulled earlier), where the branch did not set it itself
            AgentConfig config = given.withCity(CityBranchConfig.read(db), CityBranchConfig.keys());
            this.directory = new BranchDirectory(db);
            // identity, agency code and satisfaction target as set up; read once (they change at the next start)
            Optional<BranchSetup> setUp = db.read(BranchConfigStore::read);
            if (setUp.isEmpty()) {
                LOG.warn("{} / {}", SetupState.MESSAGE_VI, SetupState.MESSAGE_EN);
            }
            this.events = new EventHub(db, Duration.ofSeconds(config.getInt("events.heartbeat.seconds")),
                    config.getInt("events.replay.max"));
            this.effects = new Effects(db, events);
            this.auth = new AuthService(db, effects, clock);
            this.devices = new DeviceRegistry(db, effects);
            DiskSpace disk = new DiskSpace(List.of(config.dbPath().toAbsolutePath().getParent(), documentsDir(config)),
                    config.getInt("disk.free.floor.mb") * 1024L * 1024L);
            this.health = new HealthMonitor(db, disk, Duration.ofSeconds(config.getInt("health.probe.seconds")));
            this.content = new ContentStore(db, documentsDir(config).resolve("store"), disk);
            this.backups = new BackupSchedule(new Backups(config.dbPath(), content.dir(), backupDir(config),
                    config.getInt("backup.keep")), Duration.ofHours(config.getInt("backup.interval.hours")), clock);
            int swept = content.sweep(clock.instant(), Duration.ofHours(1));
            if (swept > 0) {
                LOG.info("content store: removed {} unfinished or unreferenced files left by an earlier stop", swept);
            }
            QueueOrder.Rules rules = new QueueOrder.Rules(Boolean.parseBoolean(config.get("queue.priority.enabled")),
                    config.getInt("queue.normals.per.priority"), config.getInt("queue.max.overtaken"));
            this.tickets = TicketHandlers.create(db, directory, effects, new SqlQueuePolicy(rules), clock,
                    directory.zone(), Duration.ofMinutes(config.getInt("queue.noshow.return.minutes")));
            BookingService bookings = new BookingService(db, tickets.issuing(), effects, directory.zone(),
                    Duration.ofMinutes(config.getInt("booking.checkin.before.minutes")),
                    Duration.ofMinutes(config.getInt("booking.checkin.after.minutes")));
            this.dossiers = DossierHandlers.create(db, effects, directory.zone(),
                    agencyCode(config, setUp), new DossierCodePattern(config.get("dossier.code.pattern")),
                    workingCalendar(config, db), clock);
            this.dayClose = new DayCloseSchedule(tickets.dayClose(), () -> directory.services().stream()
                    .filter(ServiceInfo::active).map(ServiceInfo::closesAt).max(java.util.Comparator.naturalOrder())
                    .orElse(java.time.LocalTime.of(17, 0)), Duration.ofMinutes(config.getInt("day.close.auto.after.minutes")));
            this.retention = new Retention(db, content, Duration.ofDays(config.getInt("retention.days.after.confirmed")));
            this.housekeeping = new RetentionSchedule(retention, new Pruning(db, new Pruning.Horizons(
                    config.getInt("retention.queue.events.days"), config.getInt("retention.outbox.unlinked.days"),
                    config.getInt("retention.inbox.seen.days"), config.getInt("retention.history.days"),
                    config.getInt("retention.tickets.days"), config.getInt("retention.audit.days")), !config.get("city.url").isBlank(),
                    clock.withZone(directory.zone())));
            this.sync = citySync(config, clock, bookings, dossiers.progress());
            int alertMinutes = config.getInt("sync.alert.backlog.minutes");
            java.util.function.Supplier<SyncStatus> syncStatus = () -> CitySync.status(db, sync != null, clock.instant(),
                    alertMinutes);
            CertifiedCopies copies = new CertifiedCopies(db, effects, content, copySigner(config, directory));
            int adopted = copies.adoptLegacy(documentsDir(config).resolve("certified-copies"));
            if (adopted > 0) {
                LOG.info("certified copies moved into the content store (backed up and uploaded from now on): {}", adopted);
            }
            // the hall's ticker: as set up (branch-agent setup, administration), otherwise the setting
            List<HallNotices.Notice> configuredNotices = HallNotices.parse(config.get("hall.notices"));
            java.util.function.Supplier<List<HallNotices.Notice>> hallNotices = () -> java.util.Objects.requireNonNullElse(
                    db.read(BranchConfigStore::hallNotices), configuredNotices);
            int ratingTarget = setUp.map(BranchSetup::satisfactionTargetPercent)
                    .orElse(config.getInt("rating.target.percent"));
            RequestStats requests = new RequestStats();
            DeadLetters deadLetters = new DeadLetters(db, effects);
            RouteTable routes = new RouteTable(new HealthHttp(db, events, started, syncStatus, health, backups), syncStatus,
                    directory, hallNotices, new AdminSettings(new BranchConfiguration(db, effects), hallNotices),
                    devices, new DeviceHealthService(db, effects), auth,
                    new StaffAccounts(db, effects),
                    tickets, new StatsService(db, tickets.queries(), clock, directory.zone()), bookings,
                    new ProcedureCatalog(db), dossiers,
                    copies,
                    this.scans = new ScannedDocuments(db, effects, content),
                    new RatingService(db, effects, clock, directory.zone(), ratingTarget),
                    new ReportHttp(new ReportService(db, directory, clock, ratingTarget),
                            directory),
                    new BackupHttp(backups, db, effects, clock), deadLetters, new EventStreamHttp(events),
                    new Metrics(db, requests, events, health, backups::newest, deadLetters::count, clock));
            this.server = new ApiServer(auth, p -> devices.seen(p, clock.millis()), config.getInt("http.max.body.bytes"),
                    config.getInt("http.max.document.bytes"), routes.endpoints(), requests);
        } catch (RuntimeException e) {
            if (health != null) {
                health.close();
            }
            db.close();
            closeQuietly(lock);
            throw e;
        }
    }

    /** One agent per database file: a second one (or a restore) while this runs would corrupt the branch. */
    private static AgentLock lockDatabase(java.nio.file.Path dbFile) {
        try {
            AgentLock l = AgentLock.tryAcquire(dbFile);
            if (l == null) {
                throw new IllegalStateException("another agent is already running on " + dbFile.toAbsolutePath()
                        + " (its lock file " + dbFile.getFileName() + ".lock is held)");
            }
            return l;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot lock " + dbFile + ": " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // stopping anyway
        }
    }

    /** Where backups go: {@code backup.dir}, else a "backups" folder beside the database. */
    public static java.nio.file.Path backupDir(AgentConfig config) {
        String dir = config.get("backup.dir");
        if (dir != null && !dir.isBlank()) {
            return java.nio.file.Path.of(dir);
        }
        return config.dbPath().toAbsolutePath().getParent().resolve("backups");
    }

    /**
     * The sync worker when {@code city.url} is set (null otherwise: changes still queue in the outbox and
     * go when a city link is configured).
     */
    private CitySync citySync(AgentConfig config, Clock clock, BookingService bookings, DossierProgress dossiers) {
        String url = config.get("city.url");
        if (url.isBlank()) {
            return null;
        }
        String branch = config.get("city.branch.code").isBlank() ? directory.branch().map(b -> b.code()).orElse("CN")
                : config.get("city.branch.code");
        CityClient.Builder cb = CityClient.builder(url, branch)
                .secretFile(java.nio.file.Path.of(config.get("city.client.secret.file")))
                .timeout(Duration.ofSeconds(config.getInt("city.timeout.seconds")));
        if (!config.get("city.client.id").isBlank()) {
            cb.clientId(config.get("city.client.id"));
        }
        if (!config.get("city.ca.file").isBlank()) {
            cb.caFile(java.nio.file.Path.of(config.get("city.ca.file")));
        }
        if (!config.get("city.pin.sha256").isBlank()) {
            cb.pin(config.get("city.pin.sha256"));
        }
        CitySync.Settings settings = new CitySync.Settings(config.getInt("city.batch.size"),
                Duration.ofMillis(config.getInt("city.sync.interval.ms")), Duration.ofMillis(config.getInt("city.backoff.base.ms")),
                Duration.ofSeconds(config.getInt("city.backoff.max.seconds")), config.getInt("city.pull.limit"),
                config.getInt("sync.alert.backlog.minutes"));
        return CitySync.create(db, cb.build(), new Inbox(db, bookings, dossiers), content,
                config.getInt("city.upload.chunk.bytes"), config.getInt("city.upload.max.kbps"), settings, clock);
    }

    /** Opens the database (migrating it) and starts serving. */
    public static Agent start(AgentConfig config, Clock clock) {
        Agent a = new Agent(config, clock);
        a.server.start(config.httpHost(), config.httpPort());
        a.backups.start();
        a.dayClose.start();
        a.housekeeping.start(Duration.ofMinutes(config.getInt("retention.check.minutes")));
        if (a.sync != null) {
            a.sync.start();
            LOG.info("city sync on to {}", config.get("city.url"));
        }
        LOG.info("agent {} listening on {}:{} with database {} ({} ms after JVM start)", version(), config.httpHost(), a.port(),
                config.dbPath().toAbsolutePath(), sinceJvmStart());
        return a;
    }

    public static String version() {
        String v = Agent.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    public int port() {
        return server.port();
    }

    public ApiServer server() {
        return server;
    }

    public Database database() {
        return db;
    }

    public DeviceRegistry devices() {
        return devices;
    }

    public AuthService auth() {
        return auth;
    }

    public TicketHandlers tickets() {
        return tickets;
    }

    public DossierHandlers dossiers() {
        return dossiers;
    }

    public ScannedDocuments scans() {
        return scans;
    }

    /** The branch's files for dossiers (scans, certified copies). */
    public ContentStore content() {
        return content;
    }

    public BackupSchedule backups() {
        return backups;
    }

    /** Retention of personal data after the city confirmed it (tests run it directly). */
    public Retention retention() {
        return retention;
    }

    /** Retention and pruning on their period, city link or not (tests and the benchmark run it directly). */
    public RetentionSchedule housekeeping() {
        return housekeeping;
    }

    /** The city sync worker, or null when no city link is configured. */
    public CitySync sync() {
        return sync;
    }

    /** The automatic end of day (tests run its check at a simulated time instead of waiting a minute). */
    public DayCloseSchedule dayClose() {
        return dayClose;
    }

    /** The periodic write probe and disk check behind health. */
    public HealthMonitor health() {
        return health;
    }

    public EventHub events() {
        return events;
    }

    /**
     * Working days for appointments: the computed holidays, the city's announcements pulled by the sync (as of
     * this start), then the branch's yearly list when configured, which wins where they name the same date.
     */
    private static WorkingCalendar workingCalendar(AgentConfig config, Database db) {
        String file = config.get("calendar.overrides.file");
        vn.hanoi.branch.calendar.HolidayOverrides city = vn.hanoi.branch.agent.sync.CityHolidays.load(db);
        if ((file == null || file.isBlank()) && city.all().isEmpty()) {
            return WorkingCalendar.standard();
        }
        vn.hanoi.branch.calendar.HolidayOverrides o = vn.hanoi.branch.calendar.HolidayOverrides.bundled().then(city);
        try {
            if (file != null && !file.isBlank()) {
                o = o.then(vn.hanoi.branch.calendar.HolidayOverrides.load(java.nio.file.Path.of(file)));
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("calendar.overrides.file " + file + ": " + e.getMessage(), e);
        }
        return WorkingCalendar.of(vn.hanoi.branch.calendar.PublicHolidays.labourCode(), o);
    }

    /** Where documents live (certified copies, later scans): beside the database unless configured. */
    public static java.nio.file.Path documentsDir(AgentConfig config) {
        String dir = config.get("documents.dir");
        if (dir != null && !dir.isBlank()) {
            return java.nio.file.Path.of(dir);
        }
        java.nio.file.Path parent = config.dbPath().toAbsolutePath().getParent();
        return parent.resolve("documents");
    }

    /**
     * The branch's signer for certified copies, from {@code certify.pkcs12} and {@code certify.password.file}
     * (0600); null when not configured (the API then says so). A bad key file stops the start: IT sees it at once.
     */
    private static java.util.function.Supplier<CertifiedCopy> copySigner(AgentConfig config, BranchDirectory directory) {
        String p12 = config.get("certify.pkcs12");
        if (p12 == null || p12.isBlank()) {
            return null;
        }
        BranchSigner signer;
        try {
            signer = BranchSigner.open(java.nio.file.Path.of(p12), java.nio.file.Path.of(config.get("certify.password.file")));
        } catch (SigningKeyException e) {
            throw new IllegalStateException("certify.pkcs12 " + p12 + ": " + e.getMessage(), e);
        }
        String branch = directory.branch().map(b -> b.nameVi()).orElse("");
        return () -> new CertifiedCopy(signer, branch);
    }

    /** The agent setting dossier.agency.code, else the set-up agency code, else the branch code. */
    private static String agencyCode(AgentConfig config, Optional<BranchSetup> setUp) {
        String configured = config.get("dossier.agency.code");
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        return setUp.map(s -> s.branch().agencyCode() == null || s.branch().agencyCode().isBlank()
                ? s.branch().code() : s.branch().agencyCode()).orElse("CN");
    }

    /** Graceful stop: no new requests, open streams closed, queued writes committed, WAL checkpointed. */
    @Override
    public void close() {
        LOG.info("agent stopping");
        backups.close();
        dayClose.close();
        housekeeping.close();
        if (sync != null) {
            sync.close();
        }
        events.close();
        server.close();
        health.close();
        db.close();
        closeQuietly(lock);
        LOG.info("agent stopped");
    }

    /** Start-up time as IT and the benchmark see it (the JVM's own start included). */
    private static long sinceJvmStart() {
        return System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
    }
}
