package vn.hanoi.branch.counter;

import org.junit.jupiter.api.Test;
import vn.hanoi.branch.client.DeviceState;
import vn.hanoi.branch.counter.CounterOptions.CustomerWindowMode;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The counter's command line: defaults, generated help, refusals with exit code 2. */
class CounterOptionsTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int check(String... args) {
        return CounterOptions.check(args, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void defaultsAreTheOldOnes() {
        CounterOptions o = CounterOptions.parse(List.of());
        assertThat(o.agent()).isNull();
        assertThat(o.scanner()).as("not given: ScanSources picks").isNull();
        assertThat(o.scanDpi()).isEqualTo(300);
        assertThat(o.ratingSeconds()).isEqualTo(60);
        assertThat(o.printerProfile()).isEqualTo("tm-t88");
        assertThat(o.printerBaud()).isEqualTo(9600);
        assertThat(o.printerPort()).isNull();
        assertThat(o.stateDir()).isEqualTo(DeviceState.defaultDir("counter"));
        assertThat(o.customerWindowMode()).isEqualTo(CustomerWindowMode.AUTO);
        assertThat(check()).isEqualTo(-1);
    }

    @Test
    void optionsAreRead() {
        CounterOptions o = CounterOptions.parse(List.of("--agent", "http://10.0.0.2:8080", "--pairing-code", "123456",
                "--state-dir", "/tmp/c", "--scanner", "sim", "--scan-dpi", "150", "--rating-seconds", "5",
                "--printer-port", "/dev/ttyUSB0", "--printer-profile", "generic", "--printer-baud", "19200",
                "--customer-window"));
        assertThat(o.agent()).isEqualTo("http://10.0.0.2:8080");
        assertThat(o.pairingCode()).isEqualTo("123456");
        assertThat(o.stateDir()).isEqualTo(Path.of("/tmp/c"));
        assertThat(o.scanner()).isEqualTo("sim");
        assertThat(o.scanDpi()).isEqualTo(150);
        assertThat(o.ratingSeconds()).isEqualTo(5);
        assertThat(o.printerPort()).isEqualTo("/dev/ttyUSB0");
        assertThat(o.printerProfile()).isEqualTo("generic");
        assertThat(o.printerBaud()).isEqualTo(19200);
        assertThat(o.customerWindowMode()).isEqualTo(CustomerWindowMode.ALWAYS);
        assertThat(CounterOptions.parse(List.of("--customer-window", "--no-customer-window")).customerWindowMode())
                .isEqualTo(CustomerWindowMode.NEVER);
        assertThat(CounterOptions.parse(List.of("--list-scanners")).listScanners()).isTrue();
    }

    @Test
    void helpListsTheOptions() {
        assertThat(check("--help")).isZero();
        assertThat(out.toString()).contains("--agent", "--pairing-code", "--scanner", "--scan-dpi", "--list-scanners",
                "--no-customer-window", "--rating-seconds", "--printer-profile");
    }

    @Test
    void unknownOrMalformedOptionsAreRefusedWithExitCode2() {
        assertThat(check("--agnet", "http://x")).isEqualTo(2);
        assertThat(err.toString()).contains("Tuỳ chọn không hợp lệ / Invalid option", "--agnet");
        assertThat(check("--scan-dpi", "many")).isEqualTo(2);
        assertThat(check("--rating-seconds")).isEqualTo(2);
    }

    @Test
    void valuesTheCounterCannotUseAreRefusedBeforeAnyWindow() {
        assertThat(check("--customer-window", "--no-customer-window")).isEqualTo(2);
        assertThat(check("--printer-profile", "tm-t99")).isEqualTo(2);
        assertThat(check("--scan-dpi", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("exclude each other", "unknown printer profile tm-t99", "must be above 0");
    }
}
