package vn.hanoi.branch.kiosk.settings;

import vn.hanoi.branch.files.DurableFiles;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The kiosk's device settings, {@code <state-dir>/kiosk.properties}, written by the IT settings screen.
 * Each key stands for one command-line option; options given on the command line win over the file,
 * so a packaged start script can still pin a value. A key left out (or blank) means the option's default.
 */
public final class KioskSettingsFile {
    public static final String NAME = "kiosk.properties";

    public static final String AGENT_URL = "agent.url";
    public static final String PRINTER_PORT = "printer.port";
    public static final String PRINTER_PROFILE = "printer.profile";
    public static final String PRINTER_BAUD = "printer.baud";
    public static final String PRINTER_VIETNAMESE = "printer.vietnamese";
    public static final String SCANNER_PORT = "scanner.port";
    public static final String SCANNER_BAUD = "scanner.baud";
    public static final String CARD_READER = "card.reader";
    public static final String CSCA = "csca";
    public static final String QR_BASE = "qr.base";
    public static final String IDLE_SECONDS = "idle.seconds";

    private static final Logger LOG = LoggerFactory.getLogger(KioskSettingsFile.class);

    /** Key → command-line option; also the order keys are written in. */
    private static final Map<String, String> OPTIONS;

    static {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(AGENT_URL, "--agent");
        m.put(PRINTER_PORT, "--printer-port");
        m.put(PRINTER_PROFILE, "--printer-profile");
        m.put(PRINTER_BAUD, "--printer-baud");
        m.put(PRINTER_VIETNAMESE, "--printer-vietnamese");
        m.put(SCANNER_PORT, "--scanner-port");
        m.put(SCANNER_BAUD, "--scanner-baud");
        m.put(CARD_READER, "--card-reader");
        m.put(CSCA, "--csca");
        m.put(QR_BASE, "--qr-base");
        m.put(IDLE_SECONDS, "--idle-seconds");
        OPTIONS = Collections.unmodifiableMap(m);
    }

    private KioskSettingsFile() {
    }

    public static Path path(Path stateDir) {
        return stateDir.resolve(NAME);
    }

    /** The keys the file may hold, in file order. */
    public static List<String> keys() {
        return List.copyOf(OPTIONS.keySet());
    }

    /** The command-line option a key stands for. */
    public static String option(String key) {
        return OPTIONS.get(key);
    }

    /**
     * The settings in the file, blank values left out; empty when there is no file yet. An unknown key
     * is logged and ignored rather than refused: a typo must not keep the kiosk dark.
     */
    public static Map<String, String> load(Path stateDir) throws IOException {
        Path f = path(stateDir);
        Map<String, String> values = new LinkedHashMap<>();
        if (!Files.exists(f)) {
            return values;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        for (String key : p.stringPropertyNames()) {
            if (!OPTIONS.containsKey(key)) {
                LOG.warn("{}: unknown key '{}' ignored (known: {})", f, key, OPTIONS.keySet());
            }
        }
        for (String key : OPTIONS.keySet()) {
            String v = p.getProperty(key);
            if (v != null && !v.isBlank()) {
                values.put(key, v.strip());
            }
        }
        return values;
    }

    /** The settings as command-line arguments, to be placed before the real ones (which then win). */
    public static List<String> asArguments(Map<String, String> values) {
        List<String> args = new ArrayList<>();
        for (Map.Entry<String, String> e : OPTIONS.entrySet()) {
            String v = values.get(e.getKey());
            if (v != null && !v.isBlank()) {
                args.add(e.getValue());
                args.add(v.strip());
            }
        }
        return args;
    }

    /**
     * Replaces the file durably: a temporary file is written and forced to disk, renamed over the old
     * one in one step, and the directory forced too, so a power cut leaves either the old settings or
     * the new ones, never half a file (a kiosk that cannot read its settings stays dark).
     */
    public static void save(Path stateDir, Map<String, String> values) throws IOException {
        Files.createDirectories(stateDir);
        Properties p = new Properties();
        for (String key : OPTIONS.keySet()) {
            String v = values.get(key);
            if (v != null && !v.isBlank()) {
                p.setProperty(key, v.strip());
            }
        }
        StringWriter text = new StringWriter();
        p.store(text, "kiosk device settings, written by the IT settings screen; command-line options win");
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        DurableFiles.write(path(stateDir), bytes);
    }
}
