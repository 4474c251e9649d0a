package vn.hanoi.branch.counter.scan;

import vn.hanoi.branch.scan.SaneScanner;
import vn.hanoi.branch.scan.ScanSource;
import vn.hanoi.branch.scan.ScanSources;

import java.nio.file.Path;

/**
 * The counter's {@code --scanner} option (read by {@link ScanSources}) and the SANE device list for IT.
 */
public final class ScannerOption {
    private ScannerOption() {
    }

    /** Prints the SANE devices as {@code --scanner} values; returns the exit code (0, or 1 when SANE fails). */
    public static int printDevices(java.io.PrintStream out) {
        try {
            var devices = SaneScanner.list("scanimage");
            if (devices.isEmpty()) {
                out.println("Không tìm thấy máy quét nào qua SANE. / SANE finds no scanner.");
            }
            for (SaneScanner.Device d : devices) {
                out.println("--scanner sane:" + d.name() + "    " + d.description());
            }
            return 0;
        } catch (vn.hanoi.branch.scan.ScanException e) {
            out.println(e.bilingual());
            return 1;
        }
    }

    public static ScanSource parse(String option, Path stateDir) {
        return ScanSources.parse(option, stateDir);
    }
}
