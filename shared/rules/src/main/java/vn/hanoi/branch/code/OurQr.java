package vn.hanoi.branch.code;

import java.util.Locale;

/**
 * A code the branch prints (ticket, booking confirmation, dossier appointment slip). The payload is
 * an https link so that a citizen's phone camera opens the public lookup page; the kiosk reads the
 * same link and only looks at the {@code /q/<kind>/...} part, so the lookup site can move without
 * reprinting anything.
 */
public sealed interface OurQr permits TicketQr, BookingQr, DossierQr {

    /** Placeholder host until the city assigns the lookup site; configure the real one per branch. */
    String DEFAULT_BASE = "https://tracuu.hcc.hanoi.example";

    /** The path after the base, starting with {@code /q/}. */
    String path();

    /** The payload to print: {@code base + path()}. */
    default String link(String base) {
        return normaliseBase(base) + path();
    }

    default String link() {
        return link(DEFAULT_BASE);
    }

    /**
     * Checks a configured base and drops a trailing slash. Only http(s): a phone must open it as a web
     * page, and anything else in a printed code would look like a phishing attempt.
     */
    static String normaliseBase(String base) {
        if (base == null || base.isBlank()) {
            throw new IllegalArgumentException("QR link base is required");
        }
        String b = base.strip();
        while (b.endsWith("/")) {
            b = b.substring(0, b.length() - 1);
        }
        String lower = b.toLowerCase(Locale.ROOT);
        boolean http = lower.startsWith("https://") || lower.startsWith("http://");
        if (!http || b.indexOf("://") + 3 >= b.length() || b.contains("?") || b.contains("#") || b.contains(" ")) {
            throw new IllegalArgumentException("QR link base must be an http(s) address without query: " + base);
        }
        return b;
    }
}
