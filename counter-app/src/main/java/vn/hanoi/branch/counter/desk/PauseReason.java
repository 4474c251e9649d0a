package vn.hanoi.branch.counter.desk;

/** Why a clerk pauses; OTHER comes with the clerk's own words. */
public enum PauseReason {
    BREAK("Nghỉ giải lao / Break"), MEETING("Họp / Meeting"), TECHNICAL("Sự cố kỹ thuật / Technical problem"),
    OTHER("Khác / Other");

    /** What the agent stores and supervisors read: both languages, no code to look up. */
    public final String text;

    PauseReason(String text) {
        this.text = text;
    }

    /** The reason as the agent stores it, with the clerk's words for OTHER. */
    String withWords(String otherText) {
        if (this != OTHER || otherText == null || otherText.isBlank()) {
            return text;
        }
        return text + ": " + otherText.trim();
    }
}
