package vn.hanoi.branch.agent.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hanoi.branch.agent.auth.Principal;
import vn.hanoi.branch.agent.booking.BookingService;
import vn.hanoi.branch.agent.db.Database;
import vn.hanoi.branch.agent.db.WriteTx;
import vn.hanoi.branch.agent.dossier.DossierProgress;
import vn.hanoi.branch.agent.dossier.ProcedureCatalog;
import vn.hanoi.branch.agent.http.ApiException;
import vn.hanoi.branch.api.Bookings;
import vn.hanoi.branch.api.Dossiers;
import vn.hanoi.branch.api.Json;

/**
 * What the city pushes, applied in the agent's own transactions: a page of a stream, the items not seen
 * before and the stream's new cursor commit together, so a crash or a repeated page applies nothing twice.
 * Items of a page are applied in version order (a shuffled page cannot put an older version last).
 */
public final class Inbox {
    private static final Logger LOG = LoggerFactory.getLogger(Inbox.class);

    private final Database db;
    private final BookingService bookings;
    private final DossierProgress dossiers;

    public Inbox(Database db, BookingService bookings, DossierProgress dossiers) {
        this.db = db;
        this.bookings = bookings;
        this.dossiers = dossiers;
    }

    public Optional<String> cursor(String stream) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT cursor FROM sync_cursor WHERE stream = ?")) {
                ps.setString(1, stream);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /** Applies a page and moves the cursor; returns how many items were new. */
    public int apply(String stream, List<JsonNode> items, String nextCursor) {
        List<JsonNode> ordered = new ArrayList<>(items);
        ordered.sort(Comparator.comparingLong(n -> n.path("version").asLong(0)));
        return db.write(tx -> {
            int applied = 0;
            for (JsonNode item : ordered) {
                String id = item.path("id").asText("");
                if (id.isEmpty() || !firstTime(tx, stream, id)) {
                    continue; // a duplicate delivery (or an item without id, which the contract forbids)
                }
                // A bad item must not block the stream: it is undone alone and retried later (DeadLetters).
                if (applyAlone(tx, stream, item, 1, null)) {
                    applied++;
                }
            }
            try (PreparedStatement ps = tx.connection().prepareStatement("INSERT INTO sync_cursor (stream, cursor, updated_at) "
                    + "VALUES (?, ?, ?) ON CONFLICT (stream) DO UPDATE SET cursor = excluded.cursor, updated_at = excluded.updated_at")) {
                ps.setString(1, stream);
                ps.setString(2, nextCursor);
                ps.setLong(3, tx.now());
                ps.executeUpdate();
            }
            return applied;
        });
    }

    /** Applies the inbound items whose retry is due; each in its own transaction. */
    public void retryDue(long now) {
        for (DeadLetters.Due d : DeadLetters.due(db, now)) {
            db.write(tx -> {
                JsonNode item;
                try {
                    item = Json.mapper().readTree(d.payload());
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
                return applyAlone(tx, d.stream(), item, d.attempts() + 1, d.id());
            });
        }
    }

    /**
     * Applies one item under a savepoint: a failure undoes only this item and records it for a later retry
     * (or parks it as a dead letter after the last attempt). {@code failureId} is the item's retry row, if any.
     */
    private boolean applyAlone(WriteTx tx, String stream, JsonNode item, int attempt, Long failureId) throws SQLException {
        try (java.sql.Statement st = tx.connection().createStatement()) {
            st.execute("SAVEPOINT inbox_item");
            try {
                applyOne(tx, stream, item);
                st.execute("RELEASE inbox_item");
                if (failureId != null) {
                    DeadLetters.inboundApplied(tx, failureId);
                }
                return true;
            } catch (Exception e) {
                st.execute("ROLLBACK TO inbox_item");
                st.execute("RELEASE inbox_item");
                DeadLetters.inboundFailed(tx, stream, item.path("id").asText(""), item.toString(), attempt, e.toString());
                return false;
            }
        }
    }

    private static boolean firstTime(WriteTx tx, String stream, String id) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "INSERT OR IGNORE INTO inbox_seen (stream, item_id, applied_at) VALUES (?, ?, ?)")) {
            ps.setString(1, stream);
            ps.setString(2, id);
            ps.setLong(3, tx.now());
            return ps.executeUpdate() == 1;
        }
    }

    private void applyOne(WriteTx tx, String stream, JsonNode item) throws Exception {
        switch (stream) {
            case "catalog" -> {
                var doc = Json.mapper().createObjectNode();
                doc.putArray("procedures").add(item.path("procedure"));
                ProcedureCatalog.importJson(tx, new java.io.ByteArrayInputStream(Json.mapper().writeValueAsBytes(doc)));
            }
            case "bookings" -> {
                Long serviceId = serviceId(tx.connection(), item.path("serviceCode").asText());
                if (serviceId == null) {
                    LOG.warn("city booking {} for a service this branch does not have ({}): skipped", item.path("id").asText(),
                            item.path("serviceCode").asText());
                    return;
                }
                try {
                    bookings.insert(tx, Principal.SYSTEM, new Bookings.NewBooking(item.path("code").asText(), serviceId,
                            Instant.parse(item.path("slotStart").asText())));
                } catch (ApiException e) {
                    // The same booking code made here by a supervisor: the branch's booking stays (it may be checked in).
                    LOG.warn("city booking {} not applied: {}", item.path("id").asText(), e.getMessage());
                }
            }
            case "dossier-status" -> {
                DossierProgress.CityApply r = dossiers.applyCityStatus(tx, item.path("dossierCode").asText(),
                        Dossiers.State.valueOf(item.path("state").asText()), item.path("version").asLong(),
                        text(item, "noteVi"), text(item, "noteEn"));
                if (r != DossierProgress.CityApply.APPLIED) {
                    LOG.info("city status {} -> {} (version {}): {}", item.path("dossierCode").asText(),
                            item.path("state").asText(), item.path("version").asLong(), r);
                }
            }
            case "holidays", "branch-config" -> {
                if ("holidays".equals(stream)) {
                    CityHolidays.check(item);
                }
                String key = "holidays".equals(stream) ? item.path("date").asText() : item.path("key").asText();
                try (PreparedStatement ps = tx.connection().prepareStatement("INSERT INTO city_setting (stream, key, value, "
                        + "updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (stream, key) DO UPDATE SET value = excluded.value, "
                        + "updated_at = excluded.updated_at")) {
                    ps.setString(1, stream);
                    ps.setString(2, key);
                    ps.setString(3, item.toString());
                    ps.setLong(4, tx.now());
                    ps.executeUpdate();
                }
            }
            default -> throw new IllegalArgumentException("unknown stream " + stream);
        }
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }

    private static Long serviceId(Connection c, String code) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM service WHERE code = ?")) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }
}
