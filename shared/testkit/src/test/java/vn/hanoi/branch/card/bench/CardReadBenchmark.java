package vn.hanoi.branch.card.bench;

import net.sf.scuba.smartcards.TerminalCardService;
import vn.hanoi.branch.card.CardAccess;
import vn.hanoi.branch.card.CardTerminalWatcher;
import vn.hanoi.branch.card.CccdReader;
import vn.hanoi.branch.card.CitizenCard;
import vn.hanoi.branch.card.ExpiryCandidates;
import vn.hanoi.branch.card.PassiveAuthentication;
import vn.hanoi.branch.testkit.card.CccdApplet;
import vn.hanoi.branch.testkit.card.CccdCardFiles;
import vn.hanoi.branch.testkit.card.EmulatedCardService;
import vn.hanoi.branch.testkit.card.FakeCitizen;
import vn.hanoi.branch.testkit.card.FakeCitizens;
import vn.hanoi.branch.testkit.card.VpcdCard;

import javax.smartcardio.CardTerminal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Tap → verified data (BAC with the QR's guesses, COM, DG1, DG13, SOD, passive authentication
 * against the CSCA) through the real PC/SC stack (javax.smartcardio → pcscd → vpcd → emulated chip),
 * beside the same read in process; and the mean number of BAC attempts over generated citizens of
 * all ages. Targets: tap → data < 1.5 s, ≤ 1.3 attempts.
 * A program, not a test: {@code ./bench.sh shared vn.hanoi.branch.card.bench.CardReadBenchmark [reads] [citizens]}.
 * It starts {@code pcscd --foreground} when none runs (root, vsmartcard-vpcd installed) and stops it after.
 */
