package vn.hanoi.branch.testkit.printer;

import vn.hanoi.branch.printer.PrintOutcome;
import vn.hanoi.branch.printer.PrinterStatus;
import vn.hanoi.branch.printer.ReceiptPreview;
import vn.hanoi.branch.printer.ReceiptImage;
import vn.hanoi.branch.printer.TicketPrint;
import vn.hanoi.branch.printer.TicketPrinter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hanoi.branch.printer.escpos.PrinterProfile;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A printer without paper: each ticket becomes a receipt image, handed to listeners (the kiosk shows
 * it) and, when a folder is given, saved there as PNG. Used where no thermal printer is attached —
 * the demo, tests, a kiosk whose printer is being repaired. Faults can be simulated with
 * {@link #simulate(PrinterStatus)} so that the kiosk's paper-out handling can be exercised.
 */
public final class VirtualPrinter implements TicketPrinter, ReceiptPreview {
    private static final Logger LOG = LoggerFactory.getLogger(VirtualPrinter.class);

    private final Path folder;
    private final List<Consumer<BufferedImage>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong jobs = new AtomicLong();
    private volatile PrinterStatus status = PrinterStatus.READY;
    private volatile BufferedImage last;

    /** @param folder where receipts are saved as PNG, or null to keep them only in memory */
    public VirtualPrinter(Path folder) {
        this.folder = folder;
    }

    @Override
    public void addListener(Consumer<BufferedImage> onReceipt) {
        listeners.add(Objects.requireNonNull(onReceipt));
    }

    /** Makes the printer report {@code s} (e.g. PAPER_OUT) until told otherwise. */
    public void simulate(PrinterStatus s) {
        status = Objects.requireNonNull(s);
    }

    /** The last receipt printed, or null. */
    public BufferedImage lastReceipt() {
        return last;
    }

    public long jobsPrinted() {
        return jobs.get();
    }

    @Override
    public PrintOutcome print(TicketPrint ticket) {
        PrinterStatus s = status;
        if (!s.canPrint()) {
            return new PrintOutcome(false, s, 0);
        }
        BufferedImage img = ReceiptImage.render(ticket);
        byte[] png = png(img);
        if (folder != null) {
            save(png, ticket.displayNumber());
        }
        last = img;
        jobs.incrementAndGet();
        listeners.forEach(l -> l.accept(img));
        return new PrintOutcome(true, s, png.length);
    }

    /**
     * A prepared job (a dossier slip), laid out for {@link PrinterProfile#TM_T88} and put on "paper" by
     * the ESC/POS interpreter, so the image shows what an 80 mm printer would print.
     */
    @Override
    public PrintOutcome printJob(String name, Function<PrinterProfile, byte[]> layout) {
        PrinterStatus s = status;
        if (!s.canPrint()) {
            return new PrintOutcome(false, s, 0);
        }
        PrinterProfile profile = PrinterProfile.TM_T88;
        EscPosInterpreter paper = new EscPosInterpreter(profile);
        paper.accept(layout.apply(profile));
        paper.tearOff();
        if (paper.receipts().isEmpty()) {
            return new PrintOutcome(false, PrinterStatus.ERROR, 0);
        }
        BufferedImage img = paper.receipts().getFirst().render(profile.dotsPerLine());
        byte[] png = png(img);
        if (folder != null) {
            save(png, name);
        }
        last = img;
        jobs.incrementAndGet();
        listeners.forEach(l -> l.accept(img));
        return new PrintOutcome(true, s, png.length);
    }

    @Override
    public PrinterStatus status() {
        return status;
    }

    private static byte[] png(BufferedImage img) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("PNG encoding in memory failed", e);
        }
    }

    private void save(byte[] png, String number) {
        try {
            Files.createDirectories(folder);
            String name = System.currentTimeMillis() + "-" + number.replaceAll("[^A-Za-z0-9]", "_") + ".png";
            Path tmp = folder.resolve(name + ".tmp");
            Files.write(tmp, png);
            Files.move(tmp, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // The receipt is on screen already; a missing copy on disk must not stop the queue.
            LOG.warn("could not save receipt image in {}: {}", folder, e.toString());
        }
    }
}
