package vn.hanoi.branch.qr;

import vn.hanoi.branch.code.BookingQr;
import vn.hanoi.branch.code.CodeSyntax;
import vn.hanoi.branch.code.DossierQr;
import vn.hanoi.branch.code.OurQr;
import vn.hanoi.branch.code.TicketQr;

import vn.hanoi.branch.card.CardException;
import vn.hanoi.branch.card.CardException.Reason;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads our links back. Any base is accepted: codes printed before the lookup site moved, or by a
 * branch configured with another host, must still work at every kiosk, so only the path after
 * {@code /q/} decides.
 */
final class OurLinks {
    /** Scheme, authority, path; query and fragment (added by link shorteners or phones) are ignored. */
    private static final Pattern URL = Pattern.compile("(?i)https?://[^/?#\\s]+(/[^?#]*)?(?:[?#].*)?");
    private static final String MARKER = "/q/";

    private OurLinks() {
    }

    /**
     * @return empty when the text is a web link but not one of ours
     * @throws CardException {@link Reason#QR_NOT_OURS} when it is one of ours but broken or cut short
     */
    static Optional<OurQr> parse(String text) {
        Matcher url = URL.matcher(text);
        if (!url.matches()) {
            // Not even a well-formed link: ours only if the marker survived.
            if (text.toLowerCase(Locale.ROOT).contains(MARKER)) {
                throw broken("not a well-formed link");
            }
            return Optional.empty();
        }
        String path = url.group(1) == null ? "" : url.group(1);
        // Case-insensitive: a keyboard-wedge scanner with Caps Lock on sends the link in capitals.
        int at = path.toLowerCase(Locale.ROOT).indexOf(MARKER);
        if (at < 0) {
            return Optional.empty();
        }
        String rest = path.substring(at + MARKER.length());
        while (rest.endsWith("/")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        String[] parts = rest.split("/", -1);
        String kind = parts[0].toLowerCase(Locale.ROOT);
        return Optional.of(switch (kind) {
            case "t" -> ticket(parts);
            case "b" -> booking(parts);
            case "d" -> dossier(parts);
            default -> throw broken(kind.isEmpty() ? "no kind after /q/" : "unknown kind");
        });
    }

    private static TicketQr ticket(String[] p) {
        if (p.length != 4) {
            throw broken("ticket link with " + (p.length - 1) + " of 3 parts");
        }
        String branch = p[1].toUpperCase(Locale.ROOT);
        String number = p[3].toUpperCase(Locale.ROOT);
        LocalDate day = CodeSyntax.date(p[2], CodeSyntax.DAY).orElseThrow(() -> broken("ticket day is not yyyyMMdd"));
        if (!CodeSyntax.BRANCH.matcher(branch).matches() || branch.length() > 20) {
            throw broken("ticket branch code malformed");
        }
        if (!CodeSyntax.DISPLAY_NUMBER.matcher(number).matches()) {
            throw broken("ticket number malformed");
        }
        return new TicketQr(branch, day, number);
    }

    private static BookingQr booking(String[] p) {
        String code = p.length == 2 ? p[1].toUpperCase(Locale.ROOT) : "";
        if (!CodeSyntax.BOOKING.matcher(code).matches()) {
            throw broken("booking link malformed");
        }
        return new BookingQr(code);
    }

    private static DossierQr dossier(String[] p) {
        String code = p.length == 2 ? p[1].toUpperCase(Locale.ROOT) : "";
        try {
            return new DossierQr(code);
        } catch (IllegalArgumentException e) {
            throw broken("dossier link malformed");
        }
    }

    private static CardException broken(String detail) {
        return new CardException(Reason.QR_NOT_OURS, detail);
    }
}
