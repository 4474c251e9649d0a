package vn.hanoi.branch.kiosk.identity;

import vn.hanoi.branch.card.CitizenCard;
import vn.hanoi.branch.card.CitizenIdQr;
import vn.hanoi.branch.dossier.FormCheck;
import vn.hanoi.branch.api.Dossiers.CardField;

import java.time.LocalDate;

/**
 * The citizen at the kiosk, as read from the ID card's QR code or chip: what the session needs to
 * greet, to set age priority and to prefill a declaration. Held by the session only and dropped on
 * finish or idle; {@link #toString()} never shows personal data, so it cannot reach a log by accident.
 *
 * @param placeOfOrigin known from the chip only (null from the QR)
 * @param verdict       the chip's passive-authentication verdict in Vietnamese and English, or null for the QR
 */
public record Citizen(String fullName, LocalDate dateOfBirth, String idNumber, String sex, String permanentAddress,
                      String placeOfOrigin, Source source, String verdictVi, String verdictEn) {

    public enum Source { QR, CHIP }

    public static Citizen fromQr(CitizenIdQr qr) {
        return new Citizen(qr.fullName(), qr.dateOfBirth(), qr.id(), qr.sex(), qr.address(), null, Source.QR, null, null);
    }

    /** From the chip: verified data, with the passive-authentication verdict to show. */
    public static Citizen fromCard(CitizenCard card) {
        var verdict = card.authentication().verdict();
        return new Citizen(card.fullName(), card.dateOfBirth(), card.id(), card.sex(), card.placeOfResidence(),
                card.placeOfOrigin(), Source.CHIP, verdict.textVi(), verdict.textEn());
    }

    /** How the kiosk addresses the citizen: "Ông"/"Bà" by sex, then the full name. */
    public String salutationVi() {
        return ("Nữ".equals(sex) ? "Bà " : "Ông ") + fullName;
    }

    public String salutationEn() {
        return ("Nữ".equals(sex) ? "Ms " : "Mr ") + fullName;
    }

    /** The value a declaration field marked with this card field starts with, or null. */
    public String prefill(CardField field) {
        return switch (field) {
            case FULL_NAME -> fullName;
            case DATE_OF_BIRTH -> dateOfBirth == null ? null : FormCheck.DATE.format(dateOfBirth);
            case ID_NUMBER -> idNumber;
            case SEX -> sex;
            case PERMANENT_ADDRESS -> permanentAddress;
            case PLACE_OF_ORIGIN -> placeOfOrigin;
        };
    }

    @Override
    public String toString() {
        return "Citizen[" + source + ", personal data withheld]";
    }
}
