package vn.hanoi.branch.printer.escpos;

import java.util.Locale;

/**
 * How a printer gets Vietnamese letters onto paper. Which one reads right depends on the model and
 * its firmware, and cannot be known from here: IT prints the test page (the same line in every mode
 * the profile offers) and picks one on the kiosk's settings screen.
 */
public enum VietnameseMode {
    /** Windows-1258 (Epson table 52): base letter, then the tone mark as a separate combining byte. */
    WINDOWS_1258("windows-1258", "Windows-1258, dấu thanh tách rời", "Windows-1258, separate tone marks"),
    /** TCVN-3 (Epson tables 30 and 31): every toned letter is one precomposed code. */
    TCVN3("tcvn3", "TCVN-3, chữ dựng sẵn", "TCVN-3, precomposed letters"),
    /** The ticket's accented letters downloaded as user-defined characters ({@code ESC &}), the rest as text. */
    USER_DEFINED("glyphs", "Tải mẫu chữ có dấu vào máy in", "Accented letters downloaded as user-defined characters"),
    /** Every line with a letter outside PC437 drawn as an image: works everywhere, slowest on the wire. */
    RASTER("raster", "In dòng có dấu dạng ảnh", "Lines with accents printed as images");

    private final String id;
    private final String textVi;
    private final String textEn;

    VietnameseMode(String id, String textVi, String textEn) {
        this.id = id;
        this.textVi = textVi;
        this.textEn = textEn;
    }

    /** The name in configuration ({@code --printer-vietnamese}, {@code printer.vietnamese}). */
    public String id() {
        return id;
    }

    public String textVi() {
        return textVi;
    }

    public String textEn() {
        return textEn;
    }

    public static VietnameseMode byId(String id) {
        String key = id.strip().toLowerCase(Locale.ROOT);
        for (VietnameseMode m : values()) {
            if (m.id.equals(key) || m.name().equalsIgnoreCase(key)) {
                return m;
            }
        }
        throw new IllegalArgumentException("chế độ tiếng Việt không rõ / unknown Vietnamese mode " + id
                + " (windows-1258, tcvn3, glyphs, raster)");
    }
}
