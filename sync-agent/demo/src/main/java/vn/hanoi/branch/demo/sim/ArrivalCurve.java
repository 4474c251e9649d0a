package vn.hanoi.branch.demo.sim;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * When citizens come to a Hanoi branch over the day: relative arrival rates per half hour from the
 * 7:30 opening to the 17:00 closing. The shape (not a measured series) follows what branches report
 * and what a queue at a public office looks like: a slow start, a morning peak from 8:30 to 10:30, a
 * dip over the 11:30-13:30 lunch break, a smaller afternoon peak from 14:00 to 16:00, few people in
 * the last half hour.
 */
public final class ArrivalCurve {
    public static final LocalTime OPENS = LocalTime.of(7, 30);
    public static final LocalTime CLOSES = LocalTime.of(17, 0);
    private static final int SLOT_MINUTES = 30;

    /** Relative rate of each half hour, 7:30-8:00 first. */
    private static final double[] HANOI_BRANCH = {
        4, 7, // 7:30, 8:00
        10, 11, 11, 10, // 8:30-10:30 morning peak
        7, 5, // 10:30, 11:00
        3, 2, 2, 3, // 11:30-13:30 lunch
        5, // 13:30
        7, 8, 8, 7, // 14:00-16:00 afternoon peak
        4, 2, // 16:00, 16:30
    };

    private final double[] weights;

    private ArrivalCurve(double[] weights) {
        this.weights = weights.clone();
    }

    public static ArrivalCurve hanoiBranch() {
        return new ArrivalCurve(HANOI_BRANCH);
    }

    /** Relative rate of the half hour that starts at {@code slotStart}, 0 outside opening hours. */
    public double weightAt(LocalTime slotStart) {
        int i = slotIndex(slotStart);
        return i < 0 || i >= weights.length ? 0 : weights[i];
    }

    /**
     * {@code n} arrival times in time order: each one falls in a half hour chosen with probability
     * proportional to its rate, uniformly inside it. Millisecond resolution, so the agent sees the
     * same times the simulator planned.
     */
    public List<LocalTime> sample(int n, Random random) {
        double total = Arrays.stream(weights).sum();
        double[] cumulative = new double[weights.length];
        double acc = 0;
        for (int i = 0; i < weights.length; i++) {
            acc += weights[i] / total;
            cumulative[i] = acc;
        }
        List<LocalTime> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            double u = random.nextDouble();
            int slot = 0;
            while (slot < weights.length - 1 && u > cumulative[slot]) {
                slot++;
            }
            long offsetMs = (long) (random.nextDouble() * SLOT_MINUTES * 60_000L);
            out.add(OPENS.plusMinutes((long) slot * SLOT_MINUTES).plusNanos(offsetMs * 1_000_000L));
        }
        Collections.sort(out);
        return out;
    }

    /** Arrivals per clock hour (index = hour of day, 0-23). */
    public static int[] countsPerHour(List<LocalTime> arrivals) {
        int[] counts = new int[24];
        for (LocalTime t : arrivals) {
            counts[t.getHour()]++;
        }
        return counts;
    }

    private static int slotIndex(LocalTime t) {
        int minutes = t.getHour() * 60 + t.getMinute() - (OPENS.getHour() * 60 + OPENS.getMinute());
        return minutes < 0 ? -1 : minutes / SLOT_MINUTES;
    }
}
