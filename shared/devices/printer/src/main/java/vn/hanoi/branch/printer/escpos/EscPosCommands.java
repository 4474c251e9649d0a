package vn.hanoi.branch.printer.escpos;

/**
 * The ESC/POS commands we emit, as bytes. The interpreter decodes exactly these, so the two stay in
 * one vocabulary.
 */
public final class EscPosCommands {
    public static final byte ESC = 0x1B;
    public static final byte GS = 0x1D;
    public static final byte DLE = 0x10;
    public static final byte EOT = 0x04;
    public static final byte LF = 0x0A;

    /** QR model 2 is parameter 50; 49 is the obsolete model 1 (the off-by-one some libraries ship). */
    public static final int QR_MODEL_2 = 50;
    /** Error correction levels L, M, Q, H are 48..51. */
    public static final int QR_EC_M = 49;

    public enum Align { LEFT, CENTER, RIGHT }

    private EscPosCommands() {
    }

    public static byte[] initialize() {
        return new byte[] {ESC, '@'};
    }

    public static byte[] codeTable(int n) {
        return new byte[] {ESC, 't', (byte) n};
    }

    public static byte[] align(Align a) {
        return new byte[] {ESC, 'a', (byte) a.ordinal()};
    }

    public static byte[] bold(boolean on) {
        return new byte[] {ESC, 'E', (byte) (on ? 1 : 0)};
    }

    /** {@code ESC % n}: letters from the user-defined set ({@code ESC &}) on, or the printer's own. */
    public static byte[] userDefinedSet(boolean on) {
        return new byte[] {ESC, '%', (byte) (on ? 1 : 0)};
    }

    /** White on black; used for the priority marker so it stands out without raster. */
    public static byte[] reverse(boolean on) {
        return new byte[] {GS, 'B', (byte) (on ? 1 : 0)};
    }

    /** Character size as multiples of font A, 1..8 each way. */
    public static byte[] size(int width, int height) {
        if (width < 1 || width > 8 || height < 1 || height > 8) {
            throw new IllegalArgumentException("size multiples are 1..8");
        }
        return new byte[] {GS, '!', (byte) (((width - 1) << 4) | (height - 1))};
    }

    public static byte[] feedLines(int n) {
        return new byte[] {ESC, 'd', (byte) n};
    }

    /** Feeds the paper to the cutter and cuts partially (function B), so no lines are lost under it. */
    public static byte[] feedAndCut() {
        return new byte[] {GS, 'V', 66, 0};
    }

    /** {@code GS v 0}: one band of a 1-bit image, {@code bytesPerRow × rows}, MSB is the leftmost dot. */
    public static byte[] rasterHeader(int bytesPerRow, int rows) {
        return new byte[] {GS, 'v', '0', 0,
                (byte) bytesPerRow, (byte) (bytesPerRow >> 8), (byte) rows, (byte) (rows >> 8)};
    }

    public static byte[] qrModel2() {
        return qrFunction(65, new byte[] {(byte) QR_MODEL_2, 0});
    }

    public static byte[] qrModuleSize(int dots) {
        return qrFunction(67, new byte[] {(byte) dots});
    }

    public static byte[] qrErrorCorrection(int level) {
        return qrFunction(69, new byte[] {(byte) level});
    }

    public static byte[] qrStore(byte[] data) {
        byte[] p = new byte[data.length + 1];
        p[0] = 48;
        System.arraycopy(data, 0, p, 1, data.length);
        return qrFunction(80, p);
    }

    public static byte[] qrPrint() {
        return qrFunction(81, new byte[] {48});
    }

    /** {@code GS ( k pL pH cn fn params}: cn 49 is the QR code symbol family. */
    private static byte[] qrFunction(int fn, byte[] params) {
        int len = params.length + 2;
        byte[] b = new byte[len + 5];
        b[0] = GS;
        b[1] = '(';
        b[2] = 'k';
        b[3] = (byte) len;
        b[4] = (byte) (len >> 8);
        b[5] = 49;
        b[6] = (byte) fn;
        System.arraycopy(params, 0, b, 7, params.length);
        return b;
    }

    /** Real-time status request; the printer answers one byte even while busy or offline. */
    public static byte[] statusRequest(int n) {
        return new byte[] {DLE, EOT, (byte) n};
    }
}
