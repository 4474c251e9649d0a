package vn.hanoi.branch.scan;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scanner through SANE on Linux, driving {@code scanimage}: {@code --batch} with {@code --batch-print}
 * names each page file as soon as it is complete, so pages are handed over one by one while the feeder
 * runs. SANE's status messages become {@link ScanException}s ({@link SaneMessages}); "out of documents"
 * ends a batch normally. Source and mode names differ between backends, so they can be given per device.
 */
public final class SaneScanner implements ScanSource {
    /** A device as {@code scanimage -L} lists it. */
    public record Device(String name, String description) {
    }

    private static final Pattern LISTED = Pattern.compile("device `([^']+)' is (.+)");

    private final String command;
    private final String device;
    private final Path workDir;
    /** How long a page may take before the scanner counts as hung (a feeder pauses, a driver can hang). */
    private java.time.Duration pageTimeout = java.time.Duration.ofSeconds(120);
    /** After scanimage has reported an error, how long it may take to exit before it is stopped. */
    static final java.time.Duration EXIT_AFTER_ERROR = java.time.Duration.ofSeconds(5);
    private final Map<ScanSettings.Source, String> sources = new EnumMap<>(ScanSettings.Source.class);
    private final Map<ScanSettings.ColorMode, String> modes = new EnumMap<>(ScanSettings.ColorMode.class);
    private List<String> extra = List.of();
    private final java.util.Set<ScanSettings.Source> namedSources = java.util.EnumSet.noneOf(ScanSettings.Source.class);
    private boolean discovered;
    private Map<String, String> environment = Map.of();

    /**
     * @param device  the SANE device name ({@code epson2:libusb:001:004}, {@code test})
     * @param workDir where scanimage writes page files (removed after reading)
     */
    public SaneScanner(String command, String device, Path workDir) {
        this.command = command;
        this.device = device;
        this.workDir = workDir;
        sources.put(ScanSettings.Source.FLATBED, "Flatbed");
        sources.put(ScanSettings.Source.ADF, "ADF");
        sources.put(ScanSettings.Source.ADF_DUPLEX, "ADF Duplex");
        modes.put(ScanSettings.ColorMode.LINEART, "Lineart");
        modes.put(ScanSettings.ColorMode.GRAY, "Gray");
        modes.put(ScanSettings.ColorMode.COLOR, "Color");
    }

    public SaneScanner(String device, Path workDir) {
        this("scanimage", device, workDir);
    }

    /** This backend's name for a source (e.g. "Automatic Document Feeder"). */
    public SaneScanner sourceName(ScanSettings.Source source, String name) {
        sources.put(source, name);
        namedSources.add(source);
        return this;
    }

    private static final Pattern SOURCE_OPTION = Pattern.compile("^\\s*--source (.+?) \\[");

    /**
     * The device's own source names ({@code scanimage -d DEVICE --help} lists them, e.g.
     * "Flatbed|Automatic Document Feeder"), matched to ours by what they say: "flatbed", a feeder
     * ("ADF", "feeder") with or without "duplex". Names given with {@link #sourceName} win; when the
     * list cannot be read the defaults stay and SANE reports a wrong one clearly.
     */
    private void discoverSources() {
        if (discovered) {
            return;
        }
        discovered = true;
        try {
            Result r = run(List.of(command, "--device-name=" + device, "--help"), environment, 60);
            for (String line : r.stdout.split("\\R")) {
                Matcher m = SOURCE_OPTION.matcher(line);
                if (!m.find()) {
                    continue;
                }
                for (String name : m.group(1).split("\\|")) {
                    String n = name.toLowerCase(java.util.Locale.ROOT);
                    ScanSettings.Source ours = n.contains("flatbed") ? ScanSettings.Source.FLATBED
                            : (n.contains("adf") || n.contains("feeder")) ? (n.contains("duplex")
                            ? ScanSettings.Source.ADF_DUPLEX : ScanSettings.Source.ADF) : null;
                    if (ours != null && !namedSources.contains(ours)) {
                        sources.put(ours, name.strip());
                        namedSources.add(ours); // the first match of a kind ("ADF Front" before "ADF Back")
                    }
                }
            }
        } catch (ScanException e) {
            // keep the defaults; the scan itself will say what is wrong
        }
    }

    /**
     * Environment for scanimage, e.g. {@code SANE_CONFIG_DIR} pointing at a configuration that loads only
     * the backend this counter uses (network backends' discovery can add seconds to every call).
     */
    public SaneScanner environment(Map<String, String> env) {
        this.environment = Map.copyOf(env);
        return this;
    }

    /** Backend options added to every scan (e.g. "--swdeskew=yes", or the test backend's error simulation). */
    /** Longest wait for the next page before the scan is stopped as "scanner not responding" (default 120 s). */
    public SaneScanner pageTimeout(java.time.Duration timeout) {
        this.pageTimeout = timeout;
        return this;
    }

    public SaneScanner options(List<String> extra) {
        this.extra = List.copyOf(extra);
        return this;
    }

    public SaneScanner modeName(ScanSettings.ColorMode mode, String name) {
        modes.put(mode, name);
        return this;
    }

    /** The scanners SANE finds ({@code scanimage -L}); empty when there are none. */
    public static List<Device> list(String command) throws ScanException {
        Result r = run(List.of(command, "-L"), Map.of(), 60);
        List<Device> out = new ArrayList<>();
        for (String line : r.stdout.split("\\R")) {
            Matcher m = LISTED.matcher(line.strip());
            if (m.find()) {
                out.add(new Device(m.group(1), m.group(2)));
            }
        }
        return out;
    }

    @Override
    public String name() {
        return "SANE: " + device;
    }

