package vn.hanoi.branch.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Citizens' satisfaction with a served ticket: three levels and an optional reason, asked on the
 * counter's customer-facing window or (later) at the kiosk by the ticket's QR. The city's target is a
 * share of satisfied answers (very satisfied + satisfied) of at least {@link #TARGET_PERCENT}.
 */
public final class Ratings {
    /** The city's target: satisfied answers (very satisfied + satisfied) out of all answers, in percent. */
    public static final int TARGET_PERCENT = 95;
    /** Longest free-text reason the agent keeps (characters, after trimming). */
    public static final int MAX_REASON_TEXT = 200;

    private Ratings() {
    }

    /** The three answers the city asks for, with what the citizen reads. */
    public enum Level {
        VERY_SATISFIED("Rất hài lòng", "Very satisfied"),
        SATISFIED("Hài lòng", "Satisfied"),
        NOT_SATISFIED("Không hài lòng", "Not satisfied");

        public final String textVi;
        public final String textEn;

        Level(String textVi, String textEn) {
            this.textVi = textVi;
            this.textEn = textEn;
        }

        /** Very satisfied and satisfied count towards the target. */
        public boolean satisfied() {
            return this != NOT_SATISFIED;
        }
    }

    /** The fixed list of reasons a citizen can pick (mostly after "not satisfied"). */
    public enum Reason {
        WAITED_TOO_LONG("Chờ quá lâu", "Waited too long"),
        STAFF_ATTITUDE("Thái độ cán bộ", "Staff attitude"),
        UNCLEAR_GUIDANCE("Hướng dẫn chưa rõ ràng", "Unclear guidance"),
        PROCEDURE_TOO_COMPLEX("Thủ tục phức tạp", "Procedure too complex"),
        OTHER("Lý do khác", "Other");

        public final String textVi;
        public final String textEn;

        Reason(String textVi, String textEn) {
            this.textVi = textVi;
            this.textEn = textEn;
        }
    }

    /**
     * What the citizen answered. Sending the same answer again for the same ticket (a retry after a
     * lost reply) is answered with the stored rating; a different answer is refused (409).
     *
     * @param reason     a reason from the list, or null
     * @param reasonText the citizen's own words (at most {@link #MAX_REASON_TEXT} characters), or null
     */
    public record RatingRequest(Level level, Reason reason, String reasonText) {
        public static RatingRequest of(Level level) {
            return new RatingRequest(level, null, null);
        }
    }

    /**
     * A stored rating. Counter and service are copied from the ticket when it was rated.
     *
     * @param deviceKind KIOSK or COUNTER: where the citizen answered
     */
    public record Rating(long id, long ticketId, String displayNumber, LocalDate businessDay, Level level,
                         Reason reason, String reasonText, Long counterId, Integer counterNumber, long serviceId,
                         String serviceCode, long deviceId, DeviceKind deviceKind, Instant ratedAt) {
    }

    /**
     * Answers of one group (the whole period, a counter, a service).
     *
     * @param satisfiedPercent (very satisfied + satisfied) / total in percent, rounded down to 0.1; null without answers
     * @param meetsTarget      satisfied share ≥ the target (exact, not from the rounded percent); null without answers
     */
    public record Counts(int verySatisfied, int satisfied, int notSatisfied, int total, Double satisfiedPercent,
                         Boolean meetsTarget) {
    }

    public record ByCounter(long counterId, int counterNumber, String nameVi, String nameEn, Counts counts) {
    }

    public record ByService(long serviceId, String serviceCode, String nameVi, String nameEn, Counts counts) {
    }

    /** How often a reason was picked; most frequent first. */
    public record ReasonCount(Reason reason, String textVi, String textEn, int count) {
    }

    /** A reason the citizen wrote in their own words (no ticket number: supervisors read them as a list). */
    public record Comment(LocalDate businessDay, Level level, Reason reason, String text, Integer counterNumber,
                          String serviceCode) {
    }

    /**
     * Ratings of the business days {@code from}..{@code to} (both included).
     *
     * @param targetPercent the city's target the {@code meetsTarget} flags compare against
     * @param comments      the latest free-text reasons, newest first (at most 100)
     */
    public record Summary(LocalDate from, LocalDate to, int targetPercent, Counts overall, List<ByCounter> byCounter,
                          List<ByService> byService, List<ReasonCount> reasons, List<Comment> comments) {
    }
}
