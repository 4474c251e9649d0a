package vn.hanoi.branch.scan;

import java.awt.image.BufferedImage;

/**
 * What happens to every scanned page before the clerk sees it: the feeder background cut away, the
 * sheet turned straight, cut again (the turn moves the edges), and the blank check (first: a blank sheet is not turned); last the paper is made white. The original stays
 * in the spool, so the clerk can undo the clean-up of a page.
 */
public final class PageCleanup {
    private PageCleanup() {
    }

    /** @param skewDegrees the skew found and undone; {@code blank} when blank-page removal would drop it */
    public record Cleaned(BufferedImage image, double skewDegrees, boolean blank) {
    }

    public static Cleaned clean(BufferedImage raw, int dpi) {
        BufferedImage cropped = AutoCrop.crop(raw, dpi);
        if (BlankPageDetector.isBlank(cropped, dpi)) {
            // No lines to measure a skew by: specks or show-through would give a random angle.
            return new Cleaned(cropped, 0, true);
        }
        double skew = Deskew.angle(cropped, dpi);
        BufferedImage straight = Deskew.straighten(cropped, skew);
        BufferedImage page = straight == cropped ? cropped : AutoCrop.crop(straight, dpi);
        return new Cleaned(Images.whitenPaper(page, dpi), skew, false);
    }
}
