package vn.hanoi.branch.scan;

import vn.hanoi.branch.pdf.PdfAWriter;
import vn.hanoi.branch.testkit.scan.SimulatedPages;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Where pages come from: SANE's own test backend through the real scanimage (apt package sane-utils),
 * imported PDF, JPEG, PNG and multi-page TIFF files, and the scan-to-folder inbox.
 */
class ScanSourcesTest {
    private static final ScanSettings FEEDER = new ScanSettings(ScanSettings.Source.ADF, 75, ScanSettings.ColorMode.GRAY);
    private static final ScanSettings FLATBED = new ScanSettings(ScanSettings.Source.FLATBED, 75, ScanSettings.ColorMode.COLOR);

    @TempDir
    Path dir;

    /** A SANE configuration that loads only the test backend: no network discovery in the way. */
    private java.util.Map<String, String> testBackendOnly() throws java.io.IOException {
        Path conf = Files.createDirectories(dir.resolve("sane.d"));
        Files.writeString(conf.resolve("dll.conf"), "test\n");
        return java.util.Map.of("SANE_CONFIG_DIR", conf.toString());
    }

    private SaneScanner saneTest(String... options) throws java.io.IOException {
        return new SaneScanner("test", dir.resolve("sane"))
                .sourceName(ScanSettings.Source.ADF, "Automatic Document Feeder")
                .options(List.of(options)).environment(testBackendOnly());
    }

    @Test
    void saneFeederBatchEndsWhenTheFeederIsEmpty() throws Exception {
        List<BufferedImage> pages = new ArrayList<>();
        int n = saneTest("--test-picture", "Grid").scan(FEEDER, pages::add, () -> false);
        assertThat(n).isEqualTo(10); // SANE's test feeder holds ten sheets
        assertThat(pages).hasSize(10).allSatisfy(p -> {
            assertThat(p.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
            assertThat(p.getWidth()).isEqualTo((int) Math.round(80 / 25.4 * 75)); // the backend's 80 mm default
        });
        try (var left = Files.list(dir.resolve("sane"))) {
            assertThat(left.toList()).isEmpty(); // page files are removed after reading
        }
    }

    @Test
    void theDevicesOwnNameOfItsFeederIsFoundWithoutConfiguration() throws Exception {
        // SANE's test backend calls its feeder "Automatic Document Feeder", not "ADF".
        List<BufferedImage> pages = new ArrayList<>();
        assertThat(new SaneScanner("test", dir.resolve("sane2")).environment(testBackendOnly())
                .scan(FEEDER, pages::add, () -> false)).isEqualTo(10);
    }

    @Test
    void saneFlatbedGivesOneColourPageAndCancelStopsAFeeder() throws Exception {
        List<BufferedImage> pages = new ArrayList<>();
        assertThat(saneTest("--test-picture", "Color pattern").scan(FLATBED, pages::add, () -> false)).isEqualTo(1);
        assertThat(pages.getFirst().getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);

        List<BufferedImage> some = new ArrayList<>();
        saneTest().scan(FEEDER, some::add, () -> some.size() >= 3);
        assertThat(some).hasSize(3);
    }

    @Test
    void saneErrorsReachTheClerkInVietnameseAndEnglish() throws Exception {
        assertThatThrownBy(() -> saneTest("--read-return-value", "SANE_STATUS_JAMMED").scan(FEEDER, p -> { }, () -> false))
                .isInstanceOfSatisfying(ScanException.class, e -> {
                    assertThat(e.code()).isEqualTo("jammed");
                    assertThat(e.messageVi()).startsWith("Kẹt giấy");
                    assertThat(e.messageEn()).startsWith("Paper jam");
                });
        assertThatThrownBy(() -> saneTest("--read-return-value", "SANE_STATUS_COVER_OPEN").scan(FLATBED, p -> { }, () -> false))
                .isInstanceOfSatisfying(ScanException.class, e -> assertThat(e.code()).isEqualTo("cover_open"));
        assertThatThrownBy(() -> saneTest("--read-return-value", "SANE_STATUS_DEVICE_BUSY").scan(FLATBED, p -> { }, () -> false))
                .isInstanceOfSatisfying(ScanException.class, e -> assertThat(e.code()).isEqualTo("busy"));
        var env = testBackendOnly();
        assertThatThrownBy(() -> new SaneScanner("nosuch:device", dir).environment(env).scan(FLATBED, p -> { }, () -> false))
                .isInstanceOfSatisfying(ScanException.class, e -> {
                    assertThat(e.code()).isEqualTo("no_scanner");
                    assertThat(e.bilingual()).contains("Không tìm thấy máy quét", "No scanner found");
                });
    }

    @Test
    void deviceListingParsesScanimage() throws Exception {
        // On this machine there may be no scanner at all: the list is then empty, not an error.
        assertThat(SaneScanner.list("scanimage")).allSatisfy(d -> assertThat(d.name()).isNotBlank());
        assertThatThrownBy(() -> SaneScanner.list("/nonexistent/scanimage"))
                .isInstanceOfSatisfying(ScanException.class, e -> assertThat(e.code()).isEqualTo("no_scanner"));
    }

    private BufferedImage page(long seed) {
        return SimulatedPages.render(SimulatedPages.Kind.TEXT, 75, ScanSettings.ColorMode.GRAY, 0, seed);
    }

    private Path tiff(String name, int pages) throws Exception {
        Path f = dir.resolve(name);
        ImageWriter w = ImageIO.getImageWritersByFormatName("tiff").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(f.toFile())) {
            w.setOutput(out);
            w.prepareWriteSequence(null);
            for (int i = 0; i < pages; i++) {
                w.writeToSequence(new IIOImage(page(i), null, null), null);
            }
            w.endWriteSequence();
        }
        w.dispose();
        return f;
    }

