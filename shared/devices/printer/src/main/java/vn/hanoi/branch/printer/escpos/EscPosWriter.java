package vn.hanoi.branch.printer.escpos;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import vn.hanoi.branch.printer.escpos.EscPosCommands.Align;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds one print job for one printer profile. Each line goes out in text mode when one of the
 * profile's code tables encodes all of it, else as a raster band; mode commands are sent only when
 * they change, which keeps a ticket to a few hundred bytes.
 */
public final class EscPosWriter {
    /** QR module size in dots: 6 gives a ~25 mm code for a short link, easy for phone cameras. */
    static final int QR_MODULE = 6;

    /** How a line looks. */
    public record Style(Align align, int width, int height, boolean bold, boolean reverse) {
        public static final Style NORMAL = new Style(Align.CENTER, 1, 1, false, false);

        public Style emphasized() {
            return new Style(align, width, height, true, reverse);
        }

        public Style size(int w, int h) {
            return new Style(align, w, h, bold, reverse);
        }

        public Style inverted() {
            return new Style(align, width, height, bold, true);
        }

        public Style aligned(Align a) {
            return new Style(a, width, height, bold, reverse);
        }
    }

    private final PrinterProfile profile;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
    private int table = -1;
    private Align align;
    private int size = -1;
    private Boolean bold;
    private Boolean reverse;
    private int textLines;
    private int rasterLines;

    public EscPosWriter(PrinterProfile profile) {
        this.profile = profile;
        raw(EscPosCommands.initialize());
        // ESC @ resets these on the printer; the writer's cache must agree.
        align = Align.LEFT;
        bold = false;
        reverse = false;
        size = 0;
        table = 0;
    }

    public PrinterProfile profile() {
        return profile;
    }

    public EscPosWriter raw(byte[] b) {
        out.writeBytes(b);
        return this;
    }

    /** A paragraph, wrapped to the paper; each resulting line in text mode or as raster. */
    public EscPosWriter text(String paragraph, Style st) {
        String nfc = Normalizer.normalize(paragraph, Normalizer.Form.NFC);
        int cols = Math.max(1, profile.columns() / st.width());
        for (String line : wrap(nfc, cols)) {
            Optional<Encoded> enc = encode(line);
            if (enc.isPresent()) {
                textLine(enc.get(), st);
            } else {
                rasterLine(line, st);
            }
        }
        return this;
    }

    public EscPosWriter rule() {
        return text("-".repeat(profile.columns()), Style.NORMAL);
    }

    public EscPosWriter feed(int lines) {
        return raw(EscPosCommands.feedLines(lines));
    }

    /** Ends the job: cut where there is a cutter, else feed the ticket past the tear bar. */
    public EscPosWriter finish() {
        if (profile.cutter()) {
            return raw(EscPosCommands.feedAndCut());
        }
        return feed(5);
    }

    /** A QR code with the link, native where the printer has it, else a raster image, centred. */
    public EscPosWriter qr(String content) {
        byte[] data = content.getBytes(StandardCharsets.UTF_8);
        if (profile.nativeQr()) {
            setAlign(Align.CENTER);
            raw(EscPosCommands.qrModel2());
            raw(EscPosCommands.qrModuleSize(QR_MODULE));
            raw(EscPosCommands.qrErrorCorrection(EscPosCommands.QR_EC_M));
            raw(EscPosCommands.qrStore(data));
            raw(EscPosCommands.qrPrint());
            raw(new byte[] {EscPosCommands.LF});
            return this;
        }
        BufferedImage img = qrImage(content, profile.dotsPerLine());
        if (img != null) {
            setAlign(Align.LEFT);
            raw(MonoBitmap.of(img, (profile.dotsPerLine() - img.getWidth()) / 2).toEscPos());
            raw(new byte[] {EscPosCommands.LF});
            rasterLines++;
        }
        return this;
    }

    public byte[] bytes() {
        return out.toByteArray();
    }

    public int textLines() {
        return textLines;
    }

    public int rasterLines() {
        return rasterLines;
    }

    /** The same symbol a printer's {@code GS ( k} draws: model 2, level M, {@link #QR_MODULE} dots a module. */
    public static BufferedImage qrImage(String content, int maxWidth) {
        try {
            ByteMatrix m = Encoder.encode(content, ErrorCorrectionLevel.M,
                    Map.of(EncodeHintType.CHARACTER_SET, "ISO-8859-1")).getMatrix();
            int module = Math.max(1, Math.min(QR_MODULE, maxWidth / m.getWidth()));
            return QrImages.draw(m, module);
        } catch (WriterException e) {
            // A link too long for a QR code: the ticket is still valid without it.
            return null;
        }
    }

    private record Encoded(int tableNumber, byte[] bytes) {
    }

    private Optional<Encoded> encode(String line) {
        // Prefer the table already selected, so a plain ASCII line does not switch tables back and forth.
        for (PrinterProfile.Table t : profile.codePages()) {
            if (t.number() == table) {
                Optional<byte[]> b = t.page().encode(line);
                if (b.isPresent()) {
                    return Optional.of(new Encoded(t.number(), b.get()));
                }
            }
        }
        for (PrinterProfile.Table t : profile.codePages()) {
            Optional<byte[]> b = t.page().encode(line);
            if (b.isPresent()) {
                return Optional.of(new Encoded(t.number(), b.get()));
            }
        }
        return Optional.empty();
    }

    private void textLine(Encoded e, Style st) {
        if (e.tableNumber() != table) {
            raw(EscPosCommands.codeTable(e.tableNumber()));
            table = e.tableNumber();
        }
        setAlign(st.align());
        int s = ((st.width() - 1) << 4) | (st.height() - 1);
        if (s != size) {
            raw(EscPosCommands.size(st.width(), st.height()));
            size = s;
        }
        if (!bold.equals(st.bold())) {
            raw(EscPosCommands.bold(st.bold()));
            bold = st.bold();
        }
        if (!reverse.equals(st.reverse())) {
            raw(EscPosCommands.reverse(st.reverse()));
            reverse = st.reverse();
        }
        raw(e.bytes());
        raw(new byte[] {EscPosCommands.LF});
        textLines++;
    }

    private void rasterLine(String line, Style st) {
        setAlign(Align.LEFT);
        int mult = Math.max(st.width(), st.height());
        raw(RasterText.line(line, profile.dotsPerLine(), st.align(), mult, st.bold(), st.reverse()).toEscPos());
        rasterLines++;
    }

    private void setAlign(Align a) {
        if (a != align) {
            raw(EscPosCommands.align(a));
            align = a;
        }
    }

    /** Word wrap on code points of NFC text, which is what one printer column holds. */
    static List<String> wrap(String text, int cols) {
        List<String> lines = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String word : text.trim().split("\\s+")) {
            int wlen = word.codePointCount(0, word.length());
            int clen = cur.codePointCount(0, cur.length());
            if (clen > 0 && clen + 1 + wlen > cols) {
                lines.add(cur.toString());
                cur.setLength(0);
                clen = 0;
            }
            while (wlen > cols) {
                int cut = word.offsetByCodePoints(0, cols);
                lines.add(word.substring(0, cut));
                word = word.substring(cut);
                wlen -= cols;
            }
            if (clen > 0) {
                cur.append(' ');
            }
            cur.append(word);
        }
        if (!cur.isEmpty() || lines.isEmpty()) {
            lines.add(cur.toString());
        }
        return lines;
    }
}
