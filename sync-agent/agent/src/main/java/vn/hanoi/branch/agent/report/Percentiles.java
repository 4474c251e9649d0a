package vn.hanoi.branch.agent.report;

import java.util.Arrays;

/**
 * Nearest-rank percentiles: the p-th percentile of n values sorted ascending is the value at rank
 * ⌈p/100 · n⌉ (1-based). It is always one of the measured values (no interpolation), the 50th of
 * {1, 2, 3, 4} is 2 and the 90th of ten values is the 9th. Empty: none. The reports use it, and so
 * does the day simulator, so that its waits read like the supervisors' figures.
 */
public final class Percentiles {
    private Percentiles() {
    }

    /** Growable list of durations (milliseconds). */
    static final class Values {
        private long[] v = new long[16];
        private int n;

        void add(long x) {
            if (n == v.length) {
                v = Arrays.copyOf(v, n * 2);
            }
            v[n++] = x;
        }

        int size() {
            return n;
        }

        /** Sorts in place and returns the given percentiles (null for none). */
        Long[] percentiles(int... ps) {
            Arrays.sort(v, 0, n);
            Long[] out = new Long[ps.length];
            for (int i = 0; i < ps.length; i++) {
                out[i] = n == 0 ? null : v[rank(ps[i], n) - 1];
            }
            return out;
        }
    }

    /** The 1-based nearest rank of the p-th percentile among n values (n ≥ 1, 0 < p ≤ 100). */
    public static int rank(int p, int n) {
        if (p <= 0 || p > 100 || n < 1) {
            throw new IllegalArgumentException("p=" + p + " n=" + n);
        }
        // ceil(p * n / 100) in integers: exact, no floating point at the boundaries
        return Math.max(1, (int) ((p * (long) n + 99) / 100));
    }

    /** The p-th percentile of values already sorted ascending (not empty). */
    public static double ofSorted(java.util.List<Double> sorted, int p) {
        return sorted.get(rank(p, sorted.size()) - 1);
    }

    static long of(int p, long... values) {
        Values v = new Values();
        for (long x : values) {
            v.add(x);
        }
        return v.percentiles(p)[0];
    }
}