    @Test
    void filesOfEveryKindAreImportedPageByPage() throws Exception {
        Path png = dir.resolve("giay-to.png");
        ImageIO.write(page(1), "png", png.toFile());
        Path jpg = dir.resolve("anh.JPG");
        ImageIO.write(page(2), "jpeg", jpg.toFile());
        Path tif = tiff("ho-so.tif", 3);
        Path pdf = dir.resolve("ban-sao.pdf");
        try (OutputStream out = Files.newOutputStream(pdf)) {
            new PdfAWriter(0.7f).write(List.of(page(3), page(4)), ScanSettings.ColorMode.GRAY, 75, ScanToPdfATest.META, out);
        }
        List<BufferedImage> pages = new ArrayList<>();
        int n = new FileImport(List.of(png, jpg, tif, pdf)).scan(FEEDER, pages::add, () -> false);
        assertThat(n).isEqualTo(1 + 1 + 3 + 2);
        assertThat(pages).hasSize(7);
        // The PDF's pages are rendered at the batch's resolution: an A4 page at 75 dpi.
        assertThat(pages.get(6).getWidth()).isCloseTo(SimulatedPages.widthAt(75), org.assertj.core.data.Offset.offset(2));
    }

    @Test
    void aFileThatIsNotAnImageOrIsBrokenIsRefusedClearly() throws Exception {
        Path txt = dir.resolve("ghi-chu.pdf.txt");
        Files.writeString(txt, "không phải ảnh");
        assertThatThrownBy(() -> new FileImport(List.of(txt)).scan(FEEDER, p -> { }, () -> false))
                .isInstanceOfSatisfying(ScanException.class, e -> {
                    assertThat(e.code()).isEqualTo("unsupported_file");
                    assertThat(e.messageVi()).contains("ghi-chu.pdf.txt");
                });
        Path png = dir.resolve("cut.png");
        ImageIO.write(page(1), "png", png.toFile());
        byte[] whole = Files.readAllBytes(png);
        Files.write(png, java.util.Arrays.copyOf(whole, whole.length / 2));
        assertThatThrownBy(() -> new FileImport(List.of(png)).scan(FEEDER, p -> { }, () -> false))
                .isInstanceOfSatisfying(ScanException.class, e -> assertThat(e.code()).isEqualTo("unreadable_file"));
    }

