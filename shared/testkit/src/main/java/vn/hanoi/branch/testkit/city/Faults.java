package vn.hanoi.branch.testkit.city;

import java.util.Map;
import java.util.Random;

/**
 * What the city simulator does wrong, on purpose: each rate is the chance (0..1) that one request to the
 * city API meets that fault. Changed while it runs ({@code POST /sim/faults}, or from a test).
 */
public final class Faults {
    /** Added to every answer. */
    public volatile int latencyMs;
    /** Answer 500 without doing anything. */
    public volatile double errorRate;
    /** Hold the request for {@link #timeoutMs} (longer than the branch waits), then answer. */
    public volatile double timeoutRate;
    public volatile int timeoutMs = 15_000;
    /** Cut the connection before doing anything (connection reset). */
    public volatile double resetRate;
    /** Do the work, then cut the connection instead of answering: the branch must resend, the city dedupe. */
    public volatile double lostAnswerRate;
    /** Pulls: deliver items twice (in the page, and again from the previous cursor). */
    public volatile double duplicateRate;
    /** Pulls: shuffle the items of a page. */
    public volatile boolean outOfOrder;
    /** Uploads: read chunk bodies at most this fast (0 = no limit). */
    public volatile int slowUploadKbps;

    private final Random random;

    public Faults(long seed) {
        this.random = new Random(seed);
    }

    public synchronized boolean roll(double rate) {
        return rate > 0 && random.nextDouble() < rate;
    }

    public synchronized int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /** Applies settings by name (the command line's and the admin endpoint's); unknown names are refused. */
    public void set(Map<String, ?> settings) {
        settings.forEach((k, v) -> {
            String s = String.valueOf(v);
            switch (k) {
                case "latencyMs" -> latencyMs = Integer.parseInt(s);
                case "errorRate" -> errorRate = Double.parseDouble(s);
                case "timeoutRate" -> timeoutRate = Double.parseDouble(s);
                case "timeoutMs" -> timeoutMs = Integer.parseInt(s);
                case "resetRate" -> resetRate = Double.parseDouble(s);
                case "lostAnswerRate" -> lostAnswerRate = Double.parseDouble(s);
                case "duplicateRate" -> duplicateRate = Double.parseDouble(s);
                case "outOfOrder" -> outOfOrder = Boolean.parseBoolean(s);
                case "slowUploadKbps" -> slowUploadKbps = Integer.parseInt(s);
                default -> throw new IllegalArgumentException("unknown fault " + k);
            }
        });
    }

    /** No faults at all. */
    public void clear() {
        latencyMs = 0;
        errorRate = 0;
        timeoutRate = 0;
        resetRate = 0;
        lostAnswerRate = 0;
        duplicateRate = 0;
        outOfOrder = false;
        slowUploadKbps = 0;
    }

    public Map<String, Object> asMap() {
        return Map.of("latencyMs", latencyMs, "errorRate", errorRate, "timeoutRate", timeoutRate, "timeoutMs", timeoutMs,
                "resetRate", resetRate, "lostAnswerRate", lostAnswerRate, "duplicateRate", duplicateRate,
                "outOfOrder", outOfOrder, "slowUploadKbps", slowUploadKbps);
    }
}
