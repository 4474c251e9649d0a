package vn.hanoi.branch.testkit.card;

import vn.hanoi.branch.card.CitizenIdQr;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * A made-up citizen for the card emulator, tests and demos: every value is drawn at random from
 * common parts (names, wards) and belongs to nobody. Built by {@link FakeCitizens}.
 *
 * @param applicationDate the day the card was applied for (judges the 2-year rule); not on the card
 * @param expiryDate      null: the card has no expiry
 * @param chipExpiry      the MRZ's expiry {@code yyMMdd}, the placeholder for a card without expiry
 * @param spouse          null when unmarried, likewise oldId
 */
public record FakeCitizen(String id, String oldId, String familyName, String middleName, String givenName,
                          LocalDate dateOfBirth, String sex, String nationality, String ethnicity, String religion,
                          String placeOfOrigin, String placeOfResidence, String identifyingMarks,
                          LocalDate applicationDate, LocalDate issueDate, LocalDate expiryDate, String chipExpiry,
                          String father, String mother, String spouse) {

    public String fullName() {
        return middleName.isEmpty() ? familyName + " " + givenName : familyName + " " + middleName + " " + givenName;
    }

    /** The MRZ's document number: the last 9 digits of the ID. */
    public String documentNumber() {
        return id.substring(3);
    }

    public boolean male() {
        return sex.equals("Nam");
    }

    /** The QR on the back of the card. */
    public CitizenIdQr qr() {
        return new CitizenIdQr(id, oldId, fullName(), dateOfBirth, sex, placeOfResidence, issueDate, List.of());
    }

    /** Family name in MRZ letters (no diacritics, Đ as D). */
    public String mrzPrimaryIdentifier() {
        return mrzLetters(familyName);
    }

    public String mrzSecondaryIdentifier() {
        return mrzLetters(middleName.isEmpty() ? givenName : middleName + " " + givenName);
    }

    static String mrzLetters(String s) {
        String plain = Normalizer.normalize(s.replace('Đ', 'D').replace('đ', 'd'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        return plain.toUpperCase(Locale.ROOT).replaceAll("[^A-Z]+", "<");
    }

    @Override
    public String toString() {
        return "FakeCitizen[" + documentNumber().substring(0, 2) + "…]";
    }
}
