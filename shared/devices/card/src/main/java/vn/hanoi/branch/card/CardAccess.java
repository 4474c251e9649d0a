package vn.hanoi.branch.card;

import org.jmrtd.BACKey;

import java.time.LocalDate;
import java.util.List;

/**
 * One BAC access key for the chip: the MRZ's document number, date of birth and date of expiry
 * ({@code yyMMdd}; the expiry may be a placeholder such as {@code 991231}). It is personal data:
 * {@link #toString()} hides it.
 */
public record CardAccess(String documentNumber, String dateOfBirth, String dateOfExpiry) {

    public CardAccess {
        if (documentNumber == null || !documentNumber.matches("[0-9A-Z<]{1,9}")) {
            throw new IllegalArgumentException("document number: up to 9 digits or capital letters");
        }
        if (dateOfBirth == null || !dateOfBirth.matches("\\d{6}")) {
            throw new IllegalArgumentException("date of birth: yyMMdd");
        }
        if (dateOfExpiry == null || !dateOfExpiry.matches("[\\d<]{6}")) {
            throw new IllegalArgumentException("date of expiry: yyMMdd");
        }
    }

    /**
     * The keys to try for a card whose QR was scanned, most likely first: document number = the
     * last 9 digits of the ID, the QR's birth date, and each {@link ExpiryCandidates} guess.
     */
    public static List<CardAccess> fromQr(CitizenIdQr qr) {
        return fromQr(qr, ExpiryCandidates.defaults());
    }

    public static List<CardAccess> fromQr(CitizenIdQr qr, ExpiryCandidates expiries) {
        String dob = ExpiryCandidates.format(qr.dateOfBirth());
        return expiries.candidates(qr.dateOfBirth(), qr.issueDate()).stream()
                .map(e -> new CardAccess(qr.documentNumber(), dob, e))
                .toList();
    }

    /** The one key typed from the MRZ on the back of the card (dates {@code yyMMdd}). */
    public static CardAccess fromMrz(String documentNumber, String dateOfBirth, String dateOfExpiry) {
        return new CardAccess(documentNumber.strip().toUpperCase(java.util.Locale.ROOT), dateOfBirth.strip(),
                dateOfExpiry.strip());
    }

    public static CardAccess of(String documentNumber, LocalDate dateOfBirth, LocalDate dateOfExpiry) {
        return new CardAccess(documentNumber, ExpiryCandidates.format(dateOfBirth), ExpiryCandidates.format(dateOfExpiry));
    }

    BACKey bacKey() {
        return new BACKey(documentNumber, dateOfBirth, dateOfExpiry);
    }

    @Override
    public String toString() {
        return "CardAccess[personal data withheld]";
    }
}
