package vn.hanoi.branch.slip;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Only what works without a printer: listing and the errors. Sending is checked by hand (README). */
class SlipPrintingTest {

    @Test
    void listingPrintersNeverFails() {
        assertThat(SlipPrinting.printers()).doesNotContainNull();
    }

    @Test
    void anUnknownPrinterIsAnErrorInBothLanguages() {
        assertThatThrownBy(() -> SlipPrinting.print(new byte[] {1}, "no such printer 4711", "HN-CN01-250512-0042", 1,
                SlipPdf.Paper.A5))
                .isInstanceOfSatisfying(SlipPrinting.SlipPrintException.class, e -> {
                    assertThat(e.messageVi()).isEqualTo("Không tìm thấy máy in \"no such printer 4711\"");
                    assertThat(e.messageEn()).isEqualTo("no printer named \"no such printer 4711\"");
                });
    }
}
