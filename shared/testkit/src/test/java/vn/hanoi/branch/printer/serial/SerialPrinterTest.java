package vn.hanoi.branch.printer.serial;

import vn.hanoi.branch.testkit.printer.PtyPair;
import vn.hanoi.branch.testkit.printer.SerialPrinterEmulator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hanoi.branch.printer.PrintOutcome;
import vn.hanoi.branch.printer.PrinterStatus;
import vn.hanoi.branch.printer.TicketPrint;
import vn.hanoi.branch.printer.escpos.EscPosCommands;
import vn.hanoi.branch.testkit.printer.EscPosInterpreter.Receipt;
import vn.hanoi.branch.printer.escpos.PrinterProfile;
import vn.hanoi.branch.printer.escpos.TicketLayout;
import vn.hanoi.branch.printer.escpos.Tickets;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The driver against a printer emulated at the far end of a socat pseudo-terminal pair. socat is
 * required: without it {@link PtyPair#start} throws and these tests fail.
 */
class SerialPrinterTest {
    private static final Duration STATUS_TIMEOUT = Duration.ofMillis(300);

    @TempDir
    Path dir;
    private PtyPair pty;
    private SerialPrinterEmulator printer;
    private SerialTicketPrinter driver;

    @BeforeEach
    void cable() throws Exception {
        pty = PtyPair.start(dir.resolve("pty"));
    }

    @AfterEach
    void unplug() {
        if (driver != null) {
            driver.close();
        }
        if (printer != null) {
            printer.close();
        }
        pty.close();
    }

    private void attach(PrinterProfile profile) throws Exception {
        if (printer != null) {
            printer.close();
        }
        if (driver != null) {
            driver.close();
        }
        printer = new SerialPrinterEmulator(pty.printerEnd(), profile);
        driver = new SerialTicketPrinter(SerialSettings.of(pty.hostEnd().toString(), 115200)
                .withStatusTimeout(STATUS_TIMEOUT), profile);
    }

    /** Prints and checks that the call came back within the driver's own bound. */
    private PrintOutcome timedPrint(TicketPrint t) {
        long start = System.nanoTime();
        PrintOutcome o = driver.print(t);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        Duration bound = driver.jobBudget(TicketLayout.render(t, driver.profile()).length);
        assertThat(took).as("print() returned within its bound").isLessThanOrEqualTo(bound);
        return o;
    }

    private static byte[] statusQueries() {
        ByteArrayOutputStream q = new ByteArrayOutputStream();
        for (int n : new int[] {1, 2, 4}) {
            q.writeBytes(EscPosCommands.statusRequest(n));
        }
        return q.toByteArray();
    }

    @Test
    void exactBytesArriveAndTheTicketReadsRightOnEveryProfile() throws Exception {
        for (PrinterProfile profile : PrinterProfile.all()) {
            // A cable of its own per profile: the last driver's port may still be closing on its own thread.
            pty.close();
            pty = PtyPair.start(dir.resolve("pty-" + profile.id()));
            attach(profile);
            TicketPrint t = Tickets.full("1005");
            byte[] job = TicketLayout.render(t, profile);

            PrintOutcome o = timedPrint(t);

            assertThat(o).as(profile.id()).isEqualTo(new PrintOutcome(true, PrinterStatus.READY, job.length));
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            expected.writeBytes(statusQueries());
            expected.writeBytes(job);
            expected.writeBytes(statusQueries());
            assertThat(printer.received()).as(profile.id() + ": the exact bytes").isEqualTo(expected.toByteArray());
            List<Receipt> receipts = printer.awaitReceipts(1, Duration.ofSeconds(2));
            assertThat(printer.interpreter().errors()).isEmpty();
            assertThat(receipts).hasSize(1);
            Receipt r = receipts.getFirst();
            assertThat(r.complete()).isTrue();
            assertThat(Tickets.decodeQr(r.render(profile.dotsPerLine()))).isEqualTo(Tickets.LINK);
            assertThat(r.textLines()).contains("1005", "08:05 23/11/2026");
            // Every profile prints Vietnamese as text in its default mode: a code table or downloaded letters.
            assertThat(String.join(" ", r.textLines())).as(profile.id()).contains(Tickets.asPrinted(Tickets.NAME, profile));
            assertThat(r.rasters()).as(profile.id() + ": only the QR may be an image").hasSize(profile.nativeQr() ? 0 : 1);
        }
    }

    @Test
    void paperOutMidJobIsNotPrintedAndTheRetryIsMarkedAsReprint() throws Exception {
        attach(PrinterProfile.TM_T88);
        printer.state().paperOutAfterBytes(120);
        TicketPrint t = Tickets.full("1006");

        PrintOutcome first = timedPrint(t);

        assertThat(first.printed()).isFalse();
        assertThat(first.statusAfter()).isEqualTo(PrinterStatus.PAPER_OUT);
        assertThat(first.bytesSent()).isPositive();
        assertThat(printer.awaitReceipts(1, Duration.ofSeconds(2)).getFirst().complete()).isFalse();

        printer.state().ready();
        PrintOutcome retry = timedPrint(t);

        assertThat(retry.printed()).isTrue();
        Receipt second = printer.awaitReceipts(2, Duration.ofSeconds(2)).get(1);
        assertThat(second.textLines().getFirst()).isEqualTo(TicketLayout.REPRINT_MARK);
    }

    @Test
    void aPrintedTicketPrintedAgainIsMarkedAsReprint() throws Exception {
        attach(PrinterProfile.TM_T88);
        TicketPrint t = Tickets.full("1007");
        assertThat(timedPrint(t).printed()).isTrue();
        assertThat(timedPrint(t).printed()).isTrue();
        List<Receipt> r = printer.awaitReceipts(2, Duration.ofSeconds(2));
        assertThat(r.get(0).textLines()).doesNotContain(TicketLayout.REPRINT_MARK);
        assertThat(r.get(1).textLines().getFirst()).isEqualTo(TicketLayout.REPRINT_MARK);
    }

    @Test
    void faultsFoundBeforeTheJobSendNothing() throws Exception {
        attach(PrinterProfile.TM_T88);
        record Case(Runnable set, PrinterStatus expected) {
        }
        List<Case> cases = List.of(
                new Case(() -> printer.state().paperOut(true), PrinterStatus.PAPER_OUT),
                new Case(() -> printer.state().coverOpen(true), PrinterStatus.COVER_OPEN),
                new Case(() -> printer.state().offline(true), PrinterStatus.OFFLINE),
                new Case(() -> printer.state().error(true), PrinterStatus.ERROR));
        for (Case c : cases) {
            printer.state().ready();
            c.set().run();
            printer.clearReceived();

            PrintOutcome o = timedPrint(Tickets.full("1008"));

            assertThat(o).isEqualTo(new PrintOutcome(false, c.expected(), 0));
            assertThat(printer.received()).as("only status requests").isEqualTo(statusQueries());
            assertThat(driver.status()).isEqualTo(c.expected());
        }
        printer.state().ready().paperNearEnd(true);
        PrintOutcome nearEnd = timedPrint(Tickets.full("1009"));
        assertThat(nearEnd.printed()).isTrue();
        assertThat(nearEnd.statusAfter()).isEqualTo(PrinterStatus.PAPER_NEAR_END);
        assertThat(printer.interpreter().receipts()).hasSize(1);
    }

    @Test
    void aPrinterThatDoesNotAnswerIsNotRespondingWithinTheStatusTimeout() throws Exception {
        attach(PrinterProfile.TM_T88);
        printer.mute(true);
        long start = System.nanoTime();

        PrintOutcome o = driver.print(Tickets.full("1010"));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(STATUS_TIMEOUT.plusSeconds(1));
        assertThat(o).isEqualTo(new PrintOutcome(false, PrinterStatus.NOT_RESPONDING, 0));
        assertThat(printer.interpreter().receipts()).isEmpty();
    }

    @Test
    void garbageOnTheStatusLineIsAWrongSpeedNotASilentPrinter() throws Exception {
        attach(PrinterProfile.TM_T88);
        printer.garble(true);

        PrintOutcome o = driver.print(Tickets.full("1011"));

        assertThat(o).isEqualTo(new PrintOutcome(false, PrinterStatus.GARBLED, 0));
        assertThat(PrinterStatus.GARBLED.textVi()).contains("sai tốc độ/parity?");
        assertThat(PrinterStatus.GARBLED.textEn()).contains("wrong speed/parity?");
        assertThat(printer.interpreter().receipts()).isEmpty();

        printer.garble(false);
        printer.mute(true);
        assertThat(driver.status()).isEqualTo(PrinterStatus.NOT_RESPONDING);
        assertThat(PrinterStatus.NOT_RESPONDING.textEn()).contains("check cable/power");

        printer.mute(false);
        assertThat(driver.status()).as("the setting fixed, the same port answers").isEqualTo(PrinterStatus.READY);
    }

    @Test
    void aHungWriteIsAbandonedByTheWatchdogAndTheNextJobGoesThrough() throws Exception {
        attach(PrinterProfile.GENERIC);
        // Answers the status requests, takes a little of the job, then holds the line forever; the
        // job is larger than every buffer between the two ends, so the driver's write blocks.
        printer.stallAfterBytes(statusQueries().length + 1000);
        byte[] huge = new byte[4 << 20];
        java.util.Arrays.fill(huge, (byte) 'x');
        long start = System.nanoTime();

        PrintOutcome o = driver.send(huge);

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(o.printed()).isFalse();
        assertThat(o.statusAfter()).isEqualTo(PrinterStatus.NOT_RESPONDING);
        assertThat(o.bytesSent()).isLessThan(huge.length);
        assertThat(took).as("caller released by the watchdog, not by the job's wire time")
                .isLessThan(driver.stallLimit().plusSeconds(2));

        // The printer recovers (it reads again, discarding the stale job), the driver reconnects.
        printer.close();
        printer = new SerialPrinterEmulator(pty.printerEnd(), PrinterProfile.GENERIC);
        drainUntilQuiet(printer);
        PrintOutcome after = timedPrint(Tickets.full("1011"));
        assertThat(after.printed()).isTrue();
    }

    @Test
    void aPulledCableIsDisconnectedAndAPluggedBackOneWorksAgain() throws Exception {
        attach(PrinterProfile.TM_T88);
        assertThat(timedPrint(Tickets.full("1012")).printed()).isTrue();

        printer.close();
        printer = null;
        pty.close();
        PrintOutcome gone = timedPrint(Tickets.full("1013"));
        assertThat(gone).isEqualTo(new PrintOutcome(false, PrinterStatus.DISCONNECTED, 0));
        assertThat(driver.status()).isEqualTo(PrinterStatus.DISCONNECTED);

        pty = PtyPair.start(dir.resolve("pty"));
        printer = new SerialPrinterEmulator(pty.printerEnd(), PrinterProfile.TM_T88);
        PrintOutcome back = timedPrint(Tickets.full("1013"));
        assertThat(back.printed()).isTrue();
        assertThat(printer.awaitReceipts(1, Duration.ofSeconds(2)).getFirst().textLines()).contains("1013");
    }

    /** Waits until the bytes left in the line from the abandoned job have been read away. */
    private static void drainUntilQuiet(SerialPrinterEmulator p) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        int last = -1;
        while (System.nanoTime() < deadline) {
            int now = p.received().length;
            if (now == last) {
                return;
            }
            last = now;
            Thread.sleep(100);
        }
    }
}
