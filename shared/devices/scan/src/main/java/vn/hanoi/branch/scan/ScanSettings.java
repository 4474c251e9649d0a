package vn.hanoi.branch.scan;

/**
 * How to scan a batch: where the paper is (flatbed, feeder, feeder both sides), the resolution and the
 * colour mode. The same settings drive a SANE scanner, the simulated scanner and file imports (which
 * render PDFs at {@code dpi}).
 */
public record ScanSettings(Source source, int dpi, ColorMode mode) {
    public enum Source { FLATBED, ADF, ADF_DUPLEX }

    /** B/W (line art, stored CCITT G4), grey and colour (stored JPEG). */
    public enum ColorMode { LINEART, GRAY, COLOR }

    public ScanSettings {
        if (dpi < 75 || dpi > 1200) {
            throw new IllegalArgumentException("resolution must be 75..1200 dpi, was " + dpi);
        }
        if (source == null || mode == null) {
            throw new IllegalArgumentException("source and mode are required");
        }
    }

    /** What the city asks for: 300 dpi, grey, from the feeder. */
    public static ScanSettings standard() {
        return new ScanSettings(Source.ADF, 300, ColorMode.GRAY);
    }
}
