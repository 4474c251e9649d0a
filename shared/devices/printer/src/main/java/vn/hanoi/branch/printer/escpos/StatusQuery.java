package vn.hanoi.branch.printer.escpos;

import vn.hanoi.branch.printer.PrinterStatus;

/**
 * {@code DLE EOT n} status bytes, both ways: what a printer in a given state answers (for the
 * emulator) and what an answer means for the kiosk (for the driver). Bit meanings follow Epson's
 * TM manuals; every answer has bits 1 and 4 set and bits 0 and 7 clear, which is how a stray byte
 * is told from a status answer.
 */
public final class StatusQuery {
    public static final int PRINTER = 1;
    public static final int OFFLINE_CAUSE = 2;
    public static final int ERROR_CAUSE = 3;
    public static final int PAPER = 4;

    static final int FIXED = 0x12;
    static final int N1_OFFLINE = 0x08;
    static final int N2_COVER_OPEN = 0x04;
    static final int N2_PAPER_END_STOP = 0x20;
    static final int N2_ERROR = 0x40;
    static final int N3_CUTTER = 0x08;
    static final int N3_UNRECOVERABLE = 0x20;
    static final int N4_NEAR_END = 0x0C;
    static final int N4_PAPER_END = 0x60;

    private StatusQuery() {
    }

    public static boolean wellFormed(int b) {
        return b >= 0 && (b & 0x93) == FIXED;
    }

    /** The byte a printer in state {@code s} answers to {@code DLE EOT n}. */
    public static int answer(int n, PrinterState s) {
        boolean offline = s.offline() || s.coverOpen() || s.paperOut() || s.error();
        return FIXED | switch (n) {
            case PRINTER -> offline ? N1_OFFLINE : 0;
            case OFFLINE_CAUSE -> (s.coverOpen() ? N2_COVER_OPEN : 0) | (s.paperOut() ? N2_PAPER_END_STOP : 0)
                    | (s.error() ? N2_ERROR : 0);
            case ERROR_CAUSE -> s.error() ? N3_UNRECOVERABLE : 0;
            case PAPER -> (s.paperOut() ? N4_PAPER_END : 0) | (s.paperNearEnd() || s.paperOut() ? N4_NEAR_END : 0);
            default -> 0;
        };
    }

    /**
     * What the answers to n = 1, 2, 4 mean, the most serious first. A malformed answer is what a
     * printer set to another speed or parity sends back: garbled, not silent.
     */
    public static PrinterStatus interpret(int printer, int offlineCause, int paper) {
        if (!wellFormed(printer) || !wellFormed(offlineCause) || !wellFormed(paper)) {
            return PrinterStatus.GARBLED;
        }
        if ((paper & N4_PAPER_END) != 0 || (offlineCause & N2_PAPER_END_STOP) != 0) {
            return PrinterStatus.PAPER_OUT;
        }
        if ((offlineCause & N2_COVER_OPEN) != 0) {
            return PrinterStatus.COVER_OPEN;
        }
        if ((offlineCause & N2_ERROR) != 0) {
            return PrinterStatus.ERROR;
        }
        if ((printer & N1_OFFLINE) != 0) {
            return PrinterStatus.OFFLINE;
        }
        if ((paper & N4_NEAR_END) != 0) {
            return PrinterStatus.PAPER_NEAR_END;
        }
        return PrinterStatus.READY;
    }

    /** A printer's condition as the emulator holds it. */
    public interface PrinterState {
        boolean paperOut();

        boolean paperNearEnd();

        boolean coverOpen();

        boolean offline();

        boolean error();
    }
}
