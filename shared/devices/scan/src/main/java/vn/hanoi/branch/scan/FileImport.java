package vn.hanoi.branch.scan;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * Pages from files the citizen brought on a USB stick or a scanner left in a folder: PDF (each page
 * rendered at the batch's resolution), JPEG, PNG and TIFF (every page of a multi-page TIFF). The kind is
 * told from the file's first bytes, not its name.
 */
public final class FileImport implements ScanSource {
    private final List<Path> files;

    public FileImport(List<Path> files) {
        this.files = List.copyOf(files);
    }

    @Override
    public String name() {
        return "Tệp / Files";
    }

    @Override
    public int scan(ScanSettings settings, PageSink sink, BooleanSupplier cancelled) throws ScanException {
        int pages = 0;
        for (Path f : files) {
            if (cancelled.getAsBoolean()) {
                break;
            }
            pages += read(f, settings, sink, cancelled);
        }
        return pages;
    }

    /** Hands every page of one file to the sink; returns how many. */
    public static int read(Path file, ScanSettings settings, PageSink sink, BooleanSupplier cancelled) throws ScanException {
        String name = file.getFileName().toString();
        try {
            byte[] head = new byte[8];
            try (var in = Files.newInputStream(file)) {
                int n = in.readNBytes(head, 0, head.length);
                if (n < 4) {
                    throw unsupported(name);
                }
            }
            if (head[0] == '%' && head[1] == 'P' && head[2] == 'D' && head[3] == 'F') {
                return pdf(file, settings, sink, cancelled);
            }
            return images(file, sink, cancelled, name);
        } catch (InvalidPasswordException e) {
            throw new ScanException("unreadable_file", "Tệp " + name + " có mật khẩu; không nhập được.",
                    "The file " + name + " is password protected and cannot be imported.", e);
        } catch (IOException e) {
            throw new ScanException("unreadable_file", "Không đọc được tệp " + name + ": tệp bị hỏng hoặc chưa ghi xong.",
                    "The file " + name + " cannot be read: it is damaged or not completely written.", e);
        }
    }

    private static int pdf(Path file, ScanSettings settings, PageSink sink, BooleanSupplier cancelled) throws IOException {
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            PDFRenderer r = new PDFRenderer(doc);
            ImageType type = settings.mode() == ScanSettings.ColorMode.COLOR ? ImageType.RGB : ImageType.GRAY;
            int n = 0;
            for (int i = 0; i < doc.getNumberOfPages() && !cancelled.getAsBoolean(); i++) {
                sink.page(r.renderImageWithDPI(i, settings.dpi(), type));
                n++;
            }
            return n;
        }
    }

    private static int images(Path file, PageSink sink, BooleanSupplier cancelled, String name) throws IOException, ScanException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw unsupported(name);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, false, true);
                String format = reader.getFormatName().toLowerCase(Locale.ROOT);
                if (!List.of("jpeg", "png", "tif", "tiff").contains(format)) {
                    throw unsupported(name);
                }
                int n = 0;
                for (int i = 0; !cancelled.getAsBoolean(); i++) {
                    BufferedImage img;
                    try {
                        img = reader.read(i);
                    } catch (IndexOutOfBoundsException end) {
                        break; // past the last page of a multi-page TIFF
                    }
                    sink.page(normalize(img));
                    n++;
                }
                return n;
            } finally {
                reader.dispose();
            }
        }
    }

    /** Grey stays grey, everything else (palette, alpha, CMYK-less colour) becomes plain RGB. */
    private static BufferedImage normalize(BufferedImage img) {
        if (img.getType() == BufferedImage.TYPE_BYTE_GRAY || img.getType() == BufferedImage.TYPE_INT_RGB) {
            return img;
        }
        if (img.getColorModel().getNumColorComponents() == 1 && img.getColorModel().getPixelSize() <= 8
                && img.getType() != BufferedImage.TYPE_BYTE_INDEXED) {
            return Images.gray(img);
        }
        BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
        var g = out.createGraphics();
        g.setColor(java.awt.Color.WHITE); // transparent parts of a PNG are paper
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.drawImage(img, 0, 0, null);
        g.dispose();
        return out;
    }

    private static ScanException unsupported(String name) {
        return new ScanException("unsupported_file",
                "Tệp " + name + " không phải PDF, JPEG, PNG hay TIFF.",
                "The file " + name + " is not a PDF, JPEG, PNG or TIFF.");
    }
}
