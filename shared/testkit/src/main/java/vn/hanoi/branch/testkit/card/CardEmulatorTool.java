package vn.hanoi.branch.testkit.card;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * A made-up citizen's card in pcscd's virtual reader "Virtual PCD 00 00" (pcscd and vsmartcard-vpcd),
 * for the demo and for trying the kiosk or {@code card-tool read-card} without a real card. Prints the
 * QR text and MRZ key; {@code next}, {@code remove}, {@code insert}, {@code quit} on stdin or from
 * {@code --commands}. Testkit only: no package ships it.
 */
@Command(name = "card-emulator", mixinStandardHelpOptions = true,
        description = "A made-up citizen's ID card in pcscd's virtual reader (demo and tests only).")
public final class CardEmulatorTool implements Callable<Integer> {
    @Option(names = "--seed", defaultValue = "1", description = "which made-up people (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--tamper", description = "DG13 altered after signing: passive authentication must fail")
    boolean tamper;

    @Option(names = "--not-cccd", description = "a chip that is not a citizen ID card")
    boolean notCccd;

    @Option(names = "--remove-after", defaultValue = "-1", paramLabel = "N", description = "the card is pulled after N commands")
    int removeAfter;

    @Option(names = "--dg2", description = "with a face image")
    boolean dg2;

    @Option(names = "--csca-out", paramLabel = "FILE", description = "write the test CSCA certificate here")
    Path cscaOut;

    @Option(names = "--port", description = "vpcd's port (default ${DEFAULT-VALUE})")
    int port = VpcdCard.DEFAULT_PORT;

    @Option(names = "--scanner", paramLabel = "PTY", description = "also 'scan' each card's QR into this serial scanner pty")
    Path scanner;

    @Option(names = "--commands", paramLabel = "FIFO", description = "read commands from this named pipe instead of stdin")
    Path commands;

    @Option(names = "--start-removed", description = "start without a card on the reader")
    boolean startRemoved;

    @Option(names = "--wait-ms", defaultValue = "5000", description = "how long to wait for vpcd")
    long waitMs;

    private final PrintStream out;

    CardEmulatorTool(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        System.exit(run(out, args));
    }

    /** Runs the emulator until {@code quit}; returns the exit status. */
    public static int run(PrintStream out, String... args) {
        return new CommandLine(new CardEmulatorTool(out)).execute(args);
    }

    @Override
    public Integer call() {
        BufferedReader in;
        try {
            in = commands();
        } catch (IOException e) {
            out.println("Cannot read commands from " + commands + ": " + e.getMessage());
            return 1;
        }
        FakeCitizens people = new FakeCitizens(seed);
        CccdCardFiles files = card(people.next());
        try {
            if (cscaOut != null) {
                files.pki().writeCscaPem(cscaOut);
                out.println("CSCA certificate: " + cscaOut + " (give it to read-card --csca)");
            }
        } catch (IOException e) {
            out.println("Cannot write the CSCA certificate: " + e.getMessage());
            return 1;
        }
        VpcdCard vpcd = new VpcdCard("127.0.0.1", port);
        try {
            if (!startRemoved) {
                present(vpcd, files);
            }
        } catch (IOException e) {
            out.println(e.getMessage());
            return 1;
        }
        out.println("Reader \"" + VpcdCard.READER_NAME + "\". Commands: next, remove, insert, quit.");
        try (vpcd) {
            String line;
            while ((line = in.readLine()) != null) {
                switch (line.strip()) {
                    case "next" -> {
                        vpcd.remove();
                        files = card(people.next());
                        present(vpcd, files);
                    }
                    case "remove" -> {
                        vpcd.remove();
                        out.println("removed");
                    }
                    case "insert" -> present(vpcd, files);
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
     * Where the commands come from: stdin, or a named pipe for the demo. The pipe is opened for reading
     * and writing so that each {@code echo next > pipe} does not end it.
     */
    private BufferedReader commands() throws IOException {
        if (commands == null) {
            return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        }
        RandomAccessFile pipe = new RandomAccessFile(commands.toFile(), "rw");
        return new BufferedReader(new InputStreamReader(new FileInputStream(pipe.getFD()), StandardCharsets.UTF_8));
    }

    private CccdCardFiles card(FakeCitizen citizen) {
        CccdCardFiles.Builder b = CccdCardFiles.of(citizen);
        if (tamper) {
            b.tamper(13);
        }
        if (dg2) {
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
    private void present(VpcdCard vpcd, CccdCardFiles files) throws IOException {
        try {
            vpcd.insert(applet(files), Duration.ofMillis(waitMs));
            out.println("inserted");
        } catch (IOException e) {
            if (scanner == null) {
                throw e;
            }
            // The demo on a machine without pcscd/vpcd: the QR alone still identifies the citizen.
            out.println("No virtual card reader (" + e.getMessage() + "): QR code only.");
        }
        if (scanner != null) {
            try (var w = Files.newOutputStream(scanner, StandardOpenOption.WRITE)) {
                w.write((files.citizen().qr().format() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            out.println("QR sent to " + scanner);
        }
    }

    private CccdApplet applet(CccdCardFiles files) {
        CccdApplet a = notCccd ? CccdApplet.notACitizenCard() : CccdApplet.of(files);
        return removeAfter >= 0 ? a.removeAfter(removeAfter) : a;
    }
}
