package vn.hanoi.branch.qr;

/**
 * Receives what a serial scanner reads. Called on the scanner's reader thread: hand work to the UI
 * thread and return quickly, or the next scan waits. The code may be a citizen's ID card data: pass
 * it to {@link ScannedCodes#parse} and never log it.
 */
public interface ScannerListener {

    /** One complete code, NFC-normalised, without its line end. */
    void onCode(String code);

    /** Input thrown away; {@code bytes} tells how much, the content itself is not kept. */
    default void onDropped(DropReason reason, int bytes) {
    }

    default void onState(ScannerState state) {
    }
}
