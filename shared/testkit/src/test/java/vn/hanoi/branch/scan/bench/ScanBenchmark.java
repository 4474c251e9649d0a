package vn.hanoi.branch.scan.bench;

import vn.hanoi.branch.pdf.DocumentMeta;
import vn.hanoi.branch.scan.PageCleanup;
import vn.hanoi.branch.pdf.PdfAWriter;
import vn.hanoi.branch.scan.ScanSettings;
import vn.hanoi.branch.testkit.scan.SimulatedPages;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Digitization throughput at the counter: simulated A4 pages at 300 dpi (grey, as the feeder delivers
 * them; rendering them is the scanner's time and not counted) go through clean-up (crop, deskew, blank
 * check) and are written as PDF/A documents of 5 pages, once B/W (CCITT G4) and once grey (JPEG at the
 * configured quality, kept at 200 dpi as PdfAWriter does by default). Reports pages per minute, bytes per page against PNG and JPEG-95 of the same
 * cleaned pages (in the same run), and the heap in use after a GC every 50 pages over the batch.
 * Args: [pages=500] [dpi=300] [jpegQuality=0.6].
 */
public final class ScanBenchmark {
    private ScanBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int pages = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int dpi = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        float quality = args.length > 2 ? Float.parseFloat(args[2]) : 0.6f;
        List<BufferedImage> pool = new ArrayList<>();
        double[] skews = {-2.8, -1.6, -0.7, 0.4, 1.1, 1.9, 2.6, -2.2};
        for (int i = 0; i < skews.length; i++) {
            pool.add(SimulatedPages.render(SimulatedPages.Kind.TEXT, dpi, ScanSettings.ColorMode.GRAY, skews[i], i));
        }
        pool.add(SimulatedPages.render(SimulatedPages.Kind.ONE_LINE, dpi, ScanSettings.ColorMode.GRAY, 0.9, 21));
        pool.add(SimulatedPages.render(SimulatedPages.Kind.BLANK, dpi, ScanSettings.ColorMode.GRAY, 0.5, 22));
        System.out.printf("ScanBenchmark: %d pages, A4 at %d dpi (%dx%d), JPEG quality %.2f, %d CPUs, max heap %d MB%n",
                pages, dpi, pool.getFirst().getWidth(), pool.getFirst().getHeight(), quality,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);

        // Warm-up (JIT) on a few pages, not counted.
        for (int i = 0; i < 6; i++) {
            BufferedImage c = PageCleanup.clean(pool.get(i % pool.size()), dpi).image();
            new PdfAWriter(quality).write(List.of(c), ScanSettings.ColorMode.LINEART, dpi, meta(0), OutputStream.nullOutputStream());
            new PdfAWriter(quality).write(List.of(c), ScanSettings.ColorMode.GRAY, dpi, meta(0), OutputStream.nullOutputStream());
        }

        long cleanNs = 0, bwNs = 0, greyNs = 0;
        long bwBytes = 0, greyBytes = 0, kept = 0, blanks = 0;
        long pngBytes = 0, jpeg95Bytes = 0, bwCompared = 0, greyCompared = 0, grey300Compared = 0, compared = 0;
        List<Long> heap = new ArrayList<>();
        List<BufferedImage> group = new ArrayList<>();
        heap.add(usedAfterGc());
        for (int i = 0; i < pages; i++) {
            BufferedImage raw = pool.get(i % pool.size());
            long t0 = System.nanoTime();
            PageCleanup.Cleaned c = PageCleanup.clean(raw, dpi);
            cleanNs += System.nanoTime() - t0;
            if (c.blank()) {
                blanks++;
            } else {
                group.add(c.image());
            }
            if (group.size() == 5 || (i == pages - 1 && !group.isEmpty())) {
                long t1 = System.nanoTime();
                long bw = new PdfAWriter(quality).write(group, ScanSettings.ColorMode.LINEART, dpi, meta(i), OutputStream.nullOutputStream()).bytes();
                long t2 = System.nanoTime();
                long grey = new PdfAWriter(quality).write(group, ScanSettings.ColorMode.GRAY, dpi, meta(i), OutputStream.nullOutputStream()).bytes();
                long t3 = System.nanoTime();
                bwNs += t2 - t1;
                greyNs += t3 - t2;
                bwBytes += bw;
                greyBytes += grey;
                kept += group.size();
                if (compared < 20) { // the same pages as lossless PNG and as JPEG-95, for comparison
                    for (BufferedImage p : group) {
                        pngBytes += png(p);
                        jpeg95Bytes += jpeg(p, 0.95f);
                        compared++;
                    }
                    bwCompared += bw;
                    greyCompared += grey;
                    grey300Compared += new PdfAWriter(quality, 0).write(group, ScanSettings.ColorMode.GRAY, dpi, meta(i),
                            OutputStream.nullOutputStream()).bytes();
                }
                group.clear();
            }
            if ((i + 1) % 50 == 0) {
                heap.add(usedAfterGc());
            }
        }
        double msClean = cleanNs / 1e6 / pages;
        double msBw = bwNs / 1e6 / kept;
        double msGrey = greyNs / 1e6 / kept;
        System.out.printf("clean-up (crop, deskew, blank check): %.0f ms/page; blank pages found %d of %d%n", msClean, blanks, pages);
        System.out.printf("B/W  (clean-up + CCITT G4 PDF/A): %.0f ms/page = %.0f pages/min (target >= 60)%n",
                msClean + msBw, 60_000 / (msClean + msBw));
        System.out.printf("grey (clean-up + JPEG PDF/A):     %.0f ms/page = %.0f pages/min (target >= 60)%n",
                msClean + msGrey, 60_000 / (msClean + msGrey));
        System.out.printf("bytes/page over the batch: B/W G4 %.1f KB (target <= 60), grey JPEG q%.2f %.1f KB (target <= 200)%n",
                bwBytes / 1024.0 / kept, quality, greyBytes / 1024.0 / kept);
        System.out.printf("same %d pages: B/W G4 %.1f KB, grey JPEG kept at %d dpi %.1f KB, grey JPEG kept at %d dpi %.1f KB,"
                        + " PNG (grey, lossless, %d dpi) %.1f KB, JPEG-95 (%d dpi) %.1f KB%n",
                compared, bwCompared / 1024.0 / compared, Math.min(dpi, PdfAWriter.DEFAULT_PHOTO_DPI), greyCompared / 1024.0 / compared,
                dpi, grey300Compared / 1024.0 / compared, dpi, pngBytes / 1024.0 / compared, dpi, jpeg95Bytes / 1024.0 / compared);
        System.out.printf("heap in use after GC, every 50 pages (MB): %s%n",
                heap.stream().map(b -> Long.toString(b >> 20)).toList());
    }

    private static DocumentMeta meta(int i) {
        return new DocumentMeta("BENCH-" + i, "CT01", "Tờ khai", "bench", Instant.parse("2025-06-05T02:30:00Z"));
    }

    private static long usedAfterGc() throws InterruptedException {
        System.gc();
        Thread.sleep(50);
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    private static long png(BufferedImage img) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.size();
    }

    private static long jpeg(BufferedImage img, float q) throws IOException {
        ImageWriter w = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
            w.setOutput(ios);
            ImageWriteParam p = w.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(q);
            w.write(null, new IIOImage(img, null, null), p);
        } finally {
            w.dispose();
        }
        return out.size();
    }
}
