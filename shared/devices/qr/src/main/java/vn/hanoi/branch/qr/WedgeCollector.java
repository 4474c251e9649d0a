package vn.hanoi.branch.qr;

import vn.hanoi.branch.i18n.I18n;

import java.text.Normalizer;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Collects the key presses of a scanner in keyboard-wedge (HID) mode into codes. The UI passes every
 * typed character ({@link #typed}) and calls {@link #tick} from a timer; codes come out on Enter.
 * <p>
 * A scanner "types" a whole code in a burst, keys a few milliseconds apart, then Enter; a person
 * types ten times slower. The gaps tell them apart, so the kiosk can, for example, accept only
 * scanner input on a screen without a text field, and cut off keys someone pressed just before
 * scanning. Wedge scanners map each byte to a key of the configured keyboard layout, which turns
 * Vietnamese letters into wrong characters: ID card codes read this way often fail with
 * {@code QR_DAMAGED}; show {@link #mangledHint} to staff then.
 * <p>
 * Pure logic, not thread-safe: call it from the UI thread only. Time comes from the injected clock.
 */
public final class WedgeCollector {

    public enum Source { SCANNER, HUMAN }

    public sealed interface Event permits Code, Dropped {
    }

    /** A finished code, NFC-normalised. May be a citizen's ID card data: do not log it. */
    public record Code(String text, Source source) implements Event {
        @Override
        public String toString() {
            return "Code[" + source + ", " + text.length() + " characters]";
        }
    }

    public record Dropped(DropReason reason, int characters) implements Event {
    }

    /**
     * @param maxKeyGap     keys closer than this are machine-typed (scanners: 1-20 ms, people: 100 ms and more)
     * @param minScanLength shorter input is never taken for a scan (a person can hit two keys at once)
     * @param pause         a gap this long inside input separates stray keys from a scan that follows, and
     *                      ends a scan that lost its Enter
     * @param humanTimeout  typed input with no key for this long is dropped
     * @param maxLength     longest code accepted
     */
    public record Settings(Duration maxKeyGap, int minScanLength, Duration pause, Duration humanTimeout, int maxLength) {
        public Settings {
            Objects.requireNonNull(maxKeyGap);
            Objects.requireNonNull(pause);
            Objects.requireNonNull(humanTimeout);
            if (minScanLength < 1 || maxLength < minScanLength || pause.compareTo(maxKeyGap) <= 0
                    || humanTimeout.compareTo(pause) < 0) {
                throw new IllegalArgumentException("need 1 <= minScanLength <= maxLength and maxKeyGap < pause <= humanTimeout");
            }
        }

        public static Settings defaults() {
            return new Settings(Duration.ofMillis(50), 4, Duration.ofMillis(300), Duration.ofSeconds(3), 1024);
        }
    }

    /** Share of gaps that must be fast: a busy USB host or UI thread delays a key now and then. */
    private static final double BURST_SHARE = 0.8;

    private final Settings settings;
    private final LongSupplier nanoClock;
    private final Consumer<Event> sink;
    private final StringBuilder text = new StringBuilder();
    /** gaps[i]: nanoseconds between key i-1 and key i (gaps[0] unused). Parallel to the chars of {@link #text}. */
    private long[] gaps = new long[64];
    private int overflow;
    private long lastKey;

    public WedgeCollector(Settings settings, LongSupplier nanoClock, Consumer<Event> sink) {
        this.settings = Objects.requireNonNull(settings);
        this.nanoClock = Objects.requireNonNull(nanoClock);
        this.sink = Objects.requireNonNull(sink);
    }

    public WedgeCollector(Consumer<Event> sink) {
        this(Settings.defaults(), System::nanoTime, sink);
    }

    /** What a key event typed (JavaFX {@code KeyEvent.getCharacter()}); CR or LF is Enter. */
    public void typed(String chars) {
        chars.codePoints().forEach(this::key);
    }

    /** Drops input that stopped without Enter; call every 100-200 ms. */
    public void tick() {
        expire(nanoClock.getAsLong());
    }

    public boolean hasPartialInput() {
        return !text.isEmpty() || overflow > 0;
    }

    /** For staff when an ID card code read in keyboard mode fails: how to fix the scanner. */
    public static String mangledHint(Locale language) {
        return I18n.text("card", language, "card.hint.WEDGE_MANGLES_VIETNAMESE");
    }

    private void key(int cp) {
        long now = nanoClock.getAsLong();
        expire(now);
        if (cp == '\r' || cp == '\n') {
            enter(now);
            return;
        }
        if (cp == '\b') {
            // People correct typos; scanners never send backspace.
            if (overflow == 0 && !text.isEmpty()) {
                text.setLength(text.offsetByCodePoints(text.length(), -1));
            }
            lastKey = now;
            return;
        }
        if (Character.isISOControl(cp) && cp != '\t') {
            return; // modifier keys and function keys some UIs report as control characters
        }
        int cps = text.codePointCount(0, text.length());
        if (overflow > 0 || cps >= settings.maxLength()) {
            overflow = Math.max(overflow, cps) + 1;
        } else {
            if (cps >= gaps.length) {
                gaps = Arrays.copyOf(gaps, gaps.length * 2);
            }
            gaps[cps] = text.isEmpty() ? 0 : now - lastKey;
            text.appendCodePoint(cp);
        }
        lastKey = now;
    }

    private void enter(long now) {
        if (overflow > 0) {
            int n = overflow;
            reset();
            sink.accept(new Dropped(DropReason.OVERLONG, n));
            return;
        }
        if (text.isEmpty()) {
            return;
        }
        int[] cps = text.codePoints().toArray();
        long enterGap = now - lastKey;
        int start = lastPause(cps.length);
        Source source = isBurst(start, cps.length, enterGap) ? Source.SCANNER : Source.HUMAN;
        if (source == Source.SCANNER && start > 0) {
            sink.accept(new Dropped(DropReason.INCOMPLETE, start));
        } else {
            start = 0;
        }
        String code = new String(cps, start, cps.length - start);
        reset();
        sink.accept(new Code(Normalizer.normalize(code, Normalizer.Form.NFC), source));
    }

    /** Index of the first key after the last pause, or 0. */
    private int lastPause(int n) {
        long pause = settings.pause().toNanos();
        for (int i = n - 1; i >= 1; i--) {
            if (gaps[i] >= pause) {
                return i;
            }
        }
        return 0;
    }

    /** Keys from..n-1 then Enter were typed by a machine. */
    private boolean isBurst(int from, int n, long enterGap) {
        if (n - from < settings.minScanLength()) {
            return false;
        }
        long max = settings.maxKeyGap().toNanos();
        int fast = enterGap < max ? 1 : 0;
        for (int i = from + 1; i < n; i++) {
            if (gaps[i] < max) {
                fast++;
            }
        }
        int all = n - from; // the gaps between the keys, plus the one before Enter
        return fast >= Math.ceil(BURST_SHARE * all);
    }

    private void expire(long now) {
        if (!hasPartialInput()) {
            return;
        }
        long idle = now - lastKey;
        int n = text.codePointCount(0, text.length());
        boolean scanWithoutEnter = overflow == 0 && idle >= settings.pause().toNanos() && isBurst(lastPause(n), n, 0);
        if (scanWithoutEnter || idle >= settings.humanTimeout().toNanos()) {
            int dropped = overflow > 0 ? overflow : n;
            reset();
            sink.accept(new Dropped(DropReason.INCOMPLETE, dropped));
        }
    }

    private void reset() {
        text.setLength(0);
        overflow = 0;
    }
}
