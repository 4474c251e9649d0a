package vn.hanoi.branch.printer.serial;

import com.fazecast.jSerialComm.SerialPort;

import java.time.Duration;
import java.util.Locale;

/**
 * How to reach a printer on a serial port. Printers ship at 9600 or 38400 8N1 (set by DIP switches
 * or a self-test menu); the kiosk configuration has to match the printer, there is no negotiation.
 *
 * @param statusTimeout how long to wait for the one-byte answer to {@code DLE EOT}; a printer answers
 *                      within milliseconds even while printing, so silence this long means trouble
 */
public record SerialSettings(String portPath, int baud, int dataBits, Parity parity, int stopBits,
                             FlowControl flowControl, Duration statusTimeout) {

    public enum Parity {
        NONE(SerialPort.NO_PARITY), EVEN(SerialPort.EVEN_PARITY), ODD(SerialPort.ODD_PARITY);

        final int jsc;

        Parity(int jsc) {
            this.jsc = jsc;
        }
    }

    public enum FlowControl {
        NONE(SerialPort.FLOW_CONTROL_DISABLED),
        RTS_CTS(SerialPort.FLOW_CONTROL_RTS_ENABLED | SerialPort.FLOW_CONTROL_CTS_ENABLED),
        DSR_DTR(SerialPort.FLOW_CONTROL_DSR_ENABLED | SerialPort.FLOW_CONTROL_DTR_ENABLED),
        XON_XOFF(SerialPort.FLOW_CONTROL_XONXOFF_IN_ENABLED | SerialPort.FLOW_CONTROL_XONXOFF_OUT_ENABLED);

        final int jsc;

        FlowControl(int jsc) {
            this.jsc = jsc;
        }
    }

    public SerialSettings {
        if (portPath == null || portPath.isBlank()) {
            throw new IllegalArgumentException("printer port path is required");
        }
        if (baud <= 0) {
            throw new IllegalArgumentException("baud must be positive");
        }
    }

    /** 8N1 without flow control at the given speed: what pseudo-terminals and most USB adapters take. */
    public static SerialSettings of(String portPath, int baud) {
        return new SerialSettings(portPath, baud, 8, Parity.NONE, 1, FlowControl.NONE, Duration.ofMillis(500));
    }

    public SerialSettings withFlowControl(FlowControl f) {
        return new SerialSettings(portPath, baud, dataBits, parity, stopBits, f, statusTimeout);
    }

    public SerialSettings withParity(Parity p) {
        return new SerialSettings(portPath, baud, dataBits, p, stopBits, flowControl, statusTimeout);
    }

    public SerialSettings withStatusTimeout(Duration d) {
        return new SerialSettings(portPath, baud, dataBits, parity, stopBits, flowControl, d);
    }

    /** Time the bytes take on the wire: start, data, parity and stop bits per byte. */
    public Duration wireTime(long bytes) {
        int bitsPerByte = 1 + dataBits + (parity == Parity.NONE ? 0 : 1) + stopBits;
        return Duration.ofNanos(bytes * bitsPerByte * 1_000_000_000L / baud);
    }

    public static Parity parity(String s) {
        return Parity.valueOf(s.toUpperCase(Locale.ROOT));
    }

    public static FlowControl flowControl(String s) {
        return FlowControl.valueOf(s.toUpperCase(Locale.ROOT).replace('-', '_').replace('/', '_'));
    }
}
