package vn.hanoi.branch.pdf;

import java.time.Instant;

/**
 * What a stored document says about itself (PDF/A metadata): the dossier, which checklist document it
 * is, who scanned it and when. {@code clerk} is the staff user name, not the citizen: no personal data of
 * the citizen goes into the metadata.
 */
public record DocumentMeta(String dossierCode, String documentType, String documentName, String clerk, Instant scannedAt) {
}
