package vn.hanoi.branch.scan;

import vn.hanoi.branch.testkit.scan.SimulatedPages;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.awt.image.BufferedImage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** A page scanned turned by a known angle is found within 0.5° and comes out straight. */
class ScanDeskewTest {
    private static final int DPI = 200;

    @ParameterizedTest
    @ValueSource(doubles = {-3.0, -1.7, -0.4, 0.0, 0.8, 2.2, 3.0})
    void theSkewOfATextPageIsFoundWithinHalfADegree(double skew) {
        BufferedImage page = SimulatedPages.render(SimulatedPages.Kind.TEXT, DPI, ScanSettings.ColorMode.GRAY, skew,
                Double.doubleToLongBits(skew));
        double found = Deskew.angle(AutoCrop.crop(page, DPI), DPI);
        assertThat(found).isCloseTo(skew, within(0.5));

        PageCleanup.Cleaned cleaned = PageCleanup.clean(page, DPI);
        assertThat(cleaned.skewDegrees()).isCloseTo(skew, within(0.5));
        // Straightened: measuring the result again finds it level.
        assertThat(Deskew.angle(cleaned.image(), DPI)).isCloseTo(0.0, within(0.5));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-2.5, 1.9})
    void aColourPageAt300DpiToo(double skew) {
        BufferedImage page = SimulatedPages.render(SimulatedPages.Kind.TEXT, 300, ScanSettings.ColorMode.COLOR, skew, 7);
        PageCleanup.Cleaned cleaned = PageCleanup.clean(page, 300);
        assertThat(cleaned.skewDegrees()).isCloseTo(skew, within(0.5));
        assertThat(cleaned.blank()).isFalse();
        // The dark feeder background around the sheet is cut away: the corners are paper now.
        int corner = cleaned.image().getRGB(2, 2) & 0xff;
        assertThat(corner).isGreaterThan(150);
    }
}
