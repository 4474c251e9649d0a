package vn.hanoi.branch.qr;

import vn.hanoi.branch.code.BookingQr;
import vn.hanoi.branch.code.CodeSyntax;
import vn.hanoi.branch.code.DossierQr;

import vn.hanoi.branch.card.CardException;
import vn.hanoi.branch.card.CardException.Reason;
import vn.hanoi.branch.card.CitizenIdQr;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one place that decides what a scanned or typed text is. The kiosk feeds it whatever arrives
 * (serial scanner, keyboard-wedge scanner, camera, on-screen keyboard) and switches over the result.
 */
public final class ScannedCodes {
    private static final Pattern SCHEME = Pattern.compile("(?i)[a-z][a-z0-9+.-]*://.*");
    private static final Pattern TWELVE_DIGITS = Pattern.compile("\\d{12}");

    private ScannedCodes() {
    }

    /**
     * Classifies a text: a citizen ID card code ({@code 12 digits|...}), one of our links, or a
     * booking or dossier code typed bare.
     *
     * @throws CardException {@link Reason#QR_DAMAGED} for an ID card code cut short or mangled,
     *                       {@link Reason#QR_NOT_OURS} for a broken link of ours,
     *                       {@link Reason#QR_NOT_CITIZEN_ID} for anything else
     */
    public static ScannedCode parse(String text) {
        if (text == null || text.isBlank()) {
            throw new CardException(Reason.QR_NOT_CITIZEN_ID, "empty");
        }
        String s = Normalizer.normalize(text.strip(), Normalizer.Form.NFC);
        if (s.indexOf('|') >= 0) {
            return new ScannedCode.CitizenId(CitizenIdQr.parse(s));
        }
        if (TWELVE_DIGITS.matcher(s).matches()) {
            // Nothing of ours is twelve digits: this is an ID card code that stopped after its first field.
            throw new CardException(Reason.QR_DAMAGED, "1 of 7 fields");
        }
        // A link with a mangled scheme ("https:/") is still recognisably ours by its path.
        if (SCHEME.matcher(s).matches() || s.toLowerCase(Locale.ROOT).contains("/q/")) {
            return OurLinks.parse(s).<ScannedCode>map(ScannedCode.Ours::new).orElseThrow(() -> new CardException(Reason.QR_NOT_CITIZEN_ID, "a link of another site"));
        }
        // Typed codes: the agent ignores case and spaces in booking codes, so do we.
        String bare = s.toUpperCase(Locale.ROOT).replace(" ", "");
        if (CodeSyntax.DOSSIER.matcher(bare).matches()) {
            try {
                return new ScannedCode.Ours(new DossierQr(bare));
            } catch (IllegalArgumentException e) {
                throw new CardException(Reason.QR_NOT_CITIZEN_ID, "dossier-like code with an impossible date");
            }
        }
        if (CodeSyntax.BOOKING.matcher(bare).matches()) {
            return new ScannedCode.Ours(new BookingQr(bare));
        }
        throw new CardException(Reason.QR_NOT_CITIZEN_ID, "unrecognised text of " + s.length() + " characters");
    }
}
