package vn.hanoi.branch.agent.http;

import io.javalin.http.Context;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * Requests answered, by method, route (the path template, so ids do not make new series) and status, with
 * the time they took: what the metrics endpoint exposes. Recorded once per request when it is done.
 */
public final class RequestStats {
    /** One series: method, route template and status. */
    public record Key(String method, String route, int status) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = route.compareTo(o.route);
            if (c == 0) {
                c = method.compareTo(o.method);
            }
            return c != 0 ? c : Integer.compare(status, o.status);
        }
    }

    /** Count and total seconds of one series. */
    public record Totals(long count, double seconds) {
    }

    private final Map<Key, LongAdder> counts = new ConcurrentHashMap<>();
    private final Map<Key, DoubleAdder> seconds = new ConcurrentHashMap<>();

    void record(Context ctx, float millis) {
        String route;
        try {
            route = ctx.endpointHandlerPath();
        } catch (IllegalStateException refusedBeforeMatching) {
            route = null; // e.g. a body too large, refused before any endpoint was matched
        }
        if (route == null || route.isBlank() || route.equals("*")) {
            route = ctx.path().startsWith("/hall") ? "/hall" : "unmatched"; // 404s must not make a series per path
        }
        Key k = new Key(ctx.method().name(), route, ctx.statusCode());
        counts.computeIfAbsent(k, x -> new LongAdder()).increment();
        seconds.computeIfAbsent(k, x -> new DoubleAdder()).add(millis / 1000.0);
    }

    /** Every series so far, in a stable order. */
    public Map<Key, Totals> snapshot() {
        Map<Key, Totals> out = new TreeMap<>();
        counts.forEach((k, n) -> out.put(k, new Totals(n.sum(), seconds.get(k).sum())));
        return out;
    }
}
