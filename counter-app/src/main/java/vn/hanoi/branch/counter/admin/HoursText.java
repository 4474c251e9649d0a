package vn.hanoi.branch.counter.admin;

import vn.hanoi.branch.api.BranchSettings;

import java.time.LocalTime;
import java.time.DateTimeException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A day's hours as staff type them, "07:30-17:00" (or "7:30 – 17:00"); empty means closed. */
final class HoursText {
    private static final Pattern SPAN = Pattern.compile("(\\d{1,2}):(\\d{2})\\s*[-–]\\s*(\\d{1,2}):(\\d{2})");

    private HoursText() {
    }

    /** @throws IllegalArgumentException when the text is neither empty nor a span of two times */
    static Optional<BranchSettings.Hours> parse(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = SPAN.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException(t);
        }
        try {
            return Optional.of(new BranchSettings.Hours(
                    LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))),
                    LocalTime.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)))));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(t, e);
        }
    }
}
