package vn.hanoi.branch.card;

import vn.hanoi.branch.i18n.I18n;

import java.util.Locale;

/**
 * Something at the kiosk's card reader or QR scanner did not give us a citizen's data. Every reason
 * is a normal event at a kiosk and has a message for the citizen (what happened, what to do) in
 * Vietnamese and English, from the {@code card} bundle. The detail is for logs and carries no
 * personal data.
 */
public class CardException extends RuntimeException {

    public enum Reason {
        /** The scanned code is not from an ID card (and not one of ours). */
        QR_NOT_CITIZEN_ID,
        /** An ID card code, but partly read or mangled. */
        QR_DAMAGED,
        /** A code of ours (ticket, booking, dossier) that does not parse. */
        QR_NOT_OURS,
        /** No card reader is connected. */
        NO_READER,
        /** The reader is empty. */
        NO_CARD,
        /** The card left the reader before the read finished. */
        CARD_REMOVED,
        /** The card has no ID-card (eMRTD) application. */
        NOT_CITIZEN_ID_CARD,
        /** No access key opened the chip (wrong QR, or a typed MRZ with a mistake). */
        ACCESS_DENIED,
        /** The chip's data does not match its signature. */
        TAMPERED,
        /** The reader or the card failed in another way. */
        READ_FAILED
    }

    private final Reason reason;

    public CardException(Reason reason, String detail) {
        super(reason + ": " + detail);
        this.reason = reason;
    }

    public CardException(Reason reason, String detail, Throwable cause) {
        super(reason + ": " + detail, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** What to tell the citizen, in one language. */
    public String message(Locale language) {
        return message(reason, language);
    }

    public static String message(Reason reason, Locale language) {
        return I18n.text("card", language, "card.error." + reason.name());
    }
}
