package vn.hanoi.branch.slip;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.printing.PDFPageable;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import javax.imageio.ImageIO;
import javax.print.DocFlavor;
import javax.print.DocPrintJob;
import javax.print.PrintException;
import javax.print.PrintService;
import javax.print.PrintServiceLookup;
import javax.print.SimpleDoc;
import javax.print.attribute.HashPrintRequestAttributeSet;
import javax.print.attribute.PrintRequestAttributeSet;
import javax.print.attribute.standard.Copies;
import javax.print.attribute.standard.JobName;
import javax.print.attribute.standard.MediaSizeName;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Sends a slip's PDF to an office printer of the counter PC through {@code javax.print} (CUPS on
 * Linux, the spooler on Windows). The PDF goes as it is when the print service takes PDF; else as a
 * {@link PDFPageable} (PDFBox renders each page through Java 2D); else each page rendered at 300 dpi
 * by {@link PDFRenderer} and sent as a PNG image. A print service only says the job was handed to the
 * spooler: paper jams and an empty tray are not seen here.
 *
 * <p>Not covered by the tests, which have no printer: the three sending paths. Covered: listing,
 * choosing by name and the errors.
 */
public final class SlipPrinting {
    private static final float DPI = 300f;

    private SlipPrinting() {
    }

    /** Why a slip could not be sent, in Vietnamese for the clerk and English for the log. */
    public static final class SlipPrintException extends Exception {
        private final String messageVi;

        public SlipPrintException(String messageVi, String messageEn, Throwable cause) {
            super(messageEn, cause);
            this.messageVi = messageVi;
        }

        public String messageVi() {
            return messageVi;
        }

        public String messageEn() {
            return getMessage();
        }
    }

    /** The names of the printers the system knows, the default one first. */
    public static List<String> printers() {
        PrintService def = PrintServiceLookup.lookupDefaultPrintService();
        return Arrays.stream(PrintServiceLookup.lookupPrintServices(null, null))
                .sorted((a, b) -> Boolean.compare(!a.equals(def), !b.equals(def)))
                .map(PrintService::getName).toList();
    }

    /**
     * Prints {@code pdf} on the printer called {@code printerName} (case-insensitive), or on the
     * system's default printer when it is null or blank.
     */
    public static void print(byte[] pdf, String printerName, String jobName, int copies, SlipPdf.Paper paper)
            throws SlipPrintException {
        PrintService service = service(printerName);
        PrintRequestAttributeSet attrs = new HashPrintRequestAttributeSet();
        attrs.add(new JobName(jobName == null || jobName.isBlank() ? "slip" : jobName, Locale.ROOT));
        attrs.add(new Copies(Math.max(1, copies)));
        attrs.add(paper == SlipPdf.Paper.A5 ? MediaSizeName.ISO_A5 : MediaSizeName.ISO_A4);
        DocPrintJob job = service.createPrintJob();
        try {
            if (service.isDocFlavorSupported(DocFlavor.BYTE_ARRAY.PDF)) {
                job.print(new SimpleDoc(pdf, DocFlavor.BYTE_ARRAY.PDF, null), attrs);
                return;
            }
            try (PDDocument doc = Loader.loadPDF(pdf)) {
                if (service.isDocFlavorSupported(DocFlavor.SERVICE_FORMATTED.PAGEABLE)) {
                    job.print(new SimpleDoc(new PDFPageable(doc), DocFlavor.SERVICE_FORMATTED.PAGEABLE, null), attrs);
                    return;
                }
                if (!service.isDocFlavorSupported(DocFlavor.BYTE_ARRAY.PNG)) {
                    throw new SlipPrintException("Máy in " + service.getName() + " không nhận PDF hay ảnh",
                            "printer " + service.getName() + " takes neither PDF nor images", null);
                }
                PDFRenderer renderer = new PDFRenderer(doc);
                for (int i = 0; i < doc.getNumberOfPages(); i++) {
                    BufferedImage img = renderer.renderImageWithDPI(i, DPI, ImageType.GRAY);
                    ByteArrayOutputStream png = new ByteArrayOutputStream();
                    ImageIO.write(img, "png", png);
                    // One job per page: a print service takes one document per job.
                    DocPrintJob pageJob = i == 0 ? job : service.createPrintJob();
                    pageJob.print(new SimpleDoc(png.toByteArray(), DocFlavor.BYTE_ARRAY.PNG, null), attrs);
                }
            }
        } catch (PrintException e) {
            throw new SlipPrintException("Không gửi được phiếu tới máy in " + service.getName() + ": " + e.getMessage(),
                    "could not send the slip to printer " + service.getName() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new SlipPrintException("Tệp PDF của phiếu bị lỗi", "the slip's PDF cannot be read", e);
        }
    }

    static PrintService service(String printerName) throws SlipPrintException {
        if (printerName == null || printerName.isBlank()) {
            PrintService def = PrintServiceLookup.lookupDefaultPrintService();
            if (def == null) {
                throw new SlipPrintException("Máy tính chưa có máy in mặc định",
                        "this computer has no default printer", null);
            }
            return def;
        }
        for (PrintService s : PrintServiceLookup.lookupPrintServices(null, null)) {
            if (s.getName().equalsIgnoreCase(printerName.strip())) {
                return s;
            }
        }
        throw new SlipPrintException("Không tìm thấy máy in \"" + printerName + "\"",
                "no printer named \"" + printerName + "\"", null);
    }
}
