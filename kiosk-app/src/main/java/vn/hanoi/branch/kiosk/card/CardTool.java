package vn.hanoi.branch.kiosk.card;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import net.sf.scuba.smartcards.CardService;
import net.sf.scuba.smartcards.TerminalCardService;
import org.slf4j.LoggerFactory;
import vn.hanoi.branch.card.CardAccess;
import vn.hanoi.branch.card.CardException;
import vn.hanoi.branch.card.CardTerminalWatcher;
import vn.hanoi.branch.card.CccdReader;
import vn.hanoi.branch.card.CitizenCard;
import vn.hanoi.branch.card.CitizenIdQr;
import vn.hanoi.branch.card.PassiveAuthentication;
import vn.hanoi.branch.card.emulator.CccdApplet;
import vn.hanoi.branch.card.emulator.CccdCardFiles;
import vn.hanoi.branch.card.emulator.FakeCitizen;
import vn.hanoi.branch.card.emulator.FakeCitizens;
import vn.hanoi.branch.card.emulator.VpcdCard;

import vn.hanoi.branch.qr.BookingQr;
import vn.hanoi.branch.qr.DossierQr;
import vn.hanoi.branch.qr.QrImageDecoder;
import vn.hanoi.branch.qr.ScannedCode;
import vn.hanoi.branch.qr.ScannedCodes;
import vn.hanoi.branch.qr.TicketQr;
import vn.hanoi.branch.shared.i18n.I18n;

import javax.smartcardio.CardTerminal;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Card reader diagnostics for branch IT, without the kiosk UI:
 * <pre>
 *   CardTool list-readers
 *   CardTool read-card [--reader NAME] (--qr TEXT | --doc N --dob yyMMdd --expiry yyMMdd) [--csca FILE]... [--dg2]
 *   CardTool decode-qr IMAGE
 *   CardTool emulate   [--seed N] [--tamper] [--not-cccd] [--remove-after N] [--dg2] [--csca-out FILE] [--port 35963]
 *                      [--scanner PTY] [--commands FIFO] [--start-removed]
 * </pre>
 * {@code read-card} prints what the chip holds as JSON, with the passive-authentication verdict
 * (an issuer the CSCA files do not know is reported, not refused, so IT sees it). It shows a
 * citizen's personal data on this terminal: use it with the citizen present, never redirect it to
 * a log. {@code emulate} puts a made-up citizen's card into pcscd's "Virtual PCD 00 00" reader
 * (needs pcscd and vsmartcard-vpcd) and prints the QR text to give {@code read-card --qr}; on stdin,
 * {@code remove}, {@code insert} and {@code quit}.
 * Exit status 0 when the read (or the command) worked, 1 when not, 2 for bad usage.
 */
public final class CardTool {
    private static final Duration CARD_WAIT = Duration.ofSeconds(5);

    /** Where {@code read-card} gets its card; PC/SC unless a test gives another. */
    interface CardSource {
        CardService open(String reader);
    }

    private CardTool() {
    }

    public static void main(String[] args) throws Exception {
        // stdout carries the JSON: keep the libraries' INFO lines out of it.
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        System.exit(run(List.of(args), out, CardTool::openPcsc));
    }

    /** Runs one command and returns the exit status. */
    public static int run(List<String> args, PrintStream out) {
        return run(args, out, CardTool::openPcsc);
    }

    static int run(List<String> args, PrintStream out, CardSource source) {
        if (args.isEmpty()) {
            return usage(out);
        }
        if (args.getFirst().equals("decode-qr")) {
            return decodeQr(args.size() > 1 ? args.get(1) : null, out);
        }
        Options o;
        try {
            o = Options.parse(args.subList(1, args.size()));
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            return usage(out);
        }
        return switch (args.getFirst()) {
            case "list-readers" -> listReaders(out);
            case "read-card" -> readCard(o, out, source);
            case "emulate" -> {
                try {
                    yield emulate(o, out, commands(o));
                } catch (IOException e) {
                    out.println("Cannot read commands from " + o.commands + ": " + e.getMessage());
                    yield 1;
                }
            }
            default -> usage(out);
        };
    }

