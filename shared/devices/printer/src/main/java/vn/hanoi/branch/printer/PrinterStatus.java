package vn.hanoi.branch.printer;

/** What a printer reported (or failed to report), with bilingual text for screens and alerts. */
public enum PrinterStatus {
    READY(true, "Sẵn sàng", "Ready"),
    PAPER_NEAR_END(true, "Sắp hết giấy", "Paper near end"),
    PAPER_OUT(false, "Hết giấy", "Paper out"),
    COVER_OPEN(false, "Nắp máy in đang mở", "Printer cover open"),
    OFFLINE(false, "Máy in ngoại tuyến", "Printer offline"),
    ERROR(false, "Máy in báo lỗi", "Printer error"),
    NOT_RESPONDING(false, "Máy in không phản hồi — kiểm tra cáp/nguồn", "Printer not responding — check cable/power"),
    /**
     * Bytes came back, but not a status answer: the port's speed or parity does not match the
     * printer's (DIP switches or self-test menu), so the cable is fine and the setting is not.
     */
    GARBLED(false, "Máy in trả lời ký tự lạ — sai tốc độ/parity?", "Printer answers garbage — wrong speed/parity?"),
    DISCONNECTED(false, "Mất kết nối máy in", "Printer disconnected"),
    /** No printer port is set on this PC (IT sets it in the kiosk's settings). */
    NOT_CONFIGURED(false, "Chưa cài đặt máy in", "No printer configured");

    private final boolean canPrint;
    private final String textVi;
    private final String textEn;

    PrinterStatus(boolean canPrint, String textVi, String textEn) {
        this.canPrint = canPrint;
        this.textVi = textVi;
        this.textEn = textEn;
    }

    public boolean canPrint() {
        return canPrint;
    }

    public String textVi() {
        return textVi;
    }

    public String textEn() {
        return textEn;
    }
}
