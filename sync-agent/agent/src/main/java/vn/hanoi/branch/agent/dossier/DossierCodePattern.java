package vn.hanoi.branch.agent.dossier;

import vn.hanoi.branch.code.DossierQr;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The branch's dossier code pattern ({@code dossier.code.pattern}), default
 * {@code {agency}-{date:yyMMdd}-{seq:4}} as in the national practice: {@code {agency}} the agency code,
 * {@code {date:FORMAT}} the reception day, {@code {seq:N}} the day's sequence zero-padded to N digits.
 * A pattern must keep the code readable by the kiosk's lookup and printable in the slip's QR link, so
 * it is checked at start against a sample code.
 */
public final class DossierCodePattern {
    public static final String DEFAULT = "{agency}-{date:yyMMdd}-{seq:4}";
    private static final Pattern PART = Pattern.compile("\\{(agency|date:([^}]+)|seq(?::(\\d))?)}");

    private final String pattern;

    public DossierCodePattern(String pattern) {
        this.pattern = pattern == null || pattern.isBlank() ? DEFAULT : pattern.strip();
        if (!this.pattern.contains("{seq")) {
            throw new IllegalArgumentException("dossier.code.pattern needs {seq} (the day's sequence): " + this.pattern);
        }
        String sample = format("HN-CN01", LocalDate.of(2026, 11, 23), 1);
        try {
            new DossierQr(sample);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("dossier.code.pattern " + this.pattern + " makes codes like " + sample
                    + " that the lookup and the slip's QR cannot carry: keep <agency>-<yyMMdd>-<seq>", e);
        }
    }

    public String format(String agency, LocalDate day, int seq) {
        Matcher m = PART.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value;
            if (m.group(1).equals("agency")) {
                value = agency;
            } else if (m.group(2) != null) {
                value = DateTimeFormatter.ofPattern(m.group(2)).format(day);
            } else {
                int width = m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
                value = String.format("%0" + width + "d", seq);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
