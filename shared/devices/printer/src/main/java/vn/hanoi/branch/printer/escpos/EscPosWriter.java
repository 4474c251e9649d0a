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
 * Builds one print job for one printer profile. Each line goes out in text mode when the profile's
 * Vietnamese mode can carry it (a code table, TCVN-3's two halves, or letters downloaded once per
 * job as user-defined characters), else as a raster band, the last resort; mode commands are sent
 * only when they change, which keeps a ticket to a few hundred bytes.
 */
public final class EscPosWriter {
    /** QR module size in dots: 6 gives a ~25 mm code for a short link, easy for phone cameras. */
    static final int QR_MODULE = 6;
    /**
     * Module size of a QR sent as an image: 4 dots (0.5 mm, ~15 mm for a short link) still scans at
     * arm's length and keeps the image to ~1.7 KB, against ~3.8 KB at 6 dots.
     */
    static final int RASTER_QR_MODULE = 4;

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
    /** Everything after {@code ESC @} and the glyph download, which can only be built once all lines are known. */
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
    private final UserGlyphSet glyphs = new UserGlyphSet();
    private PrinterProfile mode;
    private int table = -1;
    private boolean userSet;
    private Align align;
    private int size = -1;
    private Boolean bold;
    private Boolean reverse;
    private int textLines;
    private int rasterLines;

    public EscPosWriter(PrinterProfile profile) {
        this.profile = profile;
        this.mode = profile;
        // ESC @ resets these on the printer; the writer's cache must agree.
        align = Align.LEFT;
        bold = false;
        reverse = false;
        size = 0;
        table = 0;
        userSet = false;
    }

    public PrinterProfile profile() {
        return profile;
    }

    public EscPosWriter raw(byte[] b) {
        out.writeBytes(b);
        return this;
    }

    /** Lines from here on use this Vietnamese mode (the test page shows them all in one job). */
    public EscPosWriter vietnamese(VietnameseMode m) {
        mode = profile.withVietnamese(m);
        return this;
    }

    /** A paragraph, wrapped to the paper; each resulting line in text mode or as raster. */
    public EscPosWriter text(String paragraph, Style st) {
        String nfc = Normalizer.normalize(paragraph, Normalizer.Form.NFC);
        int cols = Math.max(1, profile.columns() / st.width());
        for (String line : wrap(nfc, cols)) {
            Optional<List<LineEncoder.Run>> enc = LineEncoder.encode(line, mode, table, glyphs);
            if (enc.isPresent()) {
                textLine(enc.get(), st);
            } else {
                rasterLine(line, st);
            }
        }
        return this;
    }

    /** One line exactly as given, left-aligned and never wrapped (the test page's width rulers). */
    public EscPosWriter asciiLine(String ascii) {
        textLine(List.of(new LineEncoder.Run(table, false, ascii.getBytes(StandardCharsets.US_ASCII))),
                Style.NORMAL.aligned(Align.LEFT));
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
        BufferedImage img = qrImage(content, profile.dotsPerLine(), RASTER_QR_MODULE);
        if (img != null) {
            // Only the symbol's own dots: centring by ESC a instead of white bytes saves two thirds of
            // the image. A printer that ignores ESC a for images prints it at the left edge, still readable.
            setAlign(Align.CENTER);
            raw(MonoBitmap.of(img, 0).toEscPos());
            raw(new byte[] {EscPosCommands.LF});
        }
        return this;
    }

    /** The job: reset, the user-defined letters the lines need (one download), then the lines. */
    public byte[] bytes() {
        ByteArrayOutputStream job = new ByteArrayOutputStream(out.size() + 64);
        job.writeBytes(EscPosCommands.initialize());
        job.writeBytes(glyphs.download());
        job.writeBytes(out.toByteArray());
        return job.toByteArray();
    }

    /** How many letters this job downloads as user-defined characters. */
    public int downloadedGlyphs() {
        return glyphs.size();
    }

    public int textLines() {
        return textLines;
    }

    public int rasterLines() {
        return rasterLines;
    }

    /** The same symbol a printer's {@code GS ( k} draws: model 2, level M, at most {@code module} dots a module. */
    public static BufferedImage qrImage(String content, int maxWidth, int moduleDots) {
        try {
            ByteMatrix m = Encoder.encode(content, ErrorCorrectionLevel.M,
                    Map.of(EncodeHintType.CHARACTER_SET, "ISO-8859-1")).getMatrix();
            int module = Math.max(1, Math.min(moduleDots, maxWidth / m.getWidth()));
            return QrImages.draw(m, module);
        } catch (WriterException e) {
            // A link too long for a QR code: the ticket is still valid without it.
            return null;
        }
    }

    private void textLine(List<LineEncoder.Run> runs, Style st) {
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
        for (LineEncoder.Run r : runs) {
            if (r.glyphs() != userSet) {
                raw(EscPosCommands.userDefinedSet(r.glyphs()));
                userSet = r.glyphs();
            }
            if (!r.glyphs() && r.table() != table) {
                raw(EscPosCommands.codeTable(r.table()));
                table = r.table();
            }
            raw(r.bytes());
        }
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
