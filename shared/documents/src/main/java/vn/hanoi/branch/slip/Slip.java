package vn.hanoi.branch.slip;

import vn.hanoi.branch.code.DossierQr;
import vn.hanoi.branch.api.Dossiers.Dossier;
import vn.hanoi.branch.api.Dossiers.Procedure;
import vn.hanoi.branch.api.Dossiers.ReceivedDocument;
import vn.hanoi.branch.api.Dossiers.RequiredDocument;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A paper the clerk gives the citizen at the counter for one dossier, independent of how it is printed
 * ({@link SlipPdf} on A4/A5, {@link SlipThermal} on a receipt printer). Every text is NFC-normalised on
 * construction, so what is printed (and extracted from the PDF) is what the national database holds
 * whatever form the keyboard, the card reader or the kiosk delivered.
 *
 * <p>Personal data: the slip carries the applicant's own name (the citizen needs it, and the clerk
 * checks it when the result is collected) and phone number (so that the citizen can see the number the
 * result notice goes to), but the ID number only masked to its last four characters
 * ({@code ********1234}): a slip is carried around, photographed and left on counters, and the full
 * number is in the dossier anyway. The full number never enters a {@code Slip}: the constructor masks it.
 * {@link #toString()} leaves personal data out.
 *
 * @param documents       for {@link Kind#RECEIPT} the documents received, for {@link Kind#ADDITIONAL_DOCUMENTS}
 *                        the missing ones; may be empty for {@link Kind#REFUSAL}
 * @param idNumberMasked  the ID number masked but for its last four characters, or null
 * @param appointmentDate when the result is due; required on a receipt, not printed on the other kinds
 * @param reason          why documents are requested or the dossier is refused; on a receipt an optional remark
 * @param lookupLink      {@code new DossierQr(dossierCode).link(base)}, encoded in the slip's QR code
 */
public record Slip(Kind kind, Issuer issuer, String dossierCode, String procedureCode, String procedureNameVi,
                   String procedureNameEn, String applicantName, String idNumberMasked, String phone,
                   List<Document> documents, long feeVnd, LocalDateTime receivedAt, LocalDate appointmentDate,
                   String reason, String notes, String lookupLink) {

    /** Hanoi time: slips show the local date and time of the counter. */
    public static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
    public static final String LOOKUP_HINT_VI = "Tra cứu tình trạng hồ sơ: quét mã QR hoặc nhập mã hồ sơ tại kiosk";
    public static final String LOOKUP_HINT_EN = "Track your dossier: scan the QR code or enter the dossier code at a kiosk";
    /** Longest document name, reason or note: any one row of the slip then fits on one page. */
    public static final int MAX_NAME = 400;
    public static final int MAX_TEXT = 2000;

    /** The three slips of Circular 01/2018/TT-VPCP (forms 01, 02 and 03), titles as printed. */
    public enum Kind {
        RECEIPT("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", "Dossier receipt and appointment slip",
                "Giấy tờ đã nhận", "Documents received"),
        ADDITIONAL_DOCUMENTS("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", "Request for additional documents",
                "Giấy tờ cần bổ sung, hoàn thiện", "Documents to add or complete"),
        REFUSAL("PHIẾU TỪ CHỐI TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ", "Refusal to receive the dossier",
                "Giấy tờ đã nộp", "Documents submitted");

        private final String titleVi;
        private final String titleEn;
        private final String documentsVi;
        private final String documentsEn;

        Kind(String titleVi, String titleEn, String documentsVi, String documentsEn) {
            this.titleVi = titleVi;
            this.titleEn = titleEn;
            this.documentsVi = documentsVi;
            this.documentsEn = documentsEn;
        }

        public String titleVi() {
            return titleVi;
        }

        public String titleEn() {
            return titleEn;
        }

        /** Heading of the document list. */
        public String documentsVi() {
            return documentsVi;
        }

        public String documentsEn() {
            return documentsEn;
        }
    }

    /**
     * Who gives the slip: the branch (name and one address line), the clerk and the counter.
     *
     * @param branchAddress one line, or null
     * @param counter       the counter as people read it ("3", "Quầy 3"), or null
     */
    public record Issuer(String branchName, String branchAddress, String clerkName, String counter) {
        public Issuer {
            branchName = required(branchName, "branch name", MAX_NAME);
            branchAddress = optional(branchAddress, "branch address", MAX_NAME);
            clerkName = required(clerkName, "clerk name", MAX_NAME);
            counter = optional(counter, "counter", 40);
        }
    }

    /**
     * One line of the document list.
     *
     * @param nameEn   may be null
     * @param original the original (bản chính) rather than a copy (bản sao): handed in on a receipt,
     *                 needed on a request for documents
     */
    public record Document(String nameVi, String nameEn, boolean original) {
        public Document {
            nameVi = required(nameVi, "document name", MAX_NAME);
            nameEn = optional(nameEn, "document name (en)", MAX_NAME);
        }

        public String formVi() {
            return original ? "Bản chính" : "Bản sao";
        }

        public String formEn() {
            return original ? "Original" : "Copy";
        }
    }

    public Slip {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(issuer, "issuer");
        dossierCode = required(dossierCode, "dossier code", 40);
        DossierQr qr = new DossierQr(dossierCode);
        procedureCode = required(procedureCode, "procedure code", 40);
        procedureNameVi = required(procedureNameVi, "procedure name", MAX_NAME);
        procedureNameEn = optional(procedureNameEn, "procedure name (en)", MAX_NAME);
        applicantName = required(applicantName, "applicant name", MAX_NAME);
        idNumberMasked = maskId(idNumberMasked);
        phone = optional(phone, "phone", 40);
        documents = List.copyOf(documents == null ? List.of() : documents);
        if (feeVnd < 0) {
            throw new IllegalArgumentException("fee must not be negative: " + feeVnd);
        }
        Objects.requireNonNull(receivedAt, "received at");
        reason = optional(reason, "reason", MAX_TEXT);
        notes = optional(notes, "notes", MAX_TEXT);
        lookupLink = required(lookupLink, "lookup link", 400);
        if (!lookupLink.endsWith(qr.path()) || !lookupLink.equals(qr.link(lookupLink.substring(0,
                lookupLink.length() - qr.path().length())))) {
            throw new IllegalArgumentException("the lookup link must be DossierQr(code).link(base): " + lookupLink);
        }
        switch (kind) {
            case RECEIPT -> Objects.requireNonNull(appointmentDate, "a receipt needs the appointment date");
            case ADDITIONAL_DOCUMENTS -> {
                if (documents.isEmpty()) {
                    throw new IllegalArgumentException("a request for documents lists the missing documents");
                }
                Objects.requireNonNull(reason, "a request for documents needs a reason");
            }
            case REFUSAL -> Objects.requireNonNull(reason, "a refusal needs a reason");
        }
    }

    /** The receipt and appointment slip: the documents marked received in the dossier's checklist. */
    public static Slip receipt(Issuer issuer, Dossier dossier, Procedure procedure, String lookupBase) {
        List<Document> received = new ArrayList<>();
        Map<String, RequiredDocument> required = byCode(procedure);
        for (ReceivedDocument d : dossier.documents()) {
            if (d.received()) {
                received.add(document(d.code(), required, d.original()));
            }
        }
        return of(Kind.RECEIPT, issuer, dossier, procedure, received, dossier.feeVnd(), null, lookupBase);
    }

    /**
     * A request for the documents the checklist does not show as received: the procedure's required
     * documents not ticked, and any unticked line of the checklist, as original or copy as required.
     */
    public static Slip additionalDocuments(Issuer issuer, Dossier dossier, Procedure procedure, String reason,
                                           String lookupBase) {
        return additionalDocuments(issuer, dossier, procedure, missing(dossier, procedure), reason, lookupBase);
    }

    /** A request for the given documents. */
    public static Slip additionalDocuments(Issuer issuer, Dossier dossier, Procedure procedure, List<Document> missing,
                                           String reason, String lookupBase) {
        return of(Kind.ADDITIONAL_DOCUMENTS, issuer, dossier, procedure, missing, 0, reason, lookupBase);
    }

    /** A refusal; the slip lists no documents (they are handed back). */
    public static Slip refusal(Issuer issuer, Dossier dossier, Procedure procedure, String reason, String lookupBase) {
        return of(Kind.REFUSAL, issuer, dossier, procedure, List.of(), 0, reason, lookupBase);
    }

    /** The documents of {@code procedure} that {@code dossier}'s checklist does not show as received. */
    public static List<Document> missing(Dossier dossier, Procedure procedure) {
        Map<String, RequiredDocument> required = byCode(procedure);
        Set<String> received = new HashSet<>();
        List<Document> missing = new ArrayList<>();
        for (ReceivedDocument d : dossier.documents()) {
            if (d.received()) {
                received.add(d.code());
            }
        }
        Set<String> listed = new HashSet<>();
        if (procedure != null) {
            for (RequiredDocument r : procedure.documents()) {
                if (!received.contains(r.code()) && listed.add(r.code())) {
                    missing.add(new Document(r.nameVi(), r.nameEn(), r.original()));
                }
            }
        }
        for (ReceivedDocument d : dossier.documents()) {
            if (!d.received() && listed.add(d.code())) {
                missing.add(document(d.code(), required, d.original()));
            }
        }
        return missing;
    }

    /** {@code ********1234}: every character but the last four replaced; null or blank gives null. */
    public static String maskId(String id) {
        if (id == null || id.isBlank()) {
            return null;
        }
        String s = id.strip().replaceAll("\\s+", "");
        int keep = s.length() > 4 ? 4 : 0;
        return "*".repeat(s.length() - keep) + s.substring(s.length() - keep);
    }

    public Slip withNotes(String notes) {
        return new Slip(kind, issuer, dossierCode, procedureCode, procedureNameVi, procedureNameEn, applicantName,
                idNumberMasked, phone, documents, feeVnd, receivedAt, appointmentDate, reason, notes, lookupLink);
    }

    public Slip withDocuments(List<Document> documents) {
        return new Slip(kind, issuer, dossierCode, procedureCode, procedureNameVi, procedureNameEn, applicantName,
                idNumberMasked, phone, documents, feeVnd, receivedAt, appointmentDate, reason, notes, lookupLink);
    }

    @Override
    public String toString() {
        return "Slip[" + kind + " " + dossierCode + ", " + procedureCode + ", " + documents.size()
                + " documents, personal data withheld]";
    }

    private static Slip of(Kind kind, Issuer issuer, Dossier d, Procedure p, List<Document> documents, long fee,
                           String reason, String lookupBase) {
        Objects.requireNonNull(d.receivedAt(), "the dossier has no reception time");
        Objects.requireNonNull(d.applicant(), "the dossier has no applicant");
        // The dossier's own notes are the clerk's, possibly internal: a note for the citizen is given with withNotes.
        return new Slip(kind, issuer, d.code(), d.procedureCode(),
                p != null ? p.nameVi() : d.procedureNameVi(), p != null ? p.nameEn() : null,
                d.applicant().fullName(), d.applicant().idNumber(), d.applicant().phone(), documents, fee,
                LocalDateTime.ofInstant(d.receivedAt(), HANOI), d.appointmentDate(), reason, null,
                new DossierQr(d.code()).link(lookupBase));
    }

    private static Map<String, RequiredDocument> byCode(Procedure p) {
        Map<String, RequiredDocument> m = new HashMap<>();
        if (p != null) {
            p.documents().forEach(r -> m.putIfAbsent(r.code(), r));
        }
        return m;
    }

    private static Document document(String code, Map<String, RequiredDocument> required, boolean original) {
        RequiredDocument r = required.get(code);
        return r == null ? new Document(code, null, original) : new Document(r.nameVi(), r.nameEn(), original);
    }

    static String required(String s, String what, int max) {
        String v = optional(s, what, max);
        if (v == null) {
            throw new IllegalArgumentException(what + " is required");
        }
        return v;
    }

    /** NFC, runs of white space and control characters (line breaks too) made one space, stripped; blank gives null. */
    static String optional(String s, String what, int max) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String v = Normalizer.normalize(s, Normalizer.Form.NFC).replaceAll("[\\s\\p{Cc}]+", " ").strip();
        if (v.codePointCount(0, v.length()) > max) {
            throw new IllegalArgumentException(what + " is longer than " + max + " characters");
        }
        return v;
    }
}
