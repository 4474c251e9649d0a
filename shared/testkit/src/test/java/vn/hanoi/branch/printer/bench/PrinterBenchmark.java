package vn.hanoi.branch.printer.bench;

import vn.hanoi.branch.printer.PrintOutcome;
import vn.hanoi.branch.printer.TicketPrint;
import vn.hanoi.branch.printer.escpos.EscPosWriter;
import vn.hanoi.branch.printer.escpos.PrinterProfile;
import vn.hanoi.branch.printer.escpos.TicketLayout;
import vn.hanoi.branch.printer.escpos.Tickets;
import vn.hanoi.branch.printer.escpos.VietnameseMode;
import vn.hanoi.branch.testkit.printer.PtyPair;
import vn.hanoi.branch.testkit.printer.SerialPrinterEmulator;
import vn.hanoi.branch.printer.serial.SerialSettings;
import vn.hanoi.branch.printer.serial.SerialTicketPrinter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * Ticket size and time on the wire per profile, against the whole ticket as one raster image (the
 * baseline, computed in the same run), and touch → last byte at the printer over a socat pty pair.
 * A program, not a test: {@code ./bench.sh shared vn.hanoi.branch.printer.bench.PrinterBenchmark [runs]}.
 */
public final class PrinterBenchmark {
    private PrinterBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        TicketPrint t = Tickets.full("A023");
        SerialSettings at9600 = SerialSettings.of("-", 9600);
        SerialSettings at115200 = SerialSettings.of("-", 115200);
        System.out.println("Ticket: full layout with Vietnamese branch name (NFD input), priority, estimate, QR link, notice.");
        System.out.println("Baseline in the same run: the whole ticket as one raster image. Before issue 20 a clone got"
                + " ~24 KB per ticket (Vietnamese lines and QR as full-width raster).");
        System.out.printf(Locale.ROOT, "%-10s %-13s %6s %6s %6s %5s %10s %11s %9s %7s %12s%n", "profile", "mode", "bytes",
                "glyphs", "raster", "QR", "@9600", "@115200", "raster B", "ratio", "raster@9600");
        for (PrinterProfile base : PrinterProfile.all()) {
            int raster = TicketLayout.allRaster(t, base).length;
            for (VietnameseMode m : base.modes()) {
                PrinterProfile p = base.withVietnamese(m);
                EscPosWriter w = TicketLayout.write(t, p);
                int bytes = w.bytes().length;
                System.out.printf(Locale.ROOT, "%-10s %-13s %6d %6d %6d %5s %7d ms %8d ms %9d %6.1fx %9d ms%n", p.id(),
                        m.id(), bytes, w.downloadedGlyphs(), w.rasterLines(), p.nativeQr() ? "GS(k" : "image",
                        at9600.wireTime(bytes).toMillis(), at115200.wireTime(bytes).toMillis(), raster,
                        raster / (double) bytes, at9600.wireTime(raster).toMillis());
            }
        }

        System.out.printf(Locale.ROOT, "%nTest page (every Vietnamese mode of the profile, rulers, styles, QR):%n");
        for (PrinterProfile p : PrinterProfile.all()) {
            int bytes = TicketLayout.testPage(p, "/dev/ttyUSB0 9600 baud").length;
            System.out.printf(Locale.ROOT, "%-10s %6d bytes %7d ms @9600 %6d ms @115200%n", p.id(), bytes,
                    at9600.wireTime(bytes).toMillis(), at115200.wireTime(bytes).toMillis());
        }

        Path dir = Files.createTempDirectory("printer-bench");
        try (PtyPair pty = PtyPair.start(dir);
             SerialPrinterEmulator printer = new SerialPrinterEmulator(pty.printerEnd(), PrinterProfile.TM_T88);
             SerialTicketPrinter driver = new SerialTicketPrinter(SerialSettings.of(pty.hostEnd().toString(), 115200),
                     PrinterProfile.TM_T88)) {
            long[] nanos = new long[runs];
            long first = 0;
            int jobBytes = 0;
            for (int i = -1; i < runs; i++) {
                printer.clearReceived();
                // Touch: the ticket as the kiosk has it after the agent answered; a new number each time.
                long touch = System.nanoTime();
                TicketPrint ticket = Tickets.full(String.format(Locale.ROOT, "A%03d", i + 2));
                PrintOutcome o = driver.print(ticket);
                if (!o.printed()) {
                    throw new IllegalStateException("not printed: " + o);
                }
                jobBytes = o.bytesSent();
                // print() returns after the closing status answer, so every byte has arrived; the
                // emulator stamps its last read, which includes those 9 status bytes: an upper bound.
                long lastByte = printer.lastByteNanos() - touch;
                if (i < 0) {
                    first = lastByte;
                } else {
                    nanos[i] = lastByte;
                }
            }
            Arrays.sort(nanos);
            double wireMs = at115200.wireTime(jobBytes).toNanos() / 1e6;
            System.out.printf(Locale.ROOT, "%nTouch → last byte at the printer, TM-T88 profile, pty at 115200 (%d runs, %d-byte job):%n",
                    runs, jobBytes);
            System.out.printf(Locale.ROOT, "  first (port open + JIT): %.1f ms%n", first / 1e6);
            System.out.printf(Locale.ROOT, "  p50 %.2f ms  p99 %.2f ms  max %.2f ms (a pty does not pace bytes)%n",
                    nanos[runs / 2] / 1e6, nanos[Math.min(runs - 1, runs * 99 / 100)] / 1e6, nanos[runs - 1] / 1e6);
            System.out.printf(Locale.ROOT, "  with the real wire time at 115200 (+%.1f ms): p99 %.1f ms; target < 1000 ms%n",
                    wireMs, nanos[Math.min(runs - 1, runs * 99 / 100)] / 1e6 + wireMs);
        }
    }
}
