package vn.hanoi.branch.slip;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Labels and formats shared by the PDF and the thermal slip, so that both say the same. */
public final class SlipText {
    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    public static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");
    public static final DateTimeFormatter TIME_AND_DATE = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    public static final String NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    public static final String MOTTO = "Độc lập - Tự do - Hạnh phúc";

    private SlipText() {
    }

    /** A label in both languages; {@code en} may be null. */
    public record Label(String vi, String en) {
    }

    public static final Label CODE = new Label("Mã hồ sơ", "Dossier code");
    public static final Label PROCEDURE = new Label("Thủ tục hành chính", "Procedure");
    public static final Label APPLICANT = new Label("Người nộp hồ sơ", "Applicant");
    public static final Label ID = new Label("Số định danh cá nhân", "ID number");
    public static final Label PHONE = new Label("Số điện thoại", "Phone");
    public static final Label RECEIVED = new Label("Thời gian tiếp nhận", "Received at");
    public static final Label COUNTER = new Label("Quầy tiếp nhận", "Counter");
    public static final Label CLERK = new Label("Cán bộ tiếp nhận", "Receiving officer");
    public static final Label FEE = new Label("Phí, lệ phí", "Fees");
    public static final Label APPOINTMENT = new Label("Ngày hẹn trả kết quả", "Result date");
    public static final Label NOTES = new Label("Ghi chú", "Notes");
    public static final Label NUMBER = new Label("STT", "No.");
    public static final Label FORM = new Label("Hình thức", "Form");
    public static final Label SIGN_APPLICANT = new Label("NGƯỜI NỘP HỒ SƠ", "Applicant");
    public static final Label SIGN_CLERK = new Label("CÁN BỘ TIẾP NHẬN", "Receiving officer");
    public static final Label SIGN_HINT = new Label("(Ký và ghi rõ họ tên)", "(Signature and full name)");

    public static Label reason(Slip.Kind kind) {
        return switch (kind) {
            case REFUSAL -> new Label("Lý do từ chối", "Reason for refusal");
            case ADDITIONAL_DOCUMENTS -> new Label("Lý do", "Reason");
            case RECEIPT -> new Label("Nội dung", "Remarks");
        };
    }

    public static String procedure(Slip s) {
        return s.procedureCode() + " – " + s.procedureNameVi();
    }

    /** {@code 50.000 đồng}, or "Không thu phí" for a free procedure. */
    public static String feeVi(long vnd) {
        return vnd == 0 ? "Không thu phí" : String.format(Locale.ROOT, "%,d", vnd).replace(',', '.') + " đồng";
    }

    public static String feeEn(long vnd) {
        return vnd == 0 ? "Free of charge" : String.format(Locale.ROOT, "%,d", vnd) + " VND";
    }

    /** The place and date line under the national motto. */
    public static String placeAndDate(LocalDate d) {
        return String.format("Hà Nội, ngày %02d tháng %02d năm %d", d.getDayOfMonth(), d.getMonthValue(), d.getYear());
    }
}
