package vn.hanoi.branch.api;

import java.time.Instant;

/** Digitized documents of a dossier, as the agent keeps them (one PDF/A per checklist document). */
public final class Scans {
    private Scans() {
    }

    /** The header carrying the document's checklist code on an upload. */
    public static final String DOCUMENT_TYPE_HEADER = "X-Document-Type";
    /** The header carrying the client's SHA-256 (hex) of the body; the agent refuses a body that differs. */
    public static final String SHA256_HEADER = "X-Content-SHA256";

    /**
     * One stored document. {@code uploaded} is true once the city confirmed it has the same hash (sync);
     * until then it is queued for upload.
     */
    public record StoredDocument(long id, long dossierId, String documentType, String mediaType, String sha256, long bytes,
                                 Instant storedAt, boolean uploaded) {
    }
}
