package vn.hanoi.branch.code;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;
import java.util.regex.Pattern;

/** The character rules of our codes, shared by the builders (which refuse) and the parsers (which classify). */
public final class CodeSyntax {
    /** The agent's booking alphabet: no 0/O and 1/I, which elderly people type one for the other. */
    public static final String BOOKING_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    /** The length of the booking codes the agent issues (the kiosk's keypad takes this many). */
    public static final int BOOKING_LENGTH = 8;
    /** A booking code: {@link #BOOKING_ALPHABET}, a little longer or shorter than ours for other issuers. */
    public static final Pattern BOOKING = Pattern.compile("[A-HJ-NP-Z2-9]{6,10}");
    /** e.g. {@code HN-CN01}: letters, digits and inner hyphens; nothing a URL path would have to escape. */
    public static final Pattern BRANCH = Pattern.compile("[A-Z0-9]+(?:-[A-Z0-9]+)*");
    /** e.g. {@code 1005} or {@code B2003}. */
    public static final Pattern DISPLAY_NUMBER = Pattern.compile("[A-Z0-9]{1,10}");
    /**
     * {@code <agency>-<yyMMdd>-<sequence>}; agency codes are short ({@code HN01}), the branch code the
     * agent uses by default ({@code HN-CN01}) or dotted as in the national system ({@code 000.00.16.H26}).
     */
    public static final Pattern DOSSIER = Pattern.compile("([A-Z0-9]+(?:[.-][A-Z0-9]+)*)-(\\d{6})-(\\d{1,6})");

    public static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);
    public static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("uuMMdd").withResolverStyle(ResolverStyle.STRICT);

    private CodeSyntax() {
    }

    public static Optional<LocalDate> date(String text, DateTimeFormatter f) {
        try {
            return Optional.of(LocalDate.parse(text, f));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public static String require(String value, Pattern p, int maxLength, String what) {
        if (value == null || value.length() > maxLength || !p.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " has characters or a length a QR link cannot carry: " + value);
        }
        return value;
    }
}
