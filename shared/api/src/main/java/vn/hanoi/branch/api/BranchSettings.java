package vn.hanoi.branch.api;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/**
 * What supervisors and IT change in the administration screens while the branch works: services (names,
 * hours per weekday, active), counters (names, the services they serve in order) and the hall's notices.
 * The agent applies each with the same rules as {@code branch-agent setup}, audits it and tells every
 * kiosk, counter and hall screen ({@link QueueEvent#CONFIG_CHANGED}).
 */
public final class BranchSettings {
    private BranchSettings() {
    }

    /** One day's hours, {@code opens} before {@code closes}. */
    public record Hours(LocalTime opens, LocalTime closes) {
    }

    /** A service; {@code hours} per weekday, a missing day is closed. Numbering stays the setup file's. */
    public record Service(String code, String prefix, String nameVi, String nameEn, Map<DayOfWeek, Hours> hours,
                          boolean active) {
    }

    /** A counter; {@code services}: service codes, the one it calls first first. */
    public record Counter(int number, String nameVi, String nameEn, List<String> services, boolean active) {
    }

    /** One notice of the hall screen's ticker. */
    public record Notice(String vi, String en) {
    }

    /** The ticker, in order; empty: the agent's setting {@code hall.notices} applies. */
    public record Notices(List<Notice> notices) {
    }
}
