package vn.hanoi.branch.qr;

import vn.hanoi.branch.code.BookingQr;

import com.fazecast.jSerialComm.SerialPort;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hanoi.branch.testkit.printer.PtyPair;
import vn.hanoi.branch.testkit.card.FakeCitizens;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scanner driver on one end of a socat pseudo-terminal pair; the test plays the scanner on the
 * other end. socat is required: without it {@link PtyPair#start} throws and these tests fail.
 */
class SerialCodeScannerTest {
    private static final String CCCD = FakeCitizens.NGOC.format();

    @TempDir
    Path dir;
    private PtyPair pty;
    private SerialPort device;
    private SerialCodeScanner scanner;
    private final ScanEvents events = new ScanEvents();

    @BeforeEach
    void plugIn() throws Exception {
        pty = PtyPair.start(dir.resolve("pty"));
        device = openDevice();
        scanner = SerialCodeScanner.start(ScannerSettings.of(pty.hostEnd().toString(), 115200)
                .withReconnectDelay(Duration.ofMillis(100)), events);
        assertThat(events.next()).isEqualTo(new ScanEvents.State(ScannerState.CONNECTED));
    }

    @AfterEach
    void unplug() {
        scanner.close();
        if (device != null) {
            device.closePort();
        }
        pty.close();
    }

    /** The scanner's side of the cable. */
    private SerialPort openDevice() throws IOException {
        SerialPort p = SerialPort.getCommPort(pty.printerEnd().toString());
        p.setComPortParameters(115200, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        if (!p.openPort()) {
            throw new IOException("cannot open " + pty.printerEnd());
        }
        return p;
    }

    private void send(byte[] b) {
        assertThat(device.writeBytes(b, b.length)).isEqualTo(b.length);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aVietnameseIdCardCodeArrivesByteForByte() throws Exception {
        send(utf8(CCCD + "\r\n"));
        ScanEvents.Code code = (ScanEvents.Code) events.next();
        assertThat(code.text()).isEqualTo(CCCD);
        assertThat(Normalizer.isNormalized(code.text(), Normalizer.Form.NFC)).isTrue();
        assertThat(utf8(code.text())).isEqualTo(utf8(CCCD));
        ScannedCode.CitizenId id = (ScannedCode.CitizenId) ScannedCodes.parse(code.text());
        assertThat(id.card().fullName()).isEqualTo("Trần Thị Bích Ngọc");
    }

    @Test
    void bytesDribbledOneAtATimeMakeOneCode() throws Exception {
        byte[] b = utf8(FakeCitizens.DUC.format() + "\r");
        for (byte x : b) {
            send(new byte[] {x});
            Thread.sleep(2);
        }
        assertThat(events.next()).isEqualTo(new ScanEvents.Code(FakeCitizens.DUC.format()));
        assertThat(events.next(Duration.ofMillis(200))).isNull();
    }

    @Test
    void twoCodesInOneWriteAndBothLineEnds() throws Exception {
        String link = new BookingQr("K7M9QX2A").link();
        send(utf8(link + "\r" + CCCD + "\r\nHN01-261123-0042\n"));
        assertThat(events.next()).isEqualTo(new ScanEvents.Code(link));
        assertThat(events.next()).isEqualTo(new ScanEvents.Code(CCCD));
        assertThat(events.next()).isEqualTo(new ScanEvents.Code("HN01-261123-0042"));
        assertThat(events.next(Duration.ofMillis(200))).as("no empty code from CR LF").isNull();
    }

    @Test
    void garbageIsDroppedWithAnEventAndScanningGoesOn() throws Exception {
        send(new byte[] {(byte) 0xFF, (byte) 0xFE, 0x00, '\r'});
        send(utf8("A".repeat(3000) + "\r\n"));
        send(utf8("K7M9QX2A\r\n"));
        assertThat(events.next()).isEqualTo(new ScanEvents.Dropped(DropReason.NOT_TEXT, 3));
        assertThat(events.next()).isEqualTo(new ScanEvents.Dropped(DropReason.OVERLONG, 3000));
        assertThat(events.next()).isEqualTo(new ScanEvents.Code("K7M9QX2A"));
    }

    @Test
    void aPulledCableIsReportedAndAPluggedBackScannerWorks() throws Exception {
        send(utf8("001190012345|"));  // cut off mid-scan by the pull
        Thread.sleep(50);
        device.closePort();
        device = null;
        pty.close();
        assertThat(events.next()).isEqualTo(new ScanEvents.Dropped(DropReason.INCOMPLETE, 13));
        assertThat(events.next()).isEqualTo(new ScanEvents.State(ScannerState.DISCONNECTED));
        assertThat(scanner.state()).isEqualTo(ScannerState.DISCONNECTED);
        Thread.sleep(300); // a few failed reopen attempts: reported once, not per attempt
        assertThat(events.next(Duration.ofMillis(100))).isNull();

        pty = PtyPair.start(dir.resolve("pty"));
        device = openDevice();
        assertThat(events.next()).isEqualTo(new ScanEvents.State(ScannerState.CONNECTED));
        send(utf8(CCCD + "\r"));
        assertThat(events.next()).isEqualTo(new ScanEvents.Code(CCCD));
    }

    @Test
    void aMissingPortIsDisconnectedUntilItAppears() throws Exception {
        ScanEvents late = new ScanEvents();
        Path missing = dir.resolve("later").resolve("host");
        try (SerialCodeScanner s = SerialCodeScanner.start(ScannerSettings.of(missing.toString(), 9600)
                .withReconnectDelay(Duration.ofMillis(100)), late)) {
            assertThat(late.next()).isEqualTo(new ScanEvents.State(ScannerState.DISCONNECTED));
            try (PtyPair second = PtyPair.start(dir.resolve("later"))) {
                assertThat(late.next()).isEqualTo(new ScanEvents.State(ScannerState.CONNECTED));
                assertThat(s.state()).isEqualTo(ScannerState.CONNECTED);
            }
        }
    }
}
