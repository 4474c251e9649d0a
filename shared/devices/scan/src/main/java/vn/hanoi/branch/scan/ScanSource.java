package vn.hanoi.branch.scan;

import java.awt.image.BufferedImage;
import java.util.function.BooleanSupplier;

/**
 * Where pages come from: a SANE scanner, the simulated scanner, a scan-to-folder inbox or imported files.
 * Pages are handed over one by one as they arrive, so the counter can spool each to disk before the
 * next one is read: a crash in the middle of a batch loses at most the page being read.
 */
public interface ScanSource {
    /** Receives each page as soon as it is read. */
    @FunctionalInterface
    interface PageSink {
        void page(BufferedImage image) throws java.io.IOException;
    }

    /** A name for the screen ("Máy quét mô phỏng", "SANE: epson2:libusb:001:004", a folder). */
    String name();

    /**
     * Reads one batch (one page from the flatbed, or until the feeder is empty), stopping early when
     * {@code cancelled} says so. Returns the number of pages read.
     */
    int scan(ScanSettings settings, PageSink sink, BooleanSupplier cancelled) throws ScanException;
}
