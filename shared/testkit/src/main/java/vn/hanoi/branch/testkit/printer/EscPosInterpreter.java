package vn.hanoi.branch.testkit.printer;

import vn.hanoi.branch.printer.escpos.CodePage;
import vn.hanoi.branch.printer.escpos.EscPosCommands;
import vn.hanoi.branch.printer.escpos.MonoBitmap;
import vn.hanoi.branch.printer.escpos.PrinterProfile;
import vn.hanoi.branch.printer.escpos.StatusQuery;

import vn.hanoi.branch.printer.escpos.EscPosCommands.Align;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * A thermal printer in software: takes the byte stream a printer would get, keeps what it would put
 * on paper (text lines decoded through the selected code table, raster bands, QR codes, cuts) and
 * answers {@code DLE EOT} like one. It understands the commands {@link EscPosCommands} emits and
 * records anything else as an error, so a test sees a command the real printer would not understand.
 * Bytes may arrive in any slices: a command split across two reads is completed by the next.
 */
public final class EscPosInterpreter {
    /** Dots between text lines of height 1 (Epson's default line spacing for font A). */
    public static final int LINE_SPACING = 30;

    /** Something on the paper. */
    public sealed interface Element permits TextLine, Raster, Qr, Feed, Cut {
    }

    /** One printed line; {@code text} is what a reader sees, in NFC. */
    public record TextLine(String text, Align align, int width, int height, boolean bold, boolean reverse,
                           int table) implements Element {
    }

    public record Raster(MonoBitmap bitmap, Align align) implements Element {
    }

    public record Qr(String content, int module, Align align) implements Element {
    }

    public record Feed(int lines) implements Element {
    }

    public record Cut() implements Element {
    }

    /**
     * What came out for one job: everything up to a cut, or up to the next status query for printers
     * without a cutter. {@code complete} is false when the paper ran out part way.
     */
    public record Receipt(List<Element> elements, boolean cut, boolean complete, int bytes) {
        public List<String> textLines() {
            return elements.stream().filter(TextLine.class::isInstance).map(e -> ((TextLine) e).text()).toList();
        }

        public List<MonoBitmap> rasters() {
            return elements.stream().filter(Raster.class::isInstance).map(e -> ((Raster) e).bitmap()).toList();
        }

        public List<Qr> qrCodes() {
            return elements.stream().filter(Qr.class::isInstance).map(e -> (Qr) e).toList();
        }

        public BufferedImage render(int dotsPerLine) {
            return ReceiptRenderer.render(this, dotsPerLine);
        }
    }

    /** The printer's condition; tests and the emulator change it while bytes flow. */
    public static final class State implements StatusQuery.PrinterState {
        private volatile boolean paperOut;
        private volatile boolean paperNearEnd;
        private volatile boolean coverOpen;
        private volatile boolean offline;
        private volatile boolean error;
        private volatile long paperOutAfterBytes = -1;

        @Override public boolean paperOut() { return paperOut; }
        @Override public boolean paperNearEnd() { return paperNearEnd; }
        @Override public boolean coverOpen() { return coverOpen; }
        @Override public boolean offline() { return offline; }
        @Override public boolean error() { return error; }

        public State paperOut(boolean v) { paperOut = v; return this; }
        public State paperNearEnd(boolean v) { paperNearEnd = v; return this; }
        public State coverOpen(boolean v) { coverOpen = v; return this; }
        public State offline(boolean v) { offline = v; return this; }
        public State error(boolean v) { error = v; return this; }

        /** The roll ends after this many more printed bytes (paper out in the middle of a job). */
        public State paperOutAfterBytes(long n) { paperOutAfterBytes = n; return this; }

        public State ready() {
            paperOut = paperNearEnd = coverOpen = offline = error = false;
            paperOutAfterBytes = -1;
            return this;
        }

        public boolean canPrint() {
            return !(paperOut || coverOpen || offline || error);
        }
    }

    private final PrinterProfile profile;
    private final State state = new State();
    private final List<Receipt> receipts = new CopyOnWriteArrayList<>();
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private final List<Consumer<Receipt>> listeners = new CopyOnWriteArrayList<>();
    private IntConsumer replies = b -> { };

