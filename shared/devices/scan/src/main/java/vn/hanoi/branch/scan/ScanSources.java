package vn.hanoi.branch.scan;

import java.nio.file.Path;
import java.util.ServiceLoader;

/**
 * The counter's {@code --scanner} value made into a source: {@code sane:<device>} (as {@code scanimage -L}
 * names it), {@code folder:<dir>} (the folder a network scanner saves into), or the name of a plug-in on
 * the class path ({@code sim} in the demo). Without a value: the {@code sim} plug-in where there is
 * one, else a source that tells the clerk no scanner is set up.
 */
public final class ScanSources {
    private ScanSources() {
    }

    public static ScanSource parse(String option, Path stateDir) {
        if (option == null || option.isBlank()) {
            return unconfigured();
        }
        String o = option.strip();
        if (o.startsWith("sane:") && o.length() > 5) {
            return new SaneScanner(o.substring(5), stateDir.resolve("sane-work"));
        }
        if (o.startsWith("folder:") && o.length() > 7) {
            return new FolderInbox(Path.of(o.substring(7)));
        }
        ScanSourcePlugin p = plugin(o);
        if (p != null) {
            return p.open();
        }
        throw new IllegalArgumentException("--scanner " + o + ": dùng sane:<thiết bị> hoặc folder:<thư mục> / "
                + "use sane:<device> or folder:<dir>");
    }

    /** The source used until the counter is told which scanner it has. */
    public static ScanSource unconfigured() {
        ScanSourcePlugin p = plugin("sim");
        return p != null ? p.open() : new NotConfigured();
    }

    private static ScanSourcePlugin plugin(String name) {
        return ServiceLoader.load(ScanSourcePlugin.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals(name)).findFirst().orElse(null);
    }

    /** No scanner set up on this counter PC: every scan says so and what IT should do. */
    static final class NotConfigured implements ScanSource {
        @Override
        public String name() {
            return "Chưa cài đặt máy quét / No scanner configured";
        }

        @Override
        public int scan(ScanSettings settings, PageSink sink, java.util.function.BooleanSupplier cancelled)
                throws ScanException {
            throw new ScanException("no_scanner",
                    "Chưa cài đặt máy quét cho quầy này. Bộ phận CNTT cần chạy ứng dụng quầy với --scanner sane:<thiết bị> hoặc folder:<thư mục>.",
                    "No scanner is set up for this counter. IT should start the counter app with --scanner sane:<device> or folder:<dir>.");
        }
    }
}