    /**
     * Reads a QR code from a photo or camera frame and says what kind of code it is, e.g. to check a
     * citizen's card that the kiosk refuses. Prints the code's text, which may be personal data.
     */
    private static int decodeQr(String image, PrintStream out) {
        if (image == null) {
            out.println("decode-qr needs an image file (PNG or JPEG)");
            return 2;
        }
        String text;
        try {
            text = QrImageDecoder.decode(Path.of(image));
        } catch (QrImageDecoder.NoCodeFoundException e) {
            out.println("No QR code found in " + image + ". Take the photo straight on, closer, without glare.");
            return 1;
        } catch (IOException e) {
            out.println("Cannot read " + image + ": " + e.getMessage());
            return 1;
        }
        out.println("text: " + text);
        try {
            ScannedCode code = ScannedCodes.parse(text);
            out.println("kind: " + switch (code) {
                case ScannedCode.CitizenId id -> "citizen ID card (CCCD), " + (id.card().extras().size() + 7) + " fields";
                case TicketQr t -> "ticket " + t.displayNumber() + " of " + t.branchCode() + " on " + t.businessDay();
                case BookingQr b -> "online booking " + b.code();
                case DossierQr d -> "dossier " + d.code();
            });
            return 0;
        } catch (CardException e) {
            out.println("kind: not usable at the kiosk (" + e.reason() + "): " + e.message(I18n.EN));
            return 1;
        }
    }

    private static int listReaders(PrintStream out) {
        List<String> readers = CardTerminalWatcher.readerNames();
        if (readers.isEmpty()) {
            out.println("No card readers found (is pcscd running? `systemctl status pcscd`, or `pcscd -f`).");
            return 1;
        }
        for (String r : readers) {
            boolean card = CardTerminalWatcher.find(r).map(CardTool::cardPresent).orElse(false);
            out.println(r + "\t" + (card ? "card present" : "empty"));
        }
        return 0;
    }

    private static int readCard(Options o, PrintStream out, CardSource source) {
        List<CardAccess> keys;
        CccdReader.Options options = CccdReader.Options.defaults().withFaceImage(o.dg2).withAcceptUnknownIssuer(true);
        try {
            if (o.qr != null) {
                keys = CardAccess.fromQr(CitizenIdQr.parse(o.qr));
            } else if (o.doc != null && o.dob != null && o.expiry != null) {
                keys = List.of(CardAccess.fromMrz(o.doc, o.dob, o.expiry));
            } else {
                out.println("read-card needs --qr TEXT, or --doc, --dob and --expiry");
                return usage(out);
            }
            if (!o.csca.isEmpty()) {
                options = options.withAuthentication(PassiveAuthentication.fromCertificateFiles(o.csca));
            }
        } catch (IllegalArgumentException | IOException e) {
            out.println(e.getMessage());
            return usage(out);
        } catch (CardException e) {
            return error(out, e);
        }
        CardService card = null;
        try {
            card = source.open(o.reader);
            CitizenCard c = new CccdReader(options).read(card, keys);
            out.println(json(toJson(c)));
            return c.authentication().verdict() == PassiveAuthentication.Verdict.FAILED ? 1 : 0;
        } catch (CardException e) {
            return error(out, e);
        } finally {
            if (card != null) {
                card.close();
            }
        }
    }