    @Override
    public int scan(ScanSettings settings, PageSink sink, BooleanSupplier cancelled) throws ScanException {
        discoverSources();
        Path dir;
        try {
            Files.createDirectories(workDir);
            dir = Files.createTempDirectory(workDir, "batch-");
        } catch (IOException e) {
            throw new ScanException("scanner_failed", "Không tạo được thư mục tạm cho máy quét: " + e.getMessage(),
                    "Cannot create the scanner's work folder: " + e.getMessage(), e);
        }
        List<String> cmd = new ArrayList<>(List.of(command, "--device-name=" + device, "--format=pnm",
                "--source", sources.get(settings.source()), "--mode", modes.get(settings.mode()),
                "--resolution", Integer.toString(settings.dpi()),
                "--batch=" + dir.resolve("page-%04d.pnm"), "--batch-print"));
        if (settings.source() == ScanSettings.Source.FLATBED) {
            cmd.add("--batch-count=1");
        }
        cmd.addAll(extra);
        Process p;
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
            pb.environment().putAll(environment);
            p = pb.start();
        } catch (IOException e) {
            throw new ScanException("no_scanner", "Chưa cài phần mềm máy quét SANE (scanimage). Vui lòng báo bộ phận IT.",
                    "The SANE scanner software (scanimage) is not installed. Please call IT.", e);
        }
        StringBuilder err = new StringBuilder();
        Thread errReader = Thread.ofVirtual().start(() -> {
            try (BufferedReader r = p.errorReader(StandardCharsets.UTF_8)) {
                String l;
                while ((l = r.readLine()) != null) {
                    synchronized (err) {
                        err.append(l).append('\n');
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
        int pages = 0;
        // A driver can hang (SANE's own test backend sometimes does, after it reported an error): a watchdog
        // stops scanimage when it is silent for too long, or lingers after reporting an error, so the clerk
        // gets a message instead of a frozen screen.
        java.util.concurrent.atomic.AtomicLong lastPage = new java.util.concurrent.atomic.AtomicLong(System.nanoTime());
        java.util.concurrent.atomic.AtomicBoolean hung = new java.util.concurrent.atomic.AtomicBoolean();
        Thread watchdog = Thread.ofVirtual().start(() -> {
            long errorSeenAt = 0;
            try {
                while (p.isAlive()) {
                    Thread.sleep(200);
                    boolean reported;
                    synchronized (err) {
                        reported = err.indexOf("scanimage: ") >= 0;
                    }
                    long now = System.nanoTime();
                    if (reported && errorSeenAt == 0) {
                        errorSeenAt = now;
                    }
                    if (errorSeenAt != 0 && now - errorSeenAt > EXIT_AFTER_ERROR.toNanos()) {
                        p.destroyForcibly();
                    } else if (now - lastPage.get() > pageTimeout.toNanos()) {
                        hung.set(true);
                        p.destroyForcibly();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                Path file = dir.resolve(line.strip());
                sink.page(Pnm.read(file));
                Files.deleteIfExists(file);
                pages++;
                lastPage.set(System.nanoTime());
                if (cancelled.getAsBoolean()) {
                    p.destroy();
                    break;
                }
            }
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                hung.set(true); // its output closed but it does not end
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
            errReader.join(5000);
        } catch (IOException e) {
            p.destroyForcibly();
            throw new ScanException("scanner_failed", "Không đọc được trang từ máy quét: " + e.getMessage(),
                    "A page from the scanner could not be read: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            return pages;
        } finally {
            watchdog.interrupt();
            deleteQuietly(dir);
        }
        String stderr;
        synchronized (err) {
            stderr = err.toString();
        }
        if (cancelled.getAsBoolean()) {
            return pages;
        }
        if (SaneMessages.endOfBatch(stderr)) {
            if (pages == 0) {
                throw new ScanException("no_paper", "Khay nạp giấy đang trống. Vui lòng đặt giấy vào khay rồi quét.",
                        "The document feeder is empty. Load the papers and scan.");
            }
            return pages; // the feeder ran empty: the normal end of a batch
        }
        if (hung.get() && !stderr.contains("scanimage: ")) {
            throw new ScanException("not_responding", "Máy quét không phản hồi. Tắt máy quét, bật lại rồi quét tiếp; "
                    + "các trang đã quét vẫn được giữ.", "The scanner is not responding. Switch it off and on, then scan "
                    + "again; the pages scanned so far are kept.");
        }
        if (p.exitValue() != 0) {
            throw SaneMessages.fromStderr(stderr, device); // pages handed over before the error are kept
        }
        return pages;
    }

    private record Result(int rc, String stdout) {
    }

    /** Runs a short scanimage command; its two streams together (only the device list is parsed). */
    private static Result run(List<String> cmd, Map<String, String> env, int timeoutSeconds) throws ScanException {
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            pb.environment().putAll(env);
            Process p = pb.start();
            // read on the side, so that the timeout holds even when a hung driver never closes its output
            java.util.concurrent.CompletableFuture<String> stdout = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    return "";
                }
            });
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new ScanException("not_responding", "Máy quét không phản hồi. Tắt máy quét, bật lại rồi thử lại.",
                        "The scanner is not responding. Switch it off and on, then try again.");
            }
            return new Result(p.exitValue(), stdout.join());
        } catch (IOException e) {
            throw new ScanException("no_scanner", "Chưa cài phần mềm máy quét SANE (scanimage). Vui lòng báo bộ phận IT.",
                    "The SANE scanner software (scanimage) is not installed. Please call IT.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScanException("scanner_failed", "Đã dừng.", "Stopped.");
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // a leftover temp folder is harmless; the next batch uses a new one
        }
    }
}
