package vn.hanoi.branch.certify;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.util.Matrix;

import java.io.IOException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The certification line printed at the foot of every page of a certified copy, so that a printout
 * of the electronic copy still says what it is. It is drawn over the original content (which stays
 * untouched in the file's first revision) at the visual bottom of the page, whatever the page's
 * rotation.
 */
final class CopyStamp {
    static final String HEADING = "BẢN SAO ĐIỆN TỬ CHỨNG THỰC TỪ BẢN CHÍNH";
    static final String SEPARATOR = " – ";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final float SIZE = 8f;
    private static final float MIN_SIZE = 5f;
    private static final float MARGIN = 20f;
    private static final float BASELINE = 14f;

    private CopyStamp() {
    }

    /**
     * The stamp's text, NFC-normalised: a decomposed input (base letter plus combining marks) would
     * otherwise be drawn with separate mark glyphs and extracted as something else than was typed.
     */
    static String text(String branchName, LocalDate date, String dossierCode) {
        return Normalizer.normalize(HEADING + SEPARATOR + branchName.strip() + SEPARATOR + DATE.format(date)
                + SEPARATOR + "mã hồ sơ " + dossierCode.strip(), Normalizer.Form.NFC);
    }

    static void apply(PDDocument doc, PDFont font, String text) throws IOException {
        for (PDPage page : doc.getPages()) {
            apply(doc, page, font, text);
        }
    }

    private static void apply(PDDocument doc, PDPage page, PDFont font, String text) throws IOException {
        PDRectangle box = page.getCropBox();
        int rotation = Math.floorMod(page.getRotation(), 360);
        boolean sideways = rotation == 90 || rotation == 270;
        float width = sideways ? box.getHeight() : box.getWidth();
        float room = width - 2 * MARGIN;

        float size = SIZE;
        float textWidth = font.getStringWidth(text) / 1000f * size;
        if (textWidth > room) {
            size = Math.max(MIN_SIZE, size * room / textWidth);
        }
        List<String> lines = wrap(text, font, size, room);

        // resetContext: the original's content is wrapped in q/Q, so its leftover state (a clip, a
        // transformation) cannot move or hide the stamp.
        try (PDPageContentStream cs = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
            cs.transform(Matrix.getTranslateInstance(box.getLowerLeftX(), box.getLowerLeftY()));
            cs.transform(toVisual(rotation, box));
            cs.setNonStrokingColor(0.55f, 0f, 0f);
            float leading = size * 1.25f;
            for (int i = 0; i < lines.size(); i++) {
                cs.beginText();
                cs.setFont(font, size);
                cs.newLineAtOffset(MARGIN, BASELINE + (lines.size() - 1 - i) * leading);
                cs.showText(lines.get(i));
                cs.endText();
            }
        }
    }

    /** Maps the page as seen (its visual bottom-left at the origin) to the crop box's user space. */
    private static Matrix toVisual(int rotation, PDRectangle box) {
        float w = box.getWidth();
        float h = box.getHeight();
        return switch (rotation) {
            case 90 -> new Matrix(0, 1, -1, 0, w, 0);
            case 180 -> new Matrix(-1, 0, 0, -1, w, h);
            case 270 -> new Matrix(0, -1, 1, 0, 0, h);
            default -> new Matrix();
        };
    }

    /** Splits at the separators when even the smallest size does not fit on one line (a long branch name). */
    private static List<String> wrap(String text, PDFont font, float size, float room) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String part : text.split(SEPARATOR)) {
            String candidate = line.isEmpty() ? part : line + SEPARATOR + part;
            if (!line.isEmpty() && font.getStringWidth(candidate) / 1000f * size > room) {
                lines.add(line.toString());
                line.setLength(0);
                line.append(part);
            } else {
                line.setLength(0);
                line.append(candidate);
            }
        }
        lines.add(line.toString());
        return lines;
    }
}