    private byte[] pending = new byte[0];
    private List<Element> current = new ArrayList<>();
    private boolean lost;
    private int jobBytes;
    private final ByteArrayOutputStream lineBytes = new ByteArrayOutputStream();
    private final StringBuilder lineText = new StringBuilder();
    private int lineTable;
    private Align lineAlign;
    private int lineWidth = 1;
    private int lineHeight = 1;
    private boolean lineBold;
    private boolean lineReverse;
    private boolean lineStarted;

    private int table;
    private Align align;
    private int width;
    private int height;
    private boolean bold;
    private boolean reverse;
    private final Map<Integer, MonoBitmap> glyphs = new HashMap<>();
    private boolean userSet;
    private int qrModel;
    private int qrModule;
    private byte[] qrData;

    public EscPosInterpreter(PrinterProfile profile) {
        this.profile = Objects.requireNonNull(profile);
        reset();
    }

    public PrinterProfile profile() {
        return profile;
    }

    public State state() {
        return state;
    }

    /** Where status answers go (the serial port, in the emulator). */
    public void onReply(IntConsumer replies) {
        this.replies = Objects.requireNonNull(replies);
    }

    public void onReceipt(Consumer<Receipt> listener) {
        listeners.add(listener);
    }

    public List<Receipt> receipts() {
        return List.copyOf(receipts);
    }

    /** The user-defined characters downloaded since the last {@code ESC @}, by code, as dots. */
    public synchronized Map<Integer, MonoBitmap> definedGlyphs() {
        return Map.copyOf(glyphs);
    }

    /** Commands it did not understand or could not carry out; empty for everything we emit. */
    public List<String> errors() {
        return List.copyOf(errors);
    }

    public synchronized void accept(byte[] buf, int off, int len) {
        byte[] b = new byte[pending.length + len];
        System.arraycopy(pending, 0, b, 0, pending.length);
        System.arraycopy(buf, off, b, pending.length, len);
        int i = 0;
        while (i < b.length) {
            int used = step(b, i);
            if (used == 0) {
                break;
            }
            i += used;
        }
        pending = java.util.Arrays.copyOfRange(b, i, b.length);
    }

    public void accept(byte[] bytes) {
        accept(bytes, 0, bytes.length);
    }

    /** Ends the current job as if the paper were torn off now. */
    public synchronized void tearOff() {
        endLine(false);
        finishReceipt(false);
    }

    /** Consumes one command or character at {@code i}; 0 means it needs more bytes. */
    private int step(byte[] b, int i) {
        int n = b.length - i;
        int c = b[i] & 0xFF;
        if (c == EscPosCommands.DLE) {
            if (n < 3) {
                return 0;
            }
            if (b[i + 1] == EscPosCommands.EOT) {
                statusRequest(b[i + 2] & 0xFF);
                return 3;
            }
            return unknown("DLE " + (b[i + 1] & 0xFF), 2);
        }
        if (c == EscPosCommands.ESC) {
            return n < 2 ? 0 : esc(b, i, n);
        }
        if (c == EscPosCommands.GS) {
            return n < 2 ? 0 : gs(b, i, n);
        }
        countPrinted(1);
        if (c == EscPosCommands.LF) {
            endLine(true);
        } else if (c == '\r') {
            // Carriage return alone does nothing on ESC/POS printers in their default setting.
        } else if (c >= 0x20 && userSet && glyphs.containsKey(c)) {
            startLine();
            flushBytes();
            lineText.append(GlyphReader.vietnamese().read(glyphs.get(c)));
        } else if (c >= 0x20) {
            printable(c);
        } else {
            errors.add("unexpected control byte " + c);
        }
        return 1;
    }