    @Test
    void theInboxTakesFinishedFilesInOrderAndKeepsThemInDone() throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Path first = inbox.resolve("scan-0001.png");
        ImageIO.write(page(1), "png", first.toFile());
        Files.setLastModifiedTime(first, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 5000));
        tiff("inbox/scan-0002.tif", 2);
        Files.writeString(inbox.resolve("scan-0003.pdf.part"), "%PDF-1.7 still uploading");
        Files.writeString(inbox.resolve("broken.png"), "not an image");
        Files.setLastModifiedTime(inbox.resolve("broken.png"),
                java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 9000));

        List<BufferedImage> pages = new ArrayList<>();
        int n = new FolderInbox(inbox, Duration.ofSeconds(2), Duration.ofMillis(200)).scan(FEEDER, pages::add, () -> false);
        assertThat(n).isEqualTo(3);
        try (var done = Files.list(inbox.resolve("done"))) {
            assertThat(done.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("scan-0001.png", "scan-0002.tif");
        }
        assertThat(inbox.resolve("rejected").resolve("broken.png")).exists();
        assertThat(inbox.resolve("scan-0003.pdf.part")).exists(); // an upload in progress is left alone

        // Nothing arrives: the clerk is told, after the wait.
        assertThatThrownBy(() -> new FolderInbox(dir.resolve("empty"), Duration.ofMillis(300), Duration.ofMillis(50))
                .scan(FEEDER, p -> { }, () -> false))
                .isInstanceOfSatisfying(ScanException.class, e -> assertThat(e.code()).isEqualTo("no_paper"));
    }

    @Test
    void aFileArrivingWhileTheClerkWaitsIsPickedUp() throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox2"));
        Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(300);
                ImageIO.write(page(5), "png", inbox.resolve("arrived.png").toFile());
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        List<BufferedImage> pages = new ArrayList<>();
        new FolderInbox(inbox, Duration.ofSeconds(5), Duration.ofMillis(200)).scan(FEEDER, pages::add, () -> false);
        assertThat(pages).hasSize(1);
    }

    /**
     * A driver that hangs (SANE's test backend sometimes does after reporting an error): the scan ends with
     * the reported error a few seconds later, or "not responding" when it hangs without a word.
     */
    @Test
    void aHungScannerDriverIsStoppedWithAMessageInsteadOfFreezingTheCounter() throws Exception {
        Path afterError = dir.resolve("hangs-after-error.sh");
        Files.writeString(afterError, "#!/bin/sh\ncase \"$*\" in *--help*) exit 0;; esac\n"
                + "echo 'scanimage: sane_start: Scanner cover is open' >&2\nexec sleep 600\n");
        Path silent = dir.resolve("hangs-silently.sh");
        Files.writeString(silent, "#!/bin/sh\ncase \"$*\" in *--help*) exit 0;; esac\nexec sleep 600\n");
        for (Path f : List.of(afterError, silent)) {
            f.toFile().setExecutable(true);
        }
        Files.createDirectories(dir.resolve("work"));
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> new SaneScanner(afterError.toString(), "test", dir.resolve("work"))
                .scan(FLATBED, p -> { }, () -> false))
                .isInstanceOfSatisfying(ScanException.class, e -> assertThat(e.code()).isEqualTo("cover_open"));
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(60));

        assertThatThrownBy(() -> new SaneScanner(silent.toString(), "test", dir.resolve("work"))
                .pageTimeout(Duration.ofSeconds(1)).scan(FLATBED, p -> { }, () -> false))
                .isInstanceOfSatisfying(ScanException.class, e -> {
                    assertThat(e.code()).isEqualTo("not_responding");
                    assertThat(e.messageVi()).contains("Máy quét không phản hồi");
                });
    }
}
