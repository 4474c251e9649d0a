package vn.hanoi.branch.counter.scan;

import vn.hanoi.branch.scan.FolderInbox;
import vn.hanoi.branch.scan.SaneScanner;
import vn.hanoi.branch.scan.ScanSource;
import vn.hanoi.branch.scan.SimulatedScanner;

import java.nio.file.Path;

/**
 * The counter's {@code --scanner} option: {@code sim} (the simulated scanner, the default for the demo),
 * {@code sane:<device>} (a SANE device as {@code scanimage -L} names it) or {@code folder:<dir>} (the
 * folder a network scanner saves into).
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
        String o = option == null || option.isBlank() ? "sim" : option.strip();
        if (o.equals("sim")) {
            return SimulatedScanner.demo();
        }
        if (o.startsWith("sane:") && o.length() > 5) {
            return new SaneScanner(o.substring(5), stateDir.resolve("sane-work"));
        }
        if (o.startsWith("folder:") && o.length() > 7) {
            return new FolderInbox(Path.of(o.substring(7)));
        }
        throw new IllegalArgumentException("--scanner " + o + ": dùng sim, sane:<thiết bị> hoặc folder:<thư mục> / "
                + "use sim, sane:<device> or folder:<dir>");
    }
}
