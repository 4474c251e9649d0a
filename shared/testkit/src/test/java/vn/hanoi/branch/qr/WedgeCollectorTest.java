package vn.hanoi.branch.qr;

import vn.hanoi.branch.code.BookingQr;

import org.junit.jupiter.api.Test;
import vn.hanoi.branch.card.CardException;
import vn.hanoi.branch.card.CardException.Reason;
import vn.hanoi.branch.qr.WedgeCollector.Code;
import vn.hanoi.branch.qr.WedgeCollector.Dropped;
import vn.hanoi.branch.qr.WedgeCollector.Event;
import vn.hanoi.branch.qr.WedgeCollector.Source;
import vn.hanoi.branch.i18n.I18n;
import vn.hanoi.branch.testkit.card.FakeCitizens;

import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WedgeCollectorTest {
    private long nowMs;
    private final List<Event> events = new ArrayList<>();
    private final WedgeCollector wedge = new WedgeCollector(WedgeCollector.Settings.defaults(),
            () -> nowMs * 1_000_000L, events::add);

    /** Types each character (and a final Enter when the text ends with \r) with the given gap before it. */
    private void type(String text, long gapMs) {
        text.codePoints().forEach(cp -> {
            nowMs += gapMs;
            wedge.typed(Character.toString(cp));
        });
    }

    @Test
    void aScannerBurstIsAScan() {
        type(FakeCitizens.NGOC.format() + "\r", 4);
        assertThat(events).containsExactly(new Code(FakeCitizens.NGOC.format(), Source.SCANNER));
        assertThat(wedge.hasPartialInput()).isFalse();
    }

    @Test
    void aPersonTypingIsHuman() {
        type("k7m9qx2a\r", 180);
        assertThat(events).containsExactly(new Code("k7m9qx2a", Source.HUMAN));
        assertThat(ScannedCodes.parse(((Code) events.getFirst()).text())).isEqualTo(new ScannedCode.Ours(new BookingQr("K7M9QX2A")));
    }

    @Test
    void theThresholdIsConfigurable() {
        List<Event> slow = new ArrayList<>();
        WedgeCollector lenient = new WedgeCollector(new WedgeCollector.Settings(Duration.ofMillis(120), 4,
                Duration.ofMillis(400), Duration.ofSeconds(3), 100), () -> nowMs * 1_000_000L, slow::add);
        for (char c : "K7M9QX2A\r".toCharArray()) {
            nowMs += 80; // a slow Bluetooth scanner
            lenient.typed(String.valueOf(c));
        }
        assertThat(slow).containsExactly(new Code("K7M9QX2A", Source.SCANNER));
        type("K7M9QX2A\r", 80);
        assertThat(events).containsExactly(new Code("K7M9QX2A", Source.HUMAN));
    }

    @Test
    void anOccasionalDelayedKeyDoesNotMakeAScanHuman() {
        type("HN01-26", 5);
        type("1", 120);
        type("123-0042\r", 5);
        assertThat(events).containsExactly(new Code("HN01-261123-0042", Source.SCANNER));
    }

    @Test
    void strayKeysBeforeAScanAreCutOff() {
        type("ab", 200);
        nowMs += 700;
        type("K7M9QX2A\r", 3);
        assertThat(events).containsExactly(new Dropped(DropReason.INCOMPLETE, 2), new Code("K7M9QX2A", Source.SCANNER));
    }

    @Test
    void partialInputTimesOut() {
        type("001190012345|Trần", 4); // scan without its Enter
        nowMs += 200;
        wedge.tick();
        assertThat(events).isEmpty();
        nowMs += 150;
        wedge.tick();
        assertThat(events).containsExactly(new Dropped(DropReason.INCOMPLETE, 17));

        events.clear();
        type("K7M", 500); // a person who walked away
        nowMs += 2900;
        wedge.tick();
        assertThat(events).isEmpty();
        nowMs += 200;
        wedge.tick();
        assertThat(events).containsExactly(new Dropped(DropReason.INCOMPLETE, 3));
        assertThat(wedge.hasPartialInput()).isFalse();
    }

    @Test
    void aTimedOutScanIsNotGluedToTheNext() {
        type("https://tracuu.hcc", 3);
        nowMs += 1000;
        type("K7M9QX2A\r", 3);
        assertThat(events).containsExactly(new Dropped(DropReason.INCOMPLETE, 18), new Code("K7M9QX2A", Source.SCANNER));
    }

    @Test
    void decomposedInputIsNormalisedAndCrLfGivesOneCode() {
        String nfd = Normalizer.normalize(FakeCitizens.DUC.format(), Normalizer.Form.NFD);
        type(nfd + "\r\n", 2);
        assertThat(events).containsExactly(new Code(FakeCitizens.DUC.format(), Source.SCANNER));
    }

    @Test
    void backspaceAndOverlongInput() {
        type("K7M9QX2B\bA\r", 150);
        assertThat(events).containsExactly(new Code("K7M9QX2A", Source.HUMAN));
        events.clear();
        type("A".repeat(1100) + "\r", 1);
        assertThat(events).containsExactly(new Dropped(DropReason.OVERLONG, 1100));
    }

    @Test
    void aCodeShowsNoContentInLogs() {
        type(FakeCitizens.NGOC.format() + "\r", 2);
        assertThat(events.getFirst().toString()).doesNotContain("001190012345").doesNotContain("Ngọc");
    }

    @Test
    void aMangledVietnameseScanIsDamagedAndStaffGetAHint() {
        // What a wedge scanner with a US layout makes of "Trần Thị Bích Ngọc" and "Nữ": the letters go missing or change.
        String mangled = "001190012345||Tr7n Th! B'ch Ng[c|15031990|N~|S6 12 ng9 34 ph6 H2ng B4ng|10082021";
        type(mangled + "\r", 3);
        String code = ((Code) events.getFirst()).text();
        assertThatThrownBy(() -> ScannedCodes.parse(code))
                .isInstanceOfSatisfying(CardException.class, e -> assertThat(e.reason()).isEqualTo(Reason.QR_DAMAGED));
        assertThat(WedgeCollector.mangledHint(I18n.VI)).contains("chế độ bàn phím", "USB-CDC");
        assertThat(WedgeCollector.mangledHint(I18n.EN)).contains("keyboard mode", "USB-CDC");
    }
}
