package vn.hanoi.branch.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Administrative procedures, their declaration forms (defined as data), and dossiers as the kiosk and
 * the counter see them.
 */
public final class Dossiers {
    private Dossiers() {
    }

    /** What a form field holds; drives the on-screen keyboard and the validation. */
    public enum FieldKind { TEXT, DATE, ID_NUMBER, PHONE, CHOICE }

    /** Card data a field is prefilled from when the citizen tapped or scanned the ID card. */
    public enum CardField { FULL_NAME, DATE_OF_BIRTH, ID_NUMBER, SEX, PERMANENT_ADDRESS, PLACE_OF_ORIGIN }

    /**
     * @param pattern   a regular expression the whole value must match, or null
     * @param maxLength longest accepted value
     * @param choices   accepted values of a CHOICE field
     * @param prefill   the card field it is filled from, or null
     */
    public record FormField(String key, String labelVi, String labelEn, FieldKind kind, boolean required,
                            String pattern, int maxLength, List<String> choices, CardField prefill) {
    }

    /** @param original true when the original is needed, false when a copy will do */
    public record RequiredDocument(String code, String nameVi, String nameEn, boolean original) {
    }

    /**
     * A procedure of the national procedure database as this branch offers it.
     *
     * @param code           national procedure code, e.g. {@code 1.001193}
     * @param serviceCode    the queue service whose counters receive it
     * @param department     the competent department that decides, or null
     * @param processingDays legal processing time in working days
     * @param sample         true for the bundled sample catalog (not official data)
     */
    public record Procedure(String code, String nameVi, String nameEn, String serviceCode, String department,
                            int processingDays,
                            long feeVnd, List<FormField> form, List<RequiredDocument> documents, boolean sample) {
    }

    public enum State {
        DRAFT, RECEIVED, SENT_TO_DEPARTMENT, PROCESSING, ADDITIONAL_DOCUMENTS_REQUESTED, RESULT_READY,
        RETURNED, DELIVERED, REFUSED
    }

    /**
     * A self-declaration sent by the kiosk for a ticket.
     *
     * @param fromCard true when the citizen's ID card was read; prefilled card fields are then trusted
     */
    public record DeclarationRequest(String procedureCode, Map<String, String> values, boolean fromCard) {
    }

    /** The draft dossier of a ticket, with the personal data the citizen declared; staff only, audited. */
    public record Declaration(long dossierId, long ticketId, String procedureCode, String procedureNameVi,
                              Map<String, String> values, boolean fromCard, Instant declaredAt) {
    }

    /** One step in a dossier's history. */
    public record Event(Instant at, State state, String noteVi, String noteEn) {
    }

    /** What anyone holding the dossier code may see: no personal data. */
    public record Lookup(String code, String procedureCode, String procedureNameVi, String procedureNameEn,
                         State state, LocalDate appointmentDate, List<Event> history) {
    }

    /** A status change by hand, with a note for the citizen's view of the history. */
    public record StateChange(State state, String noteVi, String noteEn) {
    }

    /** The person the dossier is for, as the clerk confirmed it (from the card, the declaration, or typed). */
    public record Applicant(String fullName, String idNumber, LocalDate dateOfBirth, String phone, String address) {
        @Override
        public String toString() {
            return "Applicant[personal data withheld]";
        }
    }

    /** One line of the checklist: a required document and how it was handed in. */
    public record ReceivedDocument(String code, boolean received, boolean original) {
    }

    /**
     * Reception at the counter. With a ticket whose citizen declared at the kiosk, the draft becomes
     * this dossier; otherwise a new one is made.
     *
     * @param online true when the citizen submitted online and brings the papers (counted in reports)
     */
    public record Reception(Long ticketId, String procedureCode, Applicant applicant, List<ReceivedDocument> documents,
                            long feeVnd, String notes, boolean online) {
    }

    /**
     * A dossier as staff see it: personal data included, every read audited by the agent.
     *
     * @param certifiedCopySha256 the SHA-256 of the certified electronic copy of the result, or null
     * @param trackingCode        the home delivery's tracking code, or null
     */
    public record Dossier(long id, String code, Long ticketId, String procedureCode, String procedureNameVi,
                          State state, Applicant applicant, List<ReceivedDocument> documents, long feeVnd,
                          String notes, boolean online, Instant receivedAt, LocalDate appointmentDate,
                          Boolean onTime, Map<String, String> declaration, List<Event> history,
                          String certifiedCopySha256, String trackingCode) {
    }

    /** How the result leaves the branch: handed over at the counter, or sent to the citizen's home. */
    public enum HandOverMethod { COUNTER, HOME }

    /** @param deliveryAddress required for HOME */
    public record HandOver(HandOverMethod method, String deliveryAddress, String phone) {
    }

    /** A line of the tracking list: no personal data. {@code onTime} is null while the date is ahead. */
    public record Summary(long id, String code, String procedureCode, String procedureNameVi, State state,
                          LocalDate appointmentDate, Boolean onTime) {
    }
}
