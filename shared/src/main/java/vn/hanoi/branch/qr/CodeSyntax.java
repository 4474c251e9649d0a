package vn.hanoi.branch.qr;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;
import java.util.regex.Pattern;

/** The character rules of our codes, shared by the builders (which refuse) and the parsers (which classify). */
final class CodeSyntax {
    /** The agent's booking alphabet: no 0/O and 1/I, which elderly people type one for the other. */
    static final Pattern BOOKING = Pattern.compile("[A-HJ-NP-Z2-9]{6,10}");
    /** e.g. {@code HN-CN01}: letters, digits and inner hyphens; nothing a URL path would have to escape. */
    static final Pattern BRANCH = Pattern.compile("[A-Z0-9]+(?:-[A-Z0-9]+)*");
    /** e.g. {@code 1005} or {@code B2003}. */
    static final Pattern DISPLAY_NUMBER = Pattern.compile("[A-Z0-9]{1,10}");
    /**
     * {@code <agency>-<yyMMdd>-<sequence>}; agency codes are short ({@code HN01}), the branch code the
     * agent uses by default ({@code HN-CN01}) or dotted as in the national system ({@code 000.00.16.H26}).
     */
    static final Pattern DOSSIER = Pattern.compile("([A-Z0-9]+(?:[.-][A-Z0-9]+)*)-(\\d{6})-(\\d{1,6})");

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);
    static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("uuMMdd").withResolverStyle(ResolverStyle.STRICT);

    private CodeSyntax() {
    }

    static Optional<LocalDate> date(String text, DateTimeFormatter f) {
        try {
            return Optional.of(LocalDate.parse(text, f));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static String require(String value, Pattern p, int maxLength, String what) {
        if (value == null || value.length() > maxLength || !p.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " has characters or a length a QR link cannot carry: " + value);
        }
        return value;
    }
}
