package vn.hanoi.branch.printer.escpos;

import vn.hanoi.branch.printer.ReceiptImage;
import vn.hanoi.branch.printer.TicketPrint;
import vn.hanoi.branch.printer.escpos.EscPosCommands.Align;
import vn.hanoi.branch.printer.escpos.EscPosWriter.Style;

import java.awt.Image;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A queue ticket as ESC/POS bytes for one printer profile. The number is printed in text mode at the
 * largest size that fits: it is what the citizen looks for, and text keeps it crisp and cheap.
 */
public final class TicketLayout {
    public static final String REPRINT_MARK = "BẢN IN LẠI / REPRINT";
    private static final DateTimeFormatter ISSUED = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");
    private static final int MAX_NUMBER_SIZE = 6;

    private TicketLayout() {
    }

    public static byte[] render(TicketPrint t, PrinterProfile profile) {
        return write(t, profile).bytes();
    }

    public static EscPosWriter write(TicketPrint t, PrinterProfile profile) {
        EscPosWriter w = new EscPosWriter(profile);
        Style normal = Style.NORMAL;
        if (t.reprint()) {
            w.text(REPRINT_MARK, normal.emphasized().inverted());
        }
        w.text(t.branchNameVi(), normal.emphasized());
        w.rule();
        w.text(t.serviceNameVi(), normal.emphasized().size(1, 2));
        if (t.serviceNameEn() != null && !t.serviceNameEn().isBlank()) {
            w.text(t.serviceNameEn(), normal);
        }
        w.feed(1);
        w.text("SỐ THỨ TỰ / YOUR NUMBER", normal);
        int mult = Math.min(MAX_NUMBER_SIZE, profile.columns()
                / Math.max(1, t.displayNumber().codePointCount(0, t.displayNumber().length())));
        w.text(t.displayNumber(), normal.emphasized().size(Math.max(1, mult), Math.max(1, mult)));
        if (t.priorityVi() != null && !t.priorityVi().isBlank()) {
            w.text(t.priorityVi(), normal.emphasized().inverted().size(1, 2));
        }
        w.feed(1);
        w.text("Số người chờ trước bạn: " + t.waitingAhead(), normal);
        w.text("People ahead of you: " + t.waitingAhead(), normal);
        if (t.estimateMinutes() != null) {
            w.text("Dự kiến chờ ~" + t.estimateMinutes() + " phút / Est. wait ~"
                    + t.estimateMinutes() + " min", normal);
        }
        w.text(ISSUED.format(t.issuedAt()), normal);
        if (t.lookupUrl() != null && !t.lookupUrl().isBlank()) {
            w.feed(1);
            w.qr(t.lookupUrl());
        }
        if (t.noticeVi() != null && !t.noticeVi().isBlank()) {
            w.text(t.noticeVi(), normal);
        }
        w.finish();
        return w;
    }

    /** The line the test page prints in every Vietnamese mode: stacked marks, capitals and đ. */
    public static final List<String> SAMPLE = List.of("Nguyễn Thị Ánh Tuyết — phường Cửa Nam",
            "ĐẶNG QUỐC VIỆT – HỒ SƠ ỦY QUYỀN");
    /** Line widths of the printers we know: 58 mm, 80 mm at 512 dots, 80 mm at 576 dots. */
    public static final List<Integer> RULERS = List.of(32, 42, 48);

    /**
     * A page for branch IT: the profile, the same Vietnamese lines in every mode the printer offers
     * (IT picks the one that reads right on paper), rulers that show how many columns fit, every
     * style, and the QR, in the real path.
     */
    public static byte[] testPage(PrinterProfile profile, String portDescription) {
        EscPosWriter w = new EscPosWriter(profile);
        Style normal = Style.NORMAL;
        Style left = normal.aligned(Align.LEFT);
        w.text("TRANG IN THỬ / TEST PAGE", normal.emphasized().size(1, 2));
        w.text(profile.description(), normal);
        w.text(portDescription, normal);
        w.text("Đang dùng / in use: " + profile.vietnamese().id(), normal);
        w.rule();
        List<VietnameseMode> modes = profile.modes();
        for (int i = 0; i < modes.size(); i++) {
            VietnameseMode m = modes.get(i);
            // The label is plain ASCII so it reads right whatever mode works on this printer.
            w.asciiLine((i + 1) + ") " + m.id());
            w.vietnamese(m);
            SAMPLE.forEach(line -> w.text(line, left));
            w.vietnamese(profile.vietnamese());
        }
        w.rule();
        w.asciiLine("Columns / so cot:");
        RULERS.forEach(cols -> w.asciiLine(ruler(cols)));
        w.rule();
        w.text("ĂÂĐÊÔƠƯ ăâđêôơư", left);
        w.text("àáảãạ ằắẳẵặ ầấẩẫậ èéẻẽẹ ềếểễệ", left);
        w.text("ìíỉĩị òóỏõọ ồốổỗộ ờớởỡợ ùúủũụ ừứửữự ỳýỷỹỵ", left);
        w.text("Đậm / Bold", normal.emphasized());
        w.text("Đảo màu / Reverse", normal.inverted());
        w.text("A123", normal.emphasized().size(4, 4));
        w.qr("https://dichvucong.hanoi.gov.vn/test");
        w.finish();
        return w.bytes();
    }

    /** {@code cols} characters ending in the count, e.g. "....+....1....+....2....+....32|". */
    static String ruler(int cols) {
        StringBuilder r = new StringBuilder();
        for (int i = 1; i <= cols; i++) {
            r.append(i % 10 == 0 ? Character.forDigit(i / 10 % 10, 10) : i % 5 == 0 ? '+' : '.');
        }
        String end = cols + "|";
        return r.replace(cols - end.length(), cols, end).toString();
    }

    /** The whole ticket as one raster image: the baseline the text layout is measured against. */
    public static byte[] allRaster(TicketPrint t, PrinterProfile profile) {
        BufferedImage img = ReceiptImage.render(t);
        if (img.getWidth() != profile.dotsPerLine()) {
            int h = img.getHeight() * profile.dotsPerLine() / img.getWidth();
            BufferedImage scaled = new BufferedImage(profile.dotsPerLine(), h, BufferedImage.TYPE_BYTE_GRAY);
            scaled.getGraphics().drawImage(img.getScaledInstance(profile.dotsPerLine(), h, Image.SCALE_SMOOTH), 0, 0, null);
            img = scaled;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(EscPosCommands.initialize());
        // Printers take at most a few thousand rows per command; bands of 256 rows are safe everywhere.
        for (int y = 0; y < img.getHeight(); y += 256) {
            out.writeBytes(MonoBitmap.of(img.getSubimage(0, y, img.getWidth(), Math.min(256, img.getHeight() - y)), 0).toEscPos());
        }
        out.writeBytes(profile.cutter() ? EscPosCommands.feedAndCut() : EscPosCommands.feedLines(5));
        return out.toByteArray();
    }
}
