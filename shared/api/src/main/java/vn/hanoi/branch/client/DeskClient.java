package vn.hanoi.branch.client;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.hanoi.branch.api.CounterRequests;
import vn.hanoi.branch.api.CounterState;
import vn.hanoi.branch.api.Dossiers;
import vn.hanoi.branch.api.QueueSnapshot;
import vn.hanoi.branch.api.Scans;
import vn.hanoi.branch.api.Ticket;
import vn.hanoi.branch.api.TransferRequest;

/**
 * A clerk's session at a counter (a supervisor's and IT's too): calling and serving tickets, the
 * counter's state, and the dossier work that follows (declaration, reception, scans, hand-over,
 * certified copies, tracking). The agent records the staff member with every step.
 */
public final class DeskClient extends DeviceClient {
    DeskClient(Transport session) {
        super(session);
    }

    // ---- the queue at the counter ----

    /** Calls the next waiting ticket to the counter; {@code null} when nobody is waiting for it. */
    public Ticket callNext(long counterId) {
        return agent.post("counters/" + counterId + "/call-next", null, null, Ticket.class);
    }

    /** Calls one number out of turn at this counter. */
    public Ticket callNumber(long counterId, String displayNumber) {
        return agent.post("counters/" + counterId + "/call", new CounterRequests.CallNumber(displayNumber), null,
                Ticket.class);
    }

    public Ticket recall(long ticketId) {
        return step(ticketId, "recall");
    }

    public Ticket serve(long ticketId) {
        return step(ticketId, "serve");
    }

    /** Done, from CALLED or SERVING. */
    public Ticket finish(long ticketId) {
        return step(ticketId, "finish");
    }

    public Ticket noShow(long ticketId) {
        return step(ticketId, "no-show");
    }

    public Ticket cancel(long ticketId) {
        return step(ticketId, "cancel");
    }

    /** A no-show is back within the return window: the ticket waits again at its old place. */
    public Ticket returnFromNoShow(long ticketId) {
        return step(ticketId, "return");
    }

    public Ticket transfer(long ticketId, long serviceId) {
        return transfer(ticketId, new TransferRequest(serviceId, null, false));
    }

    public Ticket transfer(long ticketId, TransferRequest request) {
        return agent.post("tickets/" + ticketId + "/transfer", request, null, Ticket.class);
    }

    public Ticket setPriority(long ticketId, CounterRequests.PriorityChange change) {
        return agent.post("tickets/" + ticketId + "/priority", change, null, Ticket.class);
    }

    public QueueSnapshot.CounterStatus setCounterState(long counterId, CounterState state, String reason) {
        return agent.post("counters/" + counterId + "/state", new CounterRequests.StateChange(state, reason), null,
                QueueSnapshot.CounterStatus.class);
    }

    private Ticket step(long ticketId, String action) {
        return agent.post("tickets/" + ticketId + "/" + action, null, null, Ticket.class);
    }

    // ---- dossiers ----

    /** What the citizen declared for the ticket (the agent records the read in the audit log). */
    public Dossiers.Declaration declaration(long ticketId) {
        return agent.get("tickets/" + ticketId + "/declaration", Dossiers.Declaration.class);
    }

    /** Reception at the counter (the ticket's draft becomes the dossier, or a new one is made). */
    public Dossiers.Dossier receiveDossier(Dossiers.Reception reception) {
        return agent.post("dossiers", reception, null, Dossiers.Dossier.class);
    }

    /** A dossier with its personal data (the agent records the read in the audit log). */
    public Dossiers.Dossier dossier(long dossierId) {
        return agent.get("dossiers/" + dossierId, Dossiers.Dossier.class);
    }

    /** The tracking list, newest first; {@code state} null for all, or only the overdue ones. */
    public List<Dossiers.Summary> dossiers(Dossiers.State state, boolean overdueOnly) {
        Map<String, Object> query = new HashMap<>();
        query.put("limit", 500);
        query.put("state", state == null ? null : state.name());
        query.put("overdue", overdueOnly ? "true" : null);
        return agent.get("dossiers", query, new TypeReference<List<Dossiers.Summary>>() { });
    }

    public Dossiers.Lookup changeDossierState(long dossierId, Dossiers.State state, String noteVi, String noteEn) {
        return agent.post("dossiers/" + dossierId + "/state", new Dossiers.StateChange(state, noteVi, noteEn), null,
                Dossiers.Lookup.class);
    }

    /** The result handed over at the counter or sent home. */
    public Dossiers.Dossier handOver(long dossierId, Dossiers.HandOver handOver) {
        return agent.post("dossiers/" + dossierId + "/hand-over", handOver, null, Dossiers.Dossier.class);
    }

    /**
     * Has the agent sign the result document as the certified electronic copy and keep it; returns its
     * SHA-256 and size.
     */
    public Map<String, Object> certifyCopy(long dossierId, byte[] resultPdf) {
        return agent.pdf("PUT", "dossiers/" + dossierId + "/certified-copy", resultPdf, Map.of(),
                new TypeReference<Map<String, Object>>() { });
    }

    /** The certified electronic copy (signed PDF) of a dossier's result. */
    public byte[] certifiedCopy(long dossierId) {
        return agent.bytes("dossiers/" + dossierId + "/certified-copy", Map.of());
    }

    // ---- digitized documents ----

    /**
     * Stores one digitized document (a PDF/A) of a dossier's checklist; the agent checks the bytes
     * against {@code sha256} and answers with the stored document, the same one again on a retry.
     */
    public Scans.StoredDocument storeScan(long dossierId, String documentType, byte[] pdf, String sha256) {
        return agent.pdf("POST", "dossiers/" + dossierId + "/scans", pdf,
                Map.of(Scans.DOCUMENT_TYPE_HEADER, documentType, Scans.SHA256_HEADER, sha256),
                new TypeReference<Scans.StoredDocument>() { });
    }

    /** The digitized documents of a dossier. */
    public List<Scans.StoredDocument> scans(long dossierId) {
        return agent.get("dossiers/" + dossierId + "/scans", new TypeReference<List<Scans.StoredDocument>>() { });
    }

    /** One digitized document (PDF); the agent records the read. */
    public byte[] scan(long dossierId, long documentId) {
        return agent.bytes("dossiers/" + dossierId + "/scans/" + documentId, Map.of());
    }
}