    private int esc(byte[] b, int i, int n) {
        int cmd = b[i + 1] & 0xFF;
        switch (cmd) {
            case '@' -> {
                endLine(false);
                reset();
                return 2;
            }
            case 't', 'a', 'E', 'd', '!', '3', '-' -> {
                if (n < 3) {
                    return 0;
                }
                int p = b[i + 2] & 0xFF;
                switch (cmd) {
                    case 't' -> {
                        flushBytes();
                        table = p;
                        if (page(p) == null) {
                            errors.add("code table " + p + " is not on " + profile.id());
                        }
                    }
                    case 'a' -> align = Align.values()[Math.min(2, p % 48)];
                    case 'E' -> bold = (p & 1) != 0;
                    case 'd' -> {
                        endLine(false);
                        add(new Feed(p));
                    }
                    case '!' -> {
                        bold = (p & 0x08) != 0;
                        height = (p & 0x10) != 0 ? 2 : 1;
                        width = (p & 0x20) != 0 ? 2 : 1;
                    }
                    default -> { }
                }
                countPrinted(3);
                return 3;
            }
            case '2' -> {
                return 2;
            }
            case '%' -> {
                if (n < 3) {
                    return 0;
                }
                flushBytes();
                userSet = (b[i + 2] & 1) != 0;
                if (!profile.userDefinedChars()) {
                    errors.add("ESC % sent to " + profile.id() + ", which has no user-defined characters");
                }
                return 3;
            }
            case '&' -> {
                return defineGlyphs(b, i, n);
            }
            default -> {
                return unknown("ESC " + cmd, 2);
            }
        }
    }

    private int gs(byte[] b, int i, int n) {
        int cmd = b[i + 1] & 0xFF;
        switch (cmd) {
            case '!' -> {
                if (n < 3) {
                    return 0;
                }
                int p = b[i + 2] & 0xFF;
                width = (p >> 4 & 7) + 1;
                height = (p & 7) + 1;
                return 3;
            }
            case 'B' -> {
                if (n < 3) {
                    return 0;
                }
                reverse = (b[i + 2] & 1) != 0;
                return 3;
            }
            case 'V' -> {
                if (n < 3) {
                    return 0;
                }
                int m = b[i + 2] & 0xFF;
                int len = m >= 65 ? 4 : 3;
                if (n < len) {
                    return 0;
                }
                endLine(false);
                if (!profile.cutter()) {
                    errors.add("GS V sent to " + profile.id() + ", which has no cutter");
                }
                if (m >= 65) {
                    add(new Feed(Math.max(3, b[i + 3] & 0xFF)));
                }
                add(new Cut());
                finishReceipt(true);
                return len;
            }
            case 'v' -> {
                if (n < 8) {
                    return 0;
                }
                if (b[i + 2] != '0') {
                    return unknown("GS v " + (b[i + 2] & 0xFF), 3);
                }
                int xBytes = (b[i + 4] & 0xFF) | (b[i + 5] & 0xFF) << 8;
                int rows = (b[i + 6] & 0xFF) | (b[i + 7] & 0xFF) << 8;
                int len = 8 + xBytes * rows;
                if (n < len) {
                    return 0;
                }
                endLine(false);
                if (xBytes * 8 > profile.dotsPerLine()) {
                    errors.add("raster " + xBytes * 8 + " dots wide on " + profile.dotsPerLine() + "-dot paper");
                }
                byte[] data = java.util.Arrays.copyOfRange(b, i + 8, i + len);
                if (countPrinted(len)) {
                    add(new Raster(new MonoBitmap(xBytes, rows, data), align));
                }
                return len;
            }
            case '(' -> {
                if (n < 5) {
                    return 0;
                }
                int plen = (b[i + 3] & 0xFF) | (b[i + 4] & 0xFF) << 8;
                int len = 5 + plen;
                if (n < len) {
                    return 0;
                }
                if (b[i + 2] != 'k' || plen < 2 || b[i + 5] != 49) {
                    errors.add("unsupported GS ( " + (char) b[i + 2]);
                    return len;
                }
                qr(b[i + 6] & 0xFF, java.util.Arrays.copyOfRange(b, i + 7, i + len));
                return len;
            }
            case 'L' -> {
                return n < 4 ? 0 : 4;
            }
            default -> {
                return unknown("GS " + cmd, 2);
            }
        }
    }

    private int defineGlyphs(byte[] b, int i, int n) {
        GlyphDownload d = GlyphDownload.parse(b, i);
        if (d == null) {
            return 0;
        }
        if (!profile.userDefinedChars()) {
            errors.add("ESC & sent to " + profile.id() + ", which has no user-defined characters");
        } else if (!d.fontA()) {
            errors.add("ESC & with y=" + d.bytesPerColumn() + " codes " + d.first() + ".." + d.last()
                    + " (font A takes y=3, 0x20..0x7E)");
        }
        glyphs.putAll(d.glyphs());
        return d.length();
    }

