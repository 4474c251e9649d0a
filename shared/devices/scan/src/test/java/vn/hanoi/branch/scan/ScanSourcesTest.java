package vn.hanoi.branch.scan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What an installed counter gets: this module's tests run without the testkit, as a package does, so
 * there is no simulated scanner to fall back on.
 */
class ScanSourcesTest {
    @TempDir
    Path dir;

    @Test
    void withoutAScannerOptionTheCounterSaysNoScannerIsSetUpAndScansNothing() {
        ScanSource none = ScanSources.parse(null, dir);
        assertThat(none.name()).contains("Chưa cài đặt máy quét").contains("No scanner configured");
        assertThatThrownBy(() -> none.scan(new ScanSettings(ScanSettings.Source.FLATBED, 300, ScanSettings.ColorMode.GRAY), page -> {
            throw new AssertionError("no page may come from an unconfigured scanner");
        }, () -> false)).isInstanceOfSatisfying(ScanException.class, e -> {
            assertThat(e.code()).isEqualTo("no_scanner");
            assertThat(e.messageVi()).contains("--scanner sane:");
            assertThat(e.messageEn()).contains("--scanner sane:");
        });
    }

    @Test
    void theDemosSimulatedScannerIsNotThereInAPackage() {
        assertThatThrownBy(() -> ScanSources.parse("sim", dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("use sane:<device> or folder:<dir>");
    }

    @Test
    void realSourcesAreChosenByTheirPrefix() {
        assertThat(ScanSources.parse("sane:epson2:libusb:001:004", dir)).isInstanceOf(SaneScanner.class);
        assertThat(ScanSources.parse("folder:" + dir, dir)).isInstanceOf(FolderInbox.class);
    }
}
