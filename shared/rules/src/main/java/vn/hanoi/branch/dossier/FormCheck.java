package vn.hanoi.branch.dossier;

import vn.hanoi.branch.api.Dossiers.FieldKind;
import vn.hanoi.branch.api.Dossiers.FormField;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a declaration against its form. The kiosk runs it as the citizen types, to point at the
 * field to fix; the agent runs it again before storing, so a form is never stored unchecked.
 */
public final class FormCheck {
    /** Dates are typed and stored as on paper forms in Vietnam. */
    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    private FormCheck() {
    }

    /** A field to fix, with what to tell the citizen. */
    public record Problem(String field, String messageVi, String messageEn) {
    }

    /** Values normalised to NFC and trimmed; fields the form does not have are dropped. */
    public static Map<String, String> normalise(List<FormField> form, Map<String, String> values) {
        Map<String, String> out = new LinkedHashMap<>();
        for (FormField f : form) {
            String v = values.get(f.key());
            if (v != null && !v.isBlank()) {
                out.put(f.key(), Normalizer.normalize(v.strip().replaceAll("\\s+", " "), Normalizer.Form.NFC));
            }
        }
        return out;
    }

    /** The first problem of each field, in form order; empty when the declaration can be stored. */
    public static List<Problem> check(List<FormField> form, Map<String, String> values) {
        Map<String, String> v = normalise(form, values);
        return form.stream().map(f -> problem(f, v.get(f.key()))).filter(p -> p != null).toList();
    }

    private static Problem problem(FormField f, String value) {
        if (value == null) {
            return f.required() ? new Problem(f.key(), "Vui lòng điền " + lower(f.labelVi()) + ".",
                    "Please fill in " + lower(f.labelEn()) + ".") : null;
        }
        if (value.length() > f.maxLength()) {
            return new Problem(f.key(), f.labelVi() + ": tối đa " + f.maxLength() + " ký tự.",
                    f.labelEn() + ": at most " + f.maxLength() + " characters.");
        }
        Problem kind = switch (f.kind()) {
            case DATE -> date(f, value);
            case ID_NUMBER -> value.matches("\\d{12}") ? null : new Problem(f.key(),
                    f.labelVi() + " phải gồm đúng 12 chữ số.", f.labelEn() + " must be exactly 12 digits.");
            case PHONE -> value.replace(" ", "").matches("0\\d{9}") ? null : new Problem(f.key(),
                    f.labelVi() + " phải gồm 10 chữ số, bắt đầu bằng 0.", f.labelEn() + " must be 10 digits starting with 0.");
            case CHOICE -> f.choices().contains(value) ? null : new Problem(f.key(),
                    "Vui lòng chọn " + lower(f.labelVi()) + " trong danh sách.", "Please choose " + lower(f.labelEn()) + " from the list.");
            case TEXT -> null;
        };
        if (kind != null) {
            return kind;
        }
        if (f.pattern() != null && !Pattern.compile(f.pattern()).matcher(value).matches()) {
            return new Problem(f.key(), f.labelVi() + " không đúng định dạng.", f.labelEn() + " is not in the expected format.");
        }
        return null;
    }

    private static Problem date(FormField f, String value) {
        try {
            LocalDate d = LocalDate.parse(value, DATE);
            if (d.isAfter(LocalDate.now().plusYears(1)) || d.getYear() < 1900) {
                return new Problem(f.key(), f.labelVi() + ": ngày không hợp lý.", f.labelEn() + ": implausible date.");
            }
            return null;
        } catch (DateTimeParseException e) {
            return new Problem(f.key(), f.labelVi() + ": nhập theo dạng ngày/tháng/năm, ví dụ 05/03/1950.",
                    f.labelEn() + ": type it as day/month/year, e.g. 05/03/1950.");
        }
    }

    private static String lower(String label) {
        return label.isEmpty() ? label : Character.toLowerCase(label.charAt(0)) + label.substring(1);
    }
}
