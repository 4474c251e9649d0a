package vn.hanoi.branch.counter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hanoi.branch.counter.scan.ScannerOption;
import vn.hanoi.branch.scan.FolderInbox;
import vn.hanoi.branch.scan.SaneScanner;
import vn.hanoi.branch.testkit.scan.SimulatedScanner;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The counter's --scanner option. */
class ScannerOptionTest {
    @TempDir
    Path dir;

    /** The tests have the testkit on the class path, so "sim" (and no option at all) is its simulated scanner. */
    @Test
    void eachKindOfSourceAndAClearRefusal() {
        assertThat(ScannerOption.parse(null, dir)).isInstanceOf(SimulatedScanner.class);
        assertThat(ScannerOption.parse("sim", dir)).isInstanceOf(SimulatedScanner.class);
        assertThat(ScannerOption.parse("sane:epson2:libusb:001:004", dir)).isInstanceOf(SaneScanner.class)
                .extracting(s -> s.name()).isEqualTo("SANE: epson2:libusb:001:004");
        assertThat(ScannerOption.parse("folder:" + dir.resolve("inbox"), dir)).isInstanceOf(FolderInbox.class);
        assertThatThrownBy(() -> ScannerOption.parse("twain", dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dùng sane:<thiết bị> hoặc folder:<thư mục>")
                .hasMessageContaining("use sane:<device> or folder:<dir>");
        assertThatThrownBy(() -> ScannerOption.parse("sane:", dir)).isInstanceOf(IllegalArgumentException.class);
    }
}
