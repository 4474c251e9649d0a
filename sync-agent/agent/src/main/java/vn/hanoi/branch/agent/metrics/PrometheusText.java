package vn.hanoi.branch.agent.metrics;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntToLongFunction;

/** Builds a Prometheus text exposition (format 0.0.4): HELP and TYPE lines, samples with escaped labels. */
final class PrometheusText {
    private final StringBuilder out = new StringBuilder(4096);

    void header(String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(help.replace("\\", "\\\\").replace("\n", "\\n")).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    void gauge(String name, String help, double value) {
        header(name, "gauge", help);
        sample(name, Map.of(), value);
    }

    /** A cumulative histogram: {@code bucket.applyAsLong(i)} observations were at most {@code bounds[i]}. */
    void histogram(String name, String help, double[] bounds, IntToLongFunction bucket, long count, double sum) {
        header(name, "histogram", help);
        for (int i = 0; i < bounds.length; i++) {
            sample(name + "_bucket", Map.of("le", number(bounds[i])), bucket.applyAsLong(i));
        }
        sample(name + "_bucket", Map.of("le", "+Inf"), count);
        sample(name + "_sum", Map.of(), sum);
        sample(name + "_count", Map.of(), count);
    }

    void sample(String name, Map<String, String> labels, double value) {
        out.append(name);
        if (!labels.isEmpty()) {
            out.append('{');
            String sep = "";
            for (Map.Entry<String, String> l : new TreeMap<>(labels).entrySet()) {
                out.append(sep).append(l.getKey()).append("=\"").append(l.getValue().replace("\\", "\\\\")
                        .replace("\"", "\\\"").replace("\n", "\\n")).append('"');
                sep = ",";
            }
            out.append('}');
        }
        out.append(' ').append(number(value)).append('\n');
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