public final class CardReadBenchmark {
    private CardReadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int reads = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int citizens = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        bacAttempts(citizens);
        inProcess(reads * 4);
        throughPcsc(reads);
    }

    /** Mean BAC attempts: where each generated card's expiry sits in the reader's list of guesses. */
    private static void bacAttempts(int n) {
        LocalDate today = LocalDate.now();
        FakeCitizens people = new FakeCitizens(2026, today);
        String[] bands = {"14-24", "25-39", "40-59", "60+"};
        long[] sum = new long[4];
        long[] count = new long[4];
        int[] histogram = new int[8];
        int worst = 0;
        List<String> placeholders = ExpiryCandidates.DEFAULT_NO_EXPIRY;
        long[] ifPlaceholder = new long[placeholders.size()];
        for (int i = 0; i < n; i++) {
            FakeCitizen c = people.next();
            List<String> guesses = ExpiryCandidates.defaults().candidates(c.dateOfBirth(), c.issueDate());
            int attempts = guesses.indexOf(c.chipExpiry()) + 1;
            for (int k = 0; k < placeholders.size(); k++) {
                ifPlaceholder[k] += c.expiryDate() == null ? guesses.indexOf(placeholders.get(k)) + 1 : attempts;
            }
            if (attempts == 0) {
                throw new IllegalStateException("a generated card's expiry is not among the guesses");
            }
            int age = Period.between(c.dateOfBirth(), today).getYears();
            int band = age < 25 ? 0 : age < 40 ? 1 : age < 60 ? 2 : 3;
            sum[band] += attempts;
            count[band]++;
            histogram[Math.min(attempts, 7)]++;
            worst = Math.max(worst, attempts);
        }
        long total = Arrays.stream(sum).sum();
        System.out.printf(Locale.ROOT, "BAC attempts over %d generated citizens aged 14-95: mean %.3f (target <= 1.3), worst %d%n",
                n, total / (double) n, worst);
        for (int b = 0; b < 4; b++) {
            System.out.printf(Locale.ROOT, "  age %-5s  %5d citizens  mean %.3f%n", bands[b], count[b], sum[b] / (double) Math.max(1, count[b]));
        }
        System.out.printf(Locale.ROOT, "  1 attempt: %d, 2: %d, 3: %d, 4+: %d%n", histogram[1], histogram[2], histogram[3],
                histogram[4] + histogram[5] + histogram[6] + histogram[7]);
        // The emulator's chips use the first placeholder; real chips' value is not documented.
        for (int k = 0; k < placeholders.size(); k++) {
            System.out.printf(Locale.ROOT, "  if cards without expiry held \"%s\": mean %.3f%n", placeholders.get(k),
                    ifPlaceholder[k] / (double) n);
        }
    }

    private static void inProcess(int reads) {
        FakeCitizens people = new FakeCitizens(7);
        List<CccdCardFiles> cards = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            cards.add(CccdCardFiles.of(people.next()).build());
        }
        CccdReader reader = new CccdReader(CccdReader.Options.defaults()
                .withAuthentication(new PassiveAuthentication(List.of(cards.getFirst().pki().csca()))));
        for (int i = 0; i < 50; i++) {
            read(reader, cards.get(i % cards.size()));
        }
        long[] nanos = new long[reads];
        CitizenCard last = null;
        long attempts = 0;
        for (int i = 0; i < reads; i++) {
            CccdCardFiles card = cards.get(i % cards.size());
            long t0 = System.nanoTime();
            last = read(reader, card);
            nanos[i] = System.nanoTime() - t0;
            attempts += last.bacAttempts();
        }
        report("In process (emulated chip, no transport)", nanos, last, attempts / (double) reads);
    }

    private static CitizenCard read(CccdReader reader, CccdCardFiles card) {
        CitizenCard c = reader.read(new EmulatedCardService(CccdApplet.of(card)), CardAccess.fromQr(card.citizen().qr()));
        if (c.authentication().verdict() != PassiveAuthentication.Verdict.VERIFIED) {
            throw new IllegalStateException("not verified: " + c.authentication().detail());
        }
        return c;
    }

    private static void throughPcsc(int reads) throws Exception {
        CardTerminalWatcher.usePcscLibrary();
        Process pcscd = null;
        Path log = null;
        if (ProcessHandle.allProcesses().noneMatch(p -> p.info().command().map(s -> s.endsWith("/pcscd")).orElse(false))) {
            log = Files.createTempFile("pcscd", ".log");
            pcscd = new ProcessBuilder("pcscd", "--foreground").redirectErrorStream(true).redirectOutput(log.toFile()).start();
        }
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (!CardTerminalWatcher.readerNames().contains(VpcdCard.READER_NAME)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no " + VpcdCard.READER_NAME + " in pcscd"
                            + (log == null ? "" : ": " + Files.readString(log)));
                }
                Thread.sleep(100);
            }
            BlockingQueue<CardTerminal> inserted = new LinkedBlockingQueue<>();
            BlockingQueue<String> removed = new LinkedBlockingQueue<>();
            FakeCitizens people = new FakeCitizens(11);
            List<CccdCardFiles> cards = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                cards.add(CccdCardFiles.of(people.next()).build());
            }
            CccdReader reader = new CccdReader(CccdReader.Options.defaults()
                    .withAuthentication(new PassiveAuthentication(List.of(cards.getFirst().pki().csca()))));
            long[] tap = new long[reads];
            long[] read = new long[reads];
            long[] detect = new long[reads];
            CitizenCard last = null;
            long attempts = 0;
            try (VpcdCard vpcd = new VpcdCard();
                 CardTerminalWatcher watcher = new CardTerminalWatcher(VpcdCard.READER_NAME, new CardTerminalWatcher.Listener() {
                     @Override
                     public void cardInserted(CardTerminal terminal) {
                         inserted.add(terminal);
                     }

                     @Override
                     public void cardRemoved(String readerName) {
                         removed.add(readerName);
                     }
                 }, Duration.ofMillis(500)).start()) {
                for (int i = -5; i < reads; i++) {
                    CccdCardFiles card = cards.get(Math.floorMod(i, cards.size()));
                    // Tap: the card enters the field; the kiosk learns it from the watcher, then reads.
                    long t0 = System.nanoTime();
                    vpcd.insert(CccdApplet.of(card));
                    CardTerminal terminal = inserted.poll(10, TimeUnit.SECONDS);
                    if (terminal == null) {
                        throw new IllegalStateException("watcher saw no card");
                    }
                    long t1 = System.nanoTime();
                    TerminalCardService service = new TerminalCardService(terminal);
                    CitizenCard c;
                    try {
                        c = reader.read(service, CardAccess.fromQr(card.citizen().qr()));
                    } finally {
                        service.close();
                    }
                    long t2 = System.nanoTime();
                    if (c.authentication().verdict() != PassiveAuthentication.Verdict.VERIFIED) {
                        throw new IllegalStateException("not verified");
                    }
                    if (i >= 0) {
                        tap[i] = t2 - t0;
                        read[i] = t2 - t1;
                        detect[i] = t1 - t0;
                        attempts += c.bacAttempts();
                        last = c;
                    }
                    vpcd.remove();
                    if (removed.poll(10, TimeUnit.SECONDS) == null) {
                        throw new IllegalStateException("watcher saw no removal");
                    }
                }
            }
            report("Through pcscd + vpcd: tap (card placed) -> verified data", tap, last, attempts / (double) reads);
            Arrays.sort(detect);
            Arrays.sort(read);
            System.out.printf(Locale.ROOT, "  of which: card detected by the watcher p50 %.1f ms p99 %.1f ms; read + PA p50 %.1f ms p99 %.1f ms%n",
                    detect[reads / 2] / 1e6, detect[p99(reads)] / 1e6, read[reads / 2] / 1e6, read[p99(reads)] / 1e6);
            System.out.println("  (an emulated chip answers at once; a real contactless chip adds its own processing per APDU)");
        } finally {
            if (pcscd != null) {
                pcscd.destroy();
                if (!pcscd.waitFor(10, TimeUnit.SECONDS)) {
                    pcscd.destroyForcibly();
                }
            }
        }
    }

    private static void report(String what, long[] nanos, CitizenCard sample, double meanAttempts) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        System.out.printf(Locale.ROOT, "%n%s, %d reads:%n", what, n);
        System.out.printf(Locale.ROOT, "  p50 %.1f ms  p99 %.1f ms  max %.1f ms (target < 1500 ms)%n", sorted[n / 2] / 1e6,
                sorted[p99(n)] / 1e6, sorted[n - 1] / 1e6);
        System.out.printf(Locale.ROOT, "  per read: %d APDUs, %d bytes sent, %d bytes received (DG%s), mean BAC attempts %.2f%n",
                sample.stats().apdus(), sample.stats().bytesSent(), sample.stats().bytesReceived(),
                sample.stats().dataGroups(), meanAttempts);
    }

    private static int p99(int n) {
        return Math.min(n - 1, (int) Math.ceil(n * 0.99) - 1);
    }
}
