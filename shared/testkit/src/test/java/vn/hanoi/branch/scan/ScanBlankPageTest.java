package vn.hanoi.branch.scan;

import vn.hanoi.branch.testkit.scan.SimulatedPages;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Blank-page removal on a labelled set: blank sheets (clean, with dust and a dark scanner edge, with
 * print showing through from the back) are removed; a page with one short line and full pages are kept.
 * Each kind at three skews and two seeds, grey and colour.
 */
class ScanBlankPageTest {
    private static final int DPI = 150;

    record Labelled(SimulatedPages.Kind kind, boolean blank) {
    }

    private static final List<Labelled> SET = List.of(
            new Labelled(SimulatedPages.Kind.BLANK, true),
            new Labelled(SimulatedPages.Kind.BLANK_NOISY, true),
            new Labelled(SimulatedPages.Kind.BLEED_THROUGH, true),
            new Labelled(SimulatedPages.Kind.ONE_LINE, false),
            new Labelled(SimulatedPages.Kind.TEXT, false));

    @Test
    void blankPagesAreRemovedAndEveryPageWithInkIsKept() {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Labelled l : SET) {
            for (ScanSettings.ColorMode mode : List.of(ScanSettings.ColorMode.GRAY, ScanSettings.ColorMode.COLOR)) {
                for (double skew : new double[] {-2.0, 0.0, 1.5}) {
                    for (long seed : new long[] {1, 2}) {
                        var page = SimulatedPages.render(l.kind(), DPI, mode, skew, seed);
                        boolean blank = PageCleanup.clean(page, DPI).blank();
                        checked++;
                        if (blank != l.blank()) {
                            wrong.add(l.kind() + " " + mode + " skew " + skew + " seed " + seed + " ink "
                                    + BlankPageDetector.inkPixels(AutoCrop.crop(page, DPI), DPI));
                        }
                    }
                }
            }
        }
        assertThat(checked).isEqualTo(60);
        assertThat(wrong).isEmpty();
    }

    private static int ink(SimulatedPages.Kind kind) {
        return BlankPageDetector.inkPixels(AutoCrop.crop(SimulatedPages.render(kind, DPI, ScanSettings.ColorMode.GRAY, 1.0, 3),
                DPI), DPI);
    }

    @Test
    void theMarginOfSafetyIsWide() {
        // The threshold sits far from both sides: a blank sheet with dust has almost no connected ink,
        // the shortest real content has many times the threshold.
        int noisy = ink(SimulatedPages.Kind.BLANK_NOISY);
        int bleed = ink(SimulatedPages.Kind.BLEED_THROUGH);
        int oneLine = ink(SimulatedPages.Kind.ONE_LINE);
        assertThat(Math.max(noisy, bleed)).isLessThan(BlankPageDetector.MIN_INK_PIXELS / 3);
        assertThat(oneLine).isGreaterThan(BlankPageDetector.MIN_INK_PIXELS * 3);
    }
}
