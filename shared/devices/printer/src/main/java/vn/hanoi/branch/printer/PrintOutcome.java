package vn.hanoi.branch.printer;

/**
 * Result of one print job. {@code printed} is true only when the printer confirmed the whole job;
 * {@code statusAfter} tells the kiosk whether to keep offering paper.
 */
public record PrintOutcome(boolean printed, PrinterStatus statusAfter, int bytesSent) {
}
