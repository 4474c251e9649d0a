package vn.hanoi.branch.card;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;

/**
 * The QR code printed on the back of a citizen identity card (CCCD): UTF-8 fields separated by
 * {@code |}, dates as {@code ddMMyyyy}. Cards from 2024 carry extra trailing fields; they are kept
 * as they are. It holds personal data: keep it for the citizen's session only and never log it
 * ({@link #toString()} shows no personal field).
 *
 * @param id        the 12-digit personal identification number
 * @param oldId     the former 9-digit ID number, or null
 * @param extras    fields after the seventh, unparsed
 */
public record CitizenIdQr(String id, String oldId, String fullName, LocalDate dateOfBirth, String sex,
                          String address, LocalDate issueDate, List<String> extras) {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("ddMMuuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    public CitizenIdQr {
        extras = List.copyOf(extras);
    }

    /**
     * Parses what a scanner or a camera read. Input may come in NFD (some scanners) and with a
     * trailing line end; both are normalised.
     *
     * @throws CardException with reason {@link CardException.Reason#QR_NOT_CITIZEN_ID} when it is not a
     *                       CCCD code at all, {@link CardException.Reason#QR_DAMAGED} when it is one but
     *                       a field is missing or wrong (partly read, or mangled by a keyboard-mode scanner)
     */
    public static CitizenIdQr parse(String text) {
        if (text == null || text.isBlank()) {
            throw new CardException(CardException.Reason.QR_NOT_CITIZEN_ID, "empty");
        }
        String s = Normalizer.normalize(text.strip(), Normalizer.Form.NFC);
        String[] f = s.split("\\|", -1);
        if (f.length < 2 || !f[0].matches("\\d{12}")) {
            throw new CardException(CardException.Reason.QR_NOT_CITIZEN_ID,
                    f.length < 2 ? "no field separator" : "first field is not a 12-digit ID");
        }
        if (f.length < 7) {
            throw new CardException(CardException.Reason.QR_DAMAGED, f.length + " of 7 fields");
        }
        if (!f[1].isEmpty() && !f[1].matches("\\d{9}")) {
            throw new CardException(CardException.Reason.QR_DAMAGED, "field 1 is not a 9-digit ID");
        }
        String name = f[2].strip();
        if (name.isEmpty() || !name.codePoints().allMatch(c -> Character.isLetter(c) || c == ' ')) {
            // Keyboard-wedge scanners turn accented letters into other keys: a name with digits or
            // punctuation is a mangled read, not a name to greet someone with.
            throw new CardException(CardException.Reason.QR_DAMAGED, "field 2 is not a name");
        }
        String sex = f[4].strip();
        if (!sex.equals("Nam") && !sex.equals("Nữ")) {
            throw new CardException(CardException.Reason.QR_DAMAGED, "field 4 is not Nam/Nữ");
        }
        List<String> extras = f.length > 7 ? List.of(f).subList(7, f.length) : List.of();
        return new CitizenIdQr(f[0], f[1].isEmpty() ? null : f[1], name, date(f[3], 3), sex, f[5].strip(),
                date(f[6], 6), extras);
    }

    /** The document number in the chip's MRZ: the last 9 digits of the ID. */
    public String documentNumber() {
        return id.substring(3);
    }

    /** The code's text as the card prints it, e.g. to make test images. */
    public String format() {
        StringBuilder b = new StringBuilder()
                .append(id).append('|').append(oldId == null ? "" : oldId).append('|').append(fullName)
                .append('|').append(DATE.format(dateOfBirth)).append('|').append(sex).append('|')
                .append(address).append('|').append(DATE.format(issueDate));
        extras.forEach(e -> b.append('|').append(e));
        return b.toString();
    }

    @Override
    public String toString() {
        return "CitizenIdQr[personal data withheld]";
    }

    private static LocalDate date(String value, int field) {
        try {
            return LocalDate.parse(value.strip(), DATE);
        } catch (DateTimeParseException e) {
            throw new CardException(CardException.Reason.QR_DAMAGED, "field " + field + " is not a ddMMyyyy date");
        }
    }
}
