package vn.hanoi.branch.qr;

import java.time.Duration;

/**
 * A 2D scanner in USB-CDC (virtual serial port) mode. In that mode the baud rate is not used on any
 * wire, but plain serial scanners (RS-232 via an adapter) need the one set in the scanner, usually 9600.
 *
 * @param maxCodeBytes   longest line accepted; an ID card code is about 150-250 bytes
 * @param quietGap       a line without its end is dropped after this much silence; scanners send a
 *                       whole code within milliseconds
 * @param reconnectDelay how often to try opening the port while it is missing
 */
public record ScannerSettings(String portPath, int baud, int maxCodeBytes, Duration quietGap, Duration reconnectDelay) {

    public ScannerSettings {
        if (portPath == null || portPath.isBlank()) {
            throw new IllegalArgumentException("scanner port path is required");
        }
        if (baud <= 0 || maxCodeBytes <= 0) {
            throw new IllegalArgumentException("baud and maxCodeBytes must be positive");
        }
        if (quietGap == null || quietGap.isNegative() || quietGap.isZero()
                || reconnectDelay == null || reconnectDelay.isNegative() || reconnectDelay.isZero()) {
            throw new IllegalArgumentException("quietGap and reconnectDelay must be positive");
        }
    }

    public static ScannerSettings of(String portPath, int baud) {
        return new ScannerSettings(portPath, baud, 1024, Duration.ofMillis(500), Duration.ofSeconds(1));
    }

    public ScannerSettings withReconnectDelay(Duration d) {
        return new ScannerSettings(portPath, baud, maxCodeBytes, quietGap, d);
    }

    public ScannerSettings withQuietGap(Duration d) {
        return new ScannerSettings(portPath, baud, maxCodeBytes, d, reconnectDelay);
    }

    public ScannerSettings withMaxCodeBytes(int n) {
        return new ScannerSettings(portPath, baud, n, quietGap, reconnectDelay);
    }
}
