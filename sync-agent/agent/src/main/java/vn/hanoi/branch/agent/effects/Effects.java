package vn.hanoi.branch.agent.effects;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.hanoi.branch.agent.auth.Principal;
import vn.hanoi.branch.agent.db.Database;
import vn.hanoi.branch.agent.db.WriteTx;
import vn.hanoi.branch.agent.event.EventHub;
import vn.hanoi.branch.agent.sync.Outbox;
import vn.hanoi.branch.api.QueueEvent;
import vn.hanoi.branch.api.Ticket;

/**
 * What a command leaves besides its own rows, written in the command's transaction so that all of it
 * commits or none: the audit row, the queue event for the screens, and what the city receives (the
 * outbox). Features write their side effects only through here; the outbox and the event stream stay
 * details of this class.
 *
 * <p>The audit trail is append-only (the table refuses UPDATE and DELETE by trigger). State changes
 * are recorded inside the transaction that makes them; reads of personal data are recorded before the
 * data is handed out, so an unrecorded read cannot happen.
 */
public final class Effects {
    /** What the city receives besides queue events and audit extracts (the contract's {@code OutboxEvent.topic}). */
    public enum CityTopic {
        DOSSIER(Outbox.DOSSIER), RATING(Outbox.RATING),
        /** The day's figures per service, sent with the end of the business day. */
        STATS(Outbox.STATS);

        private final String topic;

        CityTopic(String topic) {
            this.topic = topic;
        }
    }

    private final Database db;
    private final EventHub events;

    public Effects(Database db, EventHub events) {
        this.db = db;
        this.events = events;
    }

    /**
     * For tools that write beside a stopped agent (the command line's pairing codes and accounts, seeding the
     * demo): the same rows, with an event hub of its own that has no subscribers.
     */
    public static Effects withoutAgent(Database db) {
        return new Effects(db, new EventHub(db, Duration.ofSeconds(15)));
    }

    /** An audit row, and its extract for the city. */
    public void audit(WriteTx tx, Principal who, String action, String entity, Object entityId, String detail)
            throws SQLException {
        String id = entityId == null ? null : entityId.toString();
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "INSERT INTO audit_log (at, user_id, device_id, action, entity, entity_id, detail) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, tx.now());
            ps.setObject(2, who.userId());
            ps.setObject(3, who.deviceId());
            ps.setString(4, action);
            ps.setString(5, entity);
            ps.setString(6, id);
            ps.setString(7, detail);
            ps.executeUpdate();
        }
        // The city's audit extract: who did what to which record, when. The detail stays here (it can name a
        // dossier code or a reason the city does not need).
        Map<String, Object> extract = new LinkedHashMap<>();
        extract.put("at", tx.now());
        extract.put("userId", who.userId());
        extract.put("deviceId", who.deviceId());
        extract.put("action", action);
        extract.put("entity", entity);
        extract.put("entityId", id);
        Outbox.append(tx, Outbox.AUDIT, action, extract);
    }

    /** Records that {@code who} is about to see personal data of {@code entity}; durable on return. */
    public void personalDataRead(Principal who, String entity, Object entityId, String purpose) {
        db.write(tx -> {
            audit(tx, who, "personal_data.read", entity, entityId, purpose);
            return null;
        });
    }

    /**
     * A queue event: screens get it once committed, and the city sees every queue change (the ticket holds no
     * personal data). The payload is copied into the outbox rather than referenced: one outbox gives one send
     * order across all topics.
     */
    public void queueEvent(WriteTx tx, String type, Ticket ticket, Long counterId) throws SQLException {
        QueueEvent event = events.append(tx, type, ticket, counterId);
        Outbox.append(tx, Outbox.QUEUE, String.valueOf(ticket == null ? 0 : ticket.id()), event);
    }

    /** An entry for the city; {@code payload} is sent as JSON. */
    public void toCity(WriteTx tx, CityTopic topic, String key, Object payload) throws SQLException {
        Outbox.append(tx, topic.topic, key, payload);
    }
}