    private void qr(int fn, byte[] p) {
        if (!profile.nativeQr()) {
            errors.add("GS ( k QR sent to " + profile.id() + ", which has no QR command");
            return;
        }
        switch (fn) {
            case 65 -> qrModel = p[0] & 0xFF;
            case 67 -> qrModule = p[0] & 0xFF;
            case 69 -> { }
            case 80 -> qrData = java.util.Arrays.copyOfRange(p, 1, p.length);
            case 81 -> {
                endLine(false);
                if (qrModel != EscPosCommands.QR_MODEL_2) {
                    errors.add("QR model parameter " + qrModel + " is not model 2 (50)");
                } else if (qrData == null) {
                    errors.add("QR print without stored data");
                } else if (countPrinted(qrData.length)) {
                    add(new Qr(new String(qrData, StandardCharsets.UTF_8), qrModule, align));
                }
            }
            default -> errors.add("QR function " + fn);
        }
    }

    private void statusRequest(int n) {
        // A job without a cut ends where the host asks how it went.
        endLine(false);
        if (!current.isEmpty() || lost) {
            finishReceipt(false);
        }
        replies.accept(StatusQuery.answer(n, state));
    }

    private int unknown(String what, int skip) {
        errors.add("unknown command " + what);
        return skip;
    }

    private void printable(int c) {
        startLine();
        lineBytes.write(c);
    }

    /** The line takes the modes in force at its first character. */
    private void startLine() {
        if (!lineStarted) {
            lineStarted = true;
            lineAlign = align;
            lineWidth = width;
            lineHeight = height;
            lineBold = bold;
            lineReverse = reverse;
            lineTable = table;
        }
    }

    private void flushBytes() {
        if (lineBytes.size() > 0) {
            CodePage p = page(table);
            byte[] bs = lineBytes.toByteArray();
            lineText.append(p == null ? new String(bs, StandardCharsets.ISO_8859_1) : p.decode(bs, 0, bs.length));
            lineBytes.reset();
        }
    }

    private void endLine(boolean lineFeed) {
        flushBytes();
        if (lineStarted || lineFeed) {
            String text = java.text.Normalizer.normalize(lineText, java.text.Normalizer.Form.NFC);
            if (lineStarted) {
                add(new TextLine(text, lineAlign, lineWidth, lineHeight, lineBold, lineReverse, lineTable));
            } else {
                add(new Feed(1));
            }
        }
        lineText.setLength(0);
        lineStarted = false;
    }

    private void add(Element e) {
        if (!lost) {
            current.add(e);
        }
    }

    /** Counts bytes that move paper; returns false once the paper has run out. */
    private boolean countPrinted(int n) {
        jobBytes += n;
        if (state.paperOutAfterBytes >= 0) {
            state.paperOutAfterBytes -= n;
            if (state.paperOutAfterBytes < 0) {
                state.paperOutAfterBytes = -1;
                state.paperOut(true);
            }
        }
        if (state.paperOut() || state.coverOpen() || state.offline() || state.error()) {
            lost = true;
        }
        return !lost;
    }

    private void finishReceipt(boolean cut) {
        if (current.isEmpty() && !lost) {
            return;
        }
        Receipt r = new Receipt(List.copyOf(current), cut, !lost, jobBytes);
        current = new ArrayList<>();
        lost = false;
        jobBytes = 0;
        receipts.add(r);
        listeners.forEach(l -> l.accept(r));
    }

    private void reset() {
        glyphs.clear();
        userSet = false;
        table = 0;
        align = Align.LEFT;
        width = 1;
        height = 1;
        bold = false;
        reverse = false;
        qrModel = EscPosCommands.QR_MODEL_2;
        qrModule = 3;
        qrData = null;
    }

    private CodePage page(int number) {
        for (PrinterProfile.Table t : profile.codePages()) {
            if (t.number() == number) {
                return t.page();
            }
        }
        return null;
    }
}
