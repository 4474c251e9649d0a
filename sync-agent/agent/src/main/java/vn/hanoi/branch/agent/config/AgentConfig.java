package vn.hanoi.branch.agent.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Agent settings: built-in defaults, then the config file (Java properties, UTF-8), then environment
 * variables {@code BRANCH_AGENT_<KEY>} with underscores for dots (e.g. {@code BRANCH_AGENT_HTTP_PORT}),
 * so a service unit or container can override single values without editing the file.
 */
public final class AgentConfig {
    private final Properties values;
    /** Keys the branch set itself (config file, environment, {@link #with}): the city never overrides these. */
    private final java.util.Set<String> explicit;

    private AgentConfig(Properties values) {
        this(values, java.util.Set.of());
    }

    private AgentConfig(Properties values, java.util.Set<String> explicit) {
        this.values = values;
        this.explicit = java.util.Set.copyOf(explicit);
    }

    public static AgentConfig defaults() {
        Properties p = new Properties();
        p.setProperty("http.host", "0.0.0.0");
        p.setProperty("http.port", "8470");
        p.setProperty("db.path", "branch-agent.db");
        p.setProperty("http.max.body.bytes", "65536");
        // Document uploads (a result PDF to certify, scans): their own, larger limit.
        p.setProperty("http.max.document.bytes", "52428800");
        // Documents (certified copies): empty = a "documents" folder beside the database.
        p.setProperty("documents.dir", "");
        // The branch's signing key for certified electronic copies (PKCS#12) and its password file (0600).
        p.setProperty("certify.pkcs12", "");
        p.setProperty("certify.password.file", "");
        // Backups (database by SQLite's online backup + content store mirror): empty dir = "backups" beside the
        // database; a backup is taken when the newest is older than the interval (checked every 10 minutes, so a
        // PC switched off at night catches up after start); 0 turns scheduled backups off.
        p.setProperty("backup.dir", "");
        p.setProperty("backup.interval.hours", "24");
        p.setProperty("backup.keep", "14");
        p.setProperty("events.heartbeat.seconds", "10");
        p.setProperty("log.format", "text");
        // Queue rules (QueueOrder): one priority ticket after every N normal calls at a counter, and no
        // normal ticket passed by priority more than the bound.
        p.setProperty("queue.priority.enabled", "true");
        p.setProperty("queue.normals.per.priority", "2");
        p.setProperty("queue.max.overtaken", "3");
        p.setProperty("queue.noshow.return.minutes", "30");
        // Booking check-in window around the booked slot.
        p.setProperty("booking.checkin.before.minutes", "30");
        p.setProperty("booking.checkin.after.minutes", "15");
        // Agency part of dossier codes (<agency>-<yyMMdd>-<seq>); empty means the branch code.
        p.setProperty("dossier.agency.code", "");
        // Dossier codes: {agency}, {date:FORMAT} (reception day), {seq:N} (the day's sequence, N digits).
        p.setProperty("dossier.code.pattern", "{agency}-{date:yyMMdd}-{seq:4}");
        // The branch's list of days off and make-up working days (see README "Working days and holidays"),
        // on top of the bundled government announcements; empty: the bundled list only.
        p.setProperty("calendar.overrides.file", "");
        // Citizens' satisfaction target (percent of very satisfied + satisfied answers) the summary compares against.
        p.setProperty("rating.target.percent", "95");
        // City sync (README "City sync"): off while city.url is empty; changes queue in the outbox anyway.
        p.setProperty("city.url", "");
        p.setProperty("city.branch.code", "");            // empty: the branch's code
        p.setProperty("city.client.id", "");              // OAuth2 client id; empty: the branch code
        p.setProperty("city.client.secret.file", "");     // OAuth2 client secret, a 0600 file
        p.setProperty("city.ca.file", "");                // PEM of the CA(s) that issue the city's certificate
        p.setProperty("city.pin.sha256", "");             // or/and: base64 SHA-256 of the city's public key
        p.setProperty("city.timeout.seconds", "30");
        p.setProperty("city.batch.size", "1000");             // the contract allows up to 1000
        p.setProperty("city.sync.interval.ms", "2000");
        p.setProperty("city.backoff.base.ms", "500");
        p.setProperty("city.backoff.max.seconds", "60");
        p.setProperty("city.pull.limit", "200");
        p.setProperty("city.upload.chunk.bytes", "16777216");
        p.setProperty("city.upload.max.kbps", "0");       // 0: no cap; e.g. 4000 leaves a 10 Mbit/s uplink 6 Mbit/s
        p.setProperty("sync.alert.backlog.minutes", "30");
        p.setProperty("retention.days.after.confirmed", "90");
        p.setProperty("retention.check.minutes", "60");
        p.setProperty("hall.notices", "Vui lòng giữ phiếu số thứ tự cho đến khi được gọi ~ Please keep your ticket until your number is called"
                + " | Đường dây nóng hỗ trợ công dân của thành phố: 1022 ~ City hotline for citizens: 1022");
        return new AgentConfig(p);
    }

    public static AgentConfig load(Path file, Map<String, String> env) {
        Properties p = defaults().values;
        java.util.Set<String> explicit = new java.util.HashSet<>();
        if (file != null) {
            Properties f = new Properties();
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                f.load(r);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read config file " + file + ": " + e.getMessage(), e);
            }
            p.putAll(f);
            explicit.addAll(f.stringPropertyNames());
        }
        for (Map.Entry<String, String> e : env.entrySet()) {
            if (e.getKey().startsWith("BRANCH_AGENT_")) {
                String key = e.getKey().substring("BRANCH_AGENT_".length()).toLowerCase(Locale.ROOT).replace('_', '.');
                p.setProperty(key, e.getValue());
                explicit.add(key);
            }
        }
        return new AgentConfig(p, explicit);
    }

    /**
     * The settings with the city's values (pulled branch configuration) for the keys in {@code cityMay} the
     * branch did not set itself: the city replaces defaults, never the branch's own choices.
     */
    public AgentConfig withCity(Map<String, String> city, java.util.Set<String> cityMay) {
        Properties p = new Properties();
        p.putAll(values);
        for (Map.Entry<String, String> e : city.entrySet()) {
            if (cityMay.contains(e.getKey()) && !explicit.contains(e.getKey())) {
                p.setProperty(e.getKey(), e.getValue());
            }
        }
        return new AgentConfig(p, explicit);
    }

    /** True when the branch set this key itself (file, environment or {@link #with}). */
    public boolean isExplicit(String key) {
        return explicit.contains(key);
    }

    public AgentConfig with(String key, String value) {
        Properties p = new Properties();
        p.putAll(values);
        p.setProperty(key, value);
        java.util.Set<String> e = new java.util.HashSet<>(explicit);
        e.add(key);
        return new AgentConfig(p, e);
    }

    public String get(String key) {
        String v = values.getProperty(key);
        if (v == null) {
            throw new IllegalArgumentException("missing setting " + key);
        }
        return v.trim();
    }

    public int getInt(String key) {
        try {
            return Integer.parseInt(get(key));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting " + key + " must be a whole number, not '" + get(key) + "'");
        }
    }

    public String httpHost() {
        return get("http.host");
    }

    public int httpPort() {
        return getInt("http.port");
    }

    public Path dbPath() {
        return Path.of(get("db.path"));
    }
}
