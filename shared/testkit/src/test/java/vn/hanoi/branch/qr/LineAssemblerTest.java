package vn.hanoi.branch.qr;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class LineAssemblerTest {
    private static final long MS = 1_000_000L;
    private final ScanEvents events = new ScanEvents();
    private final LineAssembler lines = new LineAssembler(64, 500 * MS, events);

    private void feed(byte[] b, long atMs) {
        lines.feed(b, b.length, atMs * MS);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aLetterSplitBetweenReadsIsWhole() throws Exception {
        byte[] b = utf8("Ngọc\r");
        int cut = 3; // inside the three bytes of "ọ"
        lines.feed(b, cut, 0);
        byte[] rest = Arrays.copyOfRange(b, cut, b.length);
        feed(rest, 1);
        assertThat(events.next()).isEqualTo(new ScanEvents.Code("Ngọc"));
    }

    @Test
    void decomposedInputIsDeliveredComposed() throws Exception {
        feed(utf8(Normalizer.normalize("Nữ", Normalizer.Form.NFD) + "\n"), 0);
        assertThat(events.next()).isEqualTo(new ScanEvents.Code("Nữ"));
    }

    @Test
    void brokenUtf8AndControlCharactersAreNotText() throws Exception {
        feed(new byte[] {'A', (byte) 0xC3, 'B', '\r'}, 0);
        feed(new byte[] {0x02, 'A', 'B', 0x03, '\r', '\n'}, 1);
        assertThat(events.next()).isEqualTo(new ScanEvents.Dropped(DropReason.NOT_TEXT, 3));
        assertThat(events.next()).isEqualTo(new ScanEvents.Dropped(DropReason.NOT_TEXT, 4));
        assertThat(events.isEmpty()).isTrue();
    }

    @Test
    void anOverlongLineIsDroppedOnceAndTheNextCodeIsFine() throws Exception {
        feed(utf8("X".repeat(100) + "\r\nK7M9QX2A\r\n"), 0);
        assertThat(events.next()).isEqualTo(new ScanEvents.Dropped(DropReason.OVERLONG, 100));
        assertThat(events.next()).isEqualTo(new ScanEvents.Code("K7M9QX2A"));
        assertThat(events.isEmpty()).isTrue();
    }

    @Test
    void aHalfLineIsDroppedAfterSilenceAndNotGluedToTheNextScan() throws Exception {
        feed(utf8("001190012345|"), 0);
        lines.idle(400 * MS);
        assertThat(events.isEmpty()).isTrue();
        lines.idle(501 * MS);
        assertThat(events.next()).isEqualTo(new ScanEvents.Dropped(DropReason.INCOMPLETE, 13));
        feed(utf8("K7M9QX2A\r"), 600);
        assertThat(events.next()).isEqualTo(new ScanEvents.Code("K7M9QX2A"));
    }

    @Test
    void abandonReportsOnlyWhatWasPending() throws Exception {
        lines.abandon();
        assertThat(events.isEmpty()).isTrue();
        feed(utf8("ABC"), 0);
        lines.abandon();
        assertThat(events.next()).isEqualTo(new ScanEvents.Dropped(DropReason.INCOMPLETE, 3));
    }
}
