package vn.hanoi.branch.qr;

/** Whether the scanner can be used; the kiosk shows "scanner not ready" and offers other ways when it cannot. */
public enum ScannerState {
    CONNECTED,
    DISCONNECTED
}
