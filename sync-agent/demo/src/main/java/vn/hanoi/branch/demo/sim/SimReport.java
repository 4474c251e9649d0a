package vn.hanoi.branch.demo.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.hanoi.branch.agent.report.Percentiles;

/**
 * What a simulated day showed. Waits are issued → called, in minutes, per priority class and for
 * normal tickets; "PRIORITY" pools all classes. Equal for equal seeds and settings (it holds no
 * wall-clock figures), which the determinism test relies on.
 *
 * @param policy             the ordering rules, as text
 * @param waits              per class, NORMAL and PRIORITY first, then each class seen
 * @param maxOvertakenNormal largest {@code overtaken} of a normal ticket in the database after the day
 * @param overtakingBound    the configured bound, or 0 when priority is off (nothing may overtake)
 * @param estimate           estimateMinutes at issue against the real wait
 * @param lastFinish         simulated time (HH:mm) the last counter finished
 */
public record SimReport(String policy, int counters, int issued, int called, int done, int noShow,
                        int cancelledAtClose, Map<String, Waits> waits, int maxOvertakenNormal,
                        int overtakingBound, Estimate estimate, String lastFinish) {

    public static final String NORMAL = "NORMAL";
    public static final String PRIORITY = "PRIORITY";

    /** Wait of the tickets of one class that were called (no-shows included: they waited too). */
    public record Waits(int count, double p50, double p95, double max) {
        static Waits of(List<Double> minutes) {
            if (minutes.isEmpty()) {
                return new Waits(0, Double.NaN, Double.NaN, Double.NaN);
            }
            List<Double> s = new ArrayList<>(minutes);
            s.sort(null);
            return new Waits(s.size(), round(Percentiles.ofSorted(s, 50)), round(Percentiles.ofSorted(s, 95)), round(s.get(s.size() - 1)));
        }
    }

    /**
     * Error of the waiting estimate shown at issue: mean absolute error in minutes over all called
     * tickets, normal and priority ones apart (the estimate ignores priority, so priority tickets are
     * expected to be overestimated), and the mean signed error (estimate − real; above 0: too
     * pessimistic).
     */
    public record Estimate(int count, double mae, double maeNormal, double maePriority, double bias) {
    }

    public boolean boundHeld() {
        return maxOvertakenNormal <= overtakingBound;
    }

    static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    public String format() {
        return table(List.of(this));
    }

    /** Reports side by side (one column group per report), compact enough for a terminal. */
    public static String table(List<SimReport> reports) {
        StringBuilder sb = new StringBuilder();
        String colHead = reports.stream().map(r -> String.format(Locale.ROOT, " | %-27s", r.policy()))
                .reduce("", String::concat);
        sb.append(String.format(Locale.ROOT, "%-16s%s%n", "", colHead));
        sb.append(String.format(Locale.ROOT, "%-16s%s%n", "wait (min)",
                reports.stream().map(r -> String.format(Locale.ROOT, " | %5s %6s %6s %6s", "n", "p50", "p95", "max"))
                        .reduce("", String::concat)));
        List<String> classes = new ArrayList<>();
        for (SimReport r : reports) {
            for (String c : r.waits().keySet()) {
                if (!classes.contains(c)) {
                    classes.add(c);
                }
            }
        }
        for (String c : classes) {
            sb.append(String.format(Locale.ROOT, "%-16s", c));
            for (SimReport r : reports) {
                Waits w = r.waits().get(c);
                sb.append(w == null ? String.format(Locale.ROOT, " | %-27s", "-")
                        : String.format(Locale.ROOT, " | %5d %6.1f %6.1f %6.1f", w.count(), w.p50(), w.p95(), w.max()));
            }
            sb.append(System.lineSeparator());
        }
        line(sb, reports, "max overtaken", r -> r.maxOvertakenNormal() + " (bound " + r.overtakingBound()
                + ", " + (r.boundHeld() ? "held" : "BROKEN") + ")");
        line(sb, reports, "estimate MAE", r -> String.format(Locale.ROOT, "%.1f min (n %.1f, p %.1f)",
                r.estimate().mae(), r.estimate().maeNormal(), r.estimate().maePriority()));
        line(sb, reports, "estimate bias", r -> String.format(Locale.ROOT, "%+.1f min", r.estimate().bias()));
        line(sb, reports, "tickets", r -> r.issued() + " issued, " + r.counters() + " counters");
        line(sb, reports, "outcome", r -> r.done() + " done " + r.noShow() + " no-show " + r.cancelledAtClose() + " cancel");
        line(sb, reports, "last finish", SimReport::lastFinish);
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<SimReport> reports, String label,
                             java.util.function.Function<SimReport, String> cell) {
        sb.append(String.format(Locale.ROOT, "%-16s", label));
        for (SimReport r : reports) {
            sb.append(String.format(Locale.ROOT, " | %-27s", cell.apply(r)));
        }
        sb.append(System.lineSeparator());
    }
}