    private static int emulate(Options o, PrintStream out, BufferedReader commands) {
        FakeCitizens people = new FakeCitizens(o.seed);
        CccdCardFiles files = card(o, people.next(), out);
        try {
            if (o.cscaOut != null) {
                files.pki().writeCscaPem(o.cscaOut);
                out.println("CSCA certificate: " + o.cscaOut + " (give it to read-card --csca)");
            }
        } catch (IOException e) {
            out.println("Cannot write the CSCA certificate: " + e.getMessage());
            return 1;
        }
        VpcdCard vpcd = new VpcdCard("127.0.0.1", o.port);
        try {
            if (!o.startRemoved) {
                present(o, vpcd, files, out);
            }
        } catch (IOException e) {
            out.println(e.getMessage());
            return 1;
        }
        out.println("Reader \"" + VpcdCard.READER_NAME + "\". Commands: next, remove, insert, quit.");
        try (vpcd) {
            String line;
            while ((line = commands.readLine()) != null) {
                switch (line.strip()) {
                    case "next" -> {
                        vpcd.remove();
                        files = card(o, people.next(), out);
                        present(o, vpcd, files, out);
                    }
                    case "remove" -> {
                        vpcd.remove();
                        out.println("removed");
                    }
                    case "insert" -> present(o, vpcd, files, out);
                    case "quit" -> {
                        return 0;
                    }
                    case "" -> {
                    }
                    default -> out.println("next | remove | insert | quit");
                }
            }
            // No more commands (started in the background): keep the card on the reader until killed.
            Thread.currentThread().join();
            return 0;
        } catch (IOException e) {
            out.println(e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /**
     * Where {@code emulate} takes its commands: stdin, or a named pipe ({@code --commands}) for the demo.
     * The pipe is opened for reading and writing so that each {@code echo next > pipe} does not end it.
     */
    private static BufferedReader commands(Options o) throws IOException {
        if (o.commands == null) {
            return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        }
        java.io.RandomAccessFile pipe = new java.io.RandomAccessFile(o.commands.toFile(), "rw");
        return new BufferedReader(new InputStreamReader(new java.io.FileInputStream(pipe.getFD()), StandardCharsets.UTF_8));
    }

    private static CccdCardFiles card(Options o, FakeCitizen citizen, PrintStream out) {
        CccdCardFiles.Builder b = CccdCardFiles.of(citizen);
        if (o.tamper) {
            b.tamper(13);
        }
        if (o.dg2) {
            b.faceImage(15_000);
        }
        CccdCardFiles files = b.build();
        out.println("Made-up citizen (not a real person).");
        out.println("QR: " + citizen.qr().format());
        out.println("MRZ key: --doc " + citizen.documentNumber() + " --dob " + files.accessKey().dateOfBirth()
                + " --expiry " + citizen.chipExpiry());
        return files;
    }

    /**
     * Puts the card on the virtual reader and, with {@code --scanner}, "scans" its QR: the text and CR LF
     * written to the scanner's pseudo-terminal, byte for byte as a 2D scanner in serial mode sends it.
     */
    private static void present(Options o, VpcdCard vpcd, CccdCardFiles files, PrintStream out) throws IOException {
        try {
            vpcd.insert(applet(o, files), o.wait);
            out.println("inserted");
        } catch (IOException e) {
            if (o.scanner == null) {
                throw e;
            }
            // The demo on a machine without pcscd/vpcd: the QR alone still identifies the citizen.
            out.println("No virtual card reader (" + e.getMessage() + "): QR code only.");
        }
        if (o.scanner != null) {
            try (var w = java.nio.file.Files.newOutputStream(o.scanner, java.nio.file.StandardOpenOption.WRITE)) {
                w.write((files.citizen().qr().format() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            out.println("QR sent to " + o.scanner);
        }
    }

    private static CccdApplet applet(Options o, CccdCardFiles files) {
        CccdApplet a = o.notCccd ? CccdApplet.notACitizenCard() : CccdApplet.of(files);
        return o.removeAfter >= 0 ? a.removeAfter(o.removeAfter) : a;
    }

    private static CardService openPcsc(String reader) {
        CardTerminalWatcher.usePcscLibrary();
        Optional<CardTerminal> t = CardTerminalWatcher.find(reader);
        if (t.isEmpty()) {
            throw new CardException(CardException.Reason.NO_READER, reader == null ? "no reader" : "reader not found");
        }
        long deadline = System.nanoTime() + CARD_WAIT.toNanos();
        while (!cardPresent(t.get())) {
            if (System.nanoTime() > deadline) {
                throw new CardException(CardException.Reason.NO_CARD, "no card within " + CARD_WAIT.toSeconds() + " s");
            }
            try {
                t.get().waitForCardPresent(250);
            } catch (javax.smartcardio.CardException e) {
                throw new CardException(CardException.Reason.NO_READER, "reader failed", e);
            }
        }
        return new TerminalCardService(t.get());
    }

    private static boolean cardPresent(CardTerminal t) {
        try {
            return t.isCardPresent();
        } catch (javax.smartcardio.CardException e) {
            return false;
        }
    }

    static Map<String, Object> toJson(CitizenCard c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("fullName", c.fullName());
        m.put("dateOfBirth", str(c.dateOfBirth()));
        m.put("sex", c.sex());
        m.put("nationality", c.nationality());
        m.put("ethnicity", c.ethnicity());
        m.put("religion", c.religion());
        m.put("placeOfOrigin", c.placeOfOrigin());
        m.put("placeOfResidence", c.placeOfResidence());
        m.put("identifyingMarks", c.identifyingMarks());
        m.put("issueDate", str(c.issueDate()));
        m.put("expiry", c.expiry());
        m.put("expiryDate", str(c.expiryDate()));
        m.put("father", c.father());
        m.put("mother", c.mother());
        m.put("spouse", c.spouse());
        m.put("oldId", c.oldId());
        Map<String, Object> dg13 = new LinkedHashMap<>();
        c.dg13().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> dg13.put(String.valueOf(e.getKey()), e.getValue().size() == 1 ? e.getValue().getFirst() : e.getValue()));
        m.put("dg13", dg13);
        CitizenCard.Mrz z = c.mrz();
        Map<String, Object> mrz = new LinkedHashMap<>();
        mrz.put("documentCode", z.documentCode());
        mrz.put("issuingState", z.issuingState());
        mrz.put("documentNumber", z.documentNumber());
        mrz.put("optionalData", z.optionalData());
        mrz.put("dateOfBirth", z.dateOfBirth());
        mrz.put("sex", z.sex());
        mrz.put("dateOfExpiry", z.dateOfExpiry());
        mrz.put("nationality", z.nationality());
        mrz.put("names", z.primaryIdentifier() + " / " + z.secondaryIdentifier());
        m.put("mrz", mrz);
        byte[] face = c.faceImage();
        m.put("faceImage", face == null ? null : Map.of("bytes", face.length, "mimeType", String.valueOf(c.faceImageMimeType())));
        Map<String, Object> pa = new LinkedHashMap<>();
        pa.put("verdict", c.authentication().verdict().name());
        pa.put("problem", c.authentication().problem().name());
        pa.put("vi", c.authentication().verdict().textVi());
        pa.put("en", c.authentication().verdict().textEn());
        pa.put("detail", c.authentication().detail());
        m.put("passiveAuthentication", pa);
        Map<String, Object> read = new LinkedHashMap<>();
        read.put("bacAttempts", c.bacAttempts());
        read.put("apdus", c.stats().apdus());
        read.put("bytes", c.stats().bytesSent() + c.stats().bytesReceived());
        read.put("millis", c.stats().elapsed().toMillis());
        read.put("dataGroups", c.stats().dataGroups());
        m.put("read", read);
        return m;
    }

    private static int error(PrintStream out, CardException e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", e.reason().name());
        m.put("vi", e.message(Locale.of("vi")));
        m.put("en", e.message(Locale.ENGLISH));
        out.println(json(m));
        return 1;
    }

    private static String json(Object o) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(o);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String str(LocalDate d) {
        return d == null ? null : d.toString();
    }

    private static int usage(PrintStream out) {
        out.println("""
                usage: CardTool list-readers
                       CardTool read-card [--reader NAME] (--qr TEXT | --doc N --dob yyMMdd --expiry yyMMdd) [--csca FILE]... [--dg2]
                       CardTool decode-qr IMAGE
                       CardTool emulate   [--seed N] [--tamper] [--not-cccd] [--remove-after N] [--dg2] [--csca-out FILE] [--port N]
                                          [--scanner PTY] [--commands FIFO] [--start-removed]""");
        return 2;
    }

    private static final class Options {
        String reader;
        String qr;
        String doc;
        String dob;
        String expiry;
        final List<Path> csca = new ArrayList<>();
        boolean dg2;
        long seed = 1;
        boolean tamper;
        boolean notCccd;
        int removeAfter = -1;
        Path cscaOut;
        int port = VpcdCard.DEFAULT_PORT;
        Path scanner;
        Path commands;
        boolean startRemoved;
        Duration wait = Duration.ofSeconds(5);

        static Options parse(List<String> args) {
            Options o = new Options();
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                switch (a) {
                    case "--dg2" -> o.dg2 = true;
                    case "--tamper" -> o.tamper = true;
                    case "--not-cccd" -> o.notCccd = true;
                    case "--start-removed" -> o.startRemoved = true;
                    default -> {
                        if (i + 1 >= args.size()) {
                            throw new IllegalArgumentException(a.startsWith("--") ? a + " needs a value" : "unknown argument " + a);
                        }
                        String v = args.get(++i);
                        switch (a) {
                            case "--reader" -> o.reader = v;
                            case "--qr" -> o.qr = v;
                            case "--doc" -> o.doc = v;
                            case "--dob" -> o.dob = v;
                            case "--expiry" -> o.expiry = v;
                            case "--csca" -> o.csca.add(Path.of(v));
                            case "--seed" -> o.seed = Long.parseLong(v);
                            case "--remove-after" -> o.removeAfter = Integer.parseInt(v);
                            case "--csca-out" -> o.cscaOut = Path.of(v);
                            case "--port" -> o.port = Integer.parseInt(v);
                            case "--scanner" -> o.scanner = Path.of(v);
                            case "--commands" -> o.commands = Path.of(v);
                            case "--wait-ms" -> o.wait = Duration.ofMillis(Long.parseLong(v));
                            default -> throw new IllegalArgumentException("unknown option " + a);
                        }
                    }
                }
            }
            if (o.qr != null && o.doc != null) {
                throw new IllegalArgumentException("--qr or --doc/--dob/--expiry, not both");
            }
            return o;
        }
    }
}
