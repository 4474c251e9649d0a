package vn.hanoi.branch.agent.setup;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import vn.hanoi.branch.agent.branch.HallNotices;

/**
 * A branch's whole configuration as IT writes it in the setup file and as {@code export-config} writes it
 * back: who the branch is, its services (queues), counters, priority classes, hall notices and the
 * satisfaction target. The same records serve the administration screens, which change one entity at a
 * time through {@code with…} and then apply the whole through {@link BranchConfiguration}, so the file and
 * the screens go through one set of rules ({@link SetupRules}).
 *
 * <p>{@code priorityClasses} and {@code hallNotices} may be null: "leave them as they are" (a file that
 * only sets up services does not wipe the priority groups the agent ships with). Entities are keyed by
 * code (services, priority classes) and number (counters); one that disappears from the file is
 * deactivated, never deleted, because tickets and reports refer to it.
 */
public record BranchSetup(Identity branch, List<Service> services, List<Counter> counters,
                          List<PriorityClass> priorityClasses, List<HallNotices.Notice> hallNotices,
                          Integer satisfactionTargetPercent) {

    public BranchSetup {
        services = List.copyOf(services);
        counters = List.copyOf(counters);
        priorityClasses = priorityClasses == null ? null : List.copyOf(priorityClasses);
        hallNotices = hallNotices == null ? null : List.copyOf(hallNotices);
    }

    /**
     * Who the branch is. {@code agencyCode} is the agency part of dossier codes (empty: the branch code);
     * {@code timeZone} an IANA zone such as Asia/Ho_Chi_Minh.
     */
    public record Identity(String code, String agencyCode, String nameVi, String nameEn, String address,
                           String timeZone) {
    }

    /**
     * A queue. Display numbers are {@code prefix + number}, numbers run from {@code numberStart} to
     * {@code numberEnd}. {@code hours}: when tickets may be taken, per weekday (a missing day: closed).
     * {@code dailyCap}: at most this many tickets a day (null: the number range is the only limit);
     * {@code bookingSharePercent}: the part of the cap kept for online bookings.
     */
    public record Service(String code, String prefix, String nameVi, String nameEn, int numberStart, int numberEnd,
                          Map<DayOfWeek, Hours> hours, boolean greenChannel, Integer dailyCap,
                          int bookingSharePercent, boolean active) {
        public Service {
            hours = hours == null ? Map.of() : Map.copyOf(hours);
        }

        public Service withActive(boolean value) {
            return new Service(code, prefix, nameVi, nameEn, numberStart, numberEnd, hours, greenChannel, dailyCap,
                    bookingSharePercent, value);
        }

        public Service withHours(Map<DayOfWeek, Hours> value) {
            return new Service(code, prefix, nameVi, nameEn, numberStart, numberEnd, value, greenChannel, dailyCap,
                    bookingSharePercent, active);
        }
    }

    /** Opening hours of one day, {@code opens} before {@code closes}. */
    public record Hours(LocalTime opens, LocalTime closes) {
        /** The setup file's name of a weekday: mon, tue, … sun. */
        public static String dayKey(DayOfWeek day) {
            return day.name().substring(0, 3).toLowerCase(java.util.Locale.ROOT);
        }

        /** "07:30-17:00", the form the setup file uses. */
        @Override
        public String toString() {
            return opens + "-" + closes;
        }
    }

    /** A counter (quầy); {@code services}: service codes, the one it serves first first. */
    public record Counter(int number, String nameVi, String nameEn, String area, List<String> services,
                          boolean active) {
        public Counter {
            area = area == null ? "" : area;
            services = List.copyOf(services);
        }

        public Counter withActive(boolean value) {
            return new Counter(number, nameVi, nameEn, area, services, value);
        }
    }

    /**
     * A priority group. {@code minAge}: given automatically from the ID card at this age (null: declared at
     * the kiosk, confirmed by the clerk). {@code sort}: the kiosk's order.
     */
    public record PriorityClass(String code, String nameVi, String nameEn, Integer minAge, int sort,
                                boolean active) {
    }

    public BranchSetup withBranch(Identity value) {
        return new BranchSetup(value, services, counters, priorityClasses, hallNotices, satisfactionTargetPercent);
    }

    /** This configuration with {@code s} replacing the service of the same code, or added after the others. */
    public BranchSetup withService(Service s) {
        return new BranchSetup(branch, replace(services, s, Service::code), counters, priorityClasses, hallNotices,
                satisfactionTargetPercent);
    }

    /** This configuration with {@code c} replacing the counter of the same number, or added. */
    public BranchSetup withCounter(Counter c) {
        return new BranchSetup(branch, services, replace(counters, c, Counter::number), priorityClasses, hallNotices,
                satisfactionTargetPercent);
    }

    public BranchSetup withPriorityClass(PriorityClass p) {
        return new BranchSetup(branch, services, counters,
                replace(priorityClasses == null ? List.of() : priorityClasses, p, PriorityClass::code), hallNotices,
                satisfactionTargetPercent);
    }

    public BranchSetup withHallNotices(List<HallNotices.Notice> value) {
        return new BranchSetup(branch, services, counters, priorityClasses, value, satisfactionTargetPercent);
    }

    public BranchSetup withSatisfactionTarget(Integer percent) {
        return new BranchSetup(branch, services, counters, priorityClasses, hallNotices, percent);
    }

    private static <T, K> List<T> replace(List<T> list, T item, Function<T, K> key) {
        List<T> out = new ArrayList<>(list);
        for (int i = 0; i < out.size(); i++) {
            if (key.apply(out.get(i)).equals(key.apply(item))) {
                out.set(i, item);
                return out;
            }
        }
        out.add(item);
        return out;
    }
}
