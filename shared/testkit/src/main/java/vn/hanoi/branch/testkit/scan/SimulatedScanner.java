package vn.hanoi.branch.testkit.scan;

import vn.hanoi.branch.scan.SaneMessages;
import vn.hanoi.branch.scan.ScanException;
import vn.hanoi.branch.scan.ScanSettings;
import vn.hanoi.branch.scan.ScanSource;

import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;

/**
 * The scanner of the demo and the tests, behind the same interface as a real one: a feeder batch of
 * {@link SimulatedPages} in a fixed order of kinds, each sheet turned by a seeded random angle within
 * ±{@code maxSkew}°. A flatbed scan gives one page. {@link #jamAfter} makes the feeder jam after that
 * many pages, as a real one does, so error handling can be tried.
 */
public final class SimulatedScanner implements ScanSource {
    private final List<SimulatedPages.Kind> batch;
    private final double maxSkew;
    private final Random rnd;
    private final long delayMillis;
    private int jamAfter = -1;

    /**
     * @param batch       the sheets in the feeder, front sides (and back sides, for duplex, after each)
     * @param delayMillis time per sheet, to see progress in the demo (0 in tests)
     */
    public SimulatedScanner(List<SimulatedPages.Kind> batch, double maxSkew, long seed, long delayMillis) {
        this.batch = List.copyOf(batch);
        this.maxSkew = maxSkew;
        this.rnd = new Random(seed);
        this.delayMillis = delayMillis;
    }

    /** The demo's feeder: a two-page form with a blank back, a stamped page, a one-line receipt. */
    public static SimulatedScanner demo() {
        return new SimulatedScanner(List.of(SimulatedPages.Kind.TEXT, SimulatedPages.Kind.BLANK,
                SimulatedPages.Kind.TEXT, SimulatedPages.Kind.BLEED_THROUGH, SimulatedPages.Kind.ONE_LINE), 2.5,
                20250605L, 150);
    }

    public SimulatedScanner jamAfter(int pages) {
        this.jamAfter = pages;
        return this;
    }

    @Override
    public String name() {
        return "Máy quét mô phỏng / Simulated scanner";
    }

    @Override
    public int scan(ScanSettings settings, PageSink sink, BooleanSupplier cancelled) throws ScanException {
        int count = settings.source() == ScanSettings.Source.FLATBED ? 1 : batch.size();
        int done = 0;
        for (int i = 0; i < count && !cancelled.getAsBoolean(); i++) {
            if (done == jamAfter) {
                throw SaneMessages.jammed();
            }
            double skew = (rnd.nextDouble() * 2 - 1) * maxSkew;
            long seed = rnd.nextLong();
            try {
                if (delayMillis > 0) {
                    Thread.sleep(delayMillis);
                }
                sink.page(SimulatedPages.render(batch.get(i), settings.dpi(), settings.mode(), skew, seed));
            } catch (java.io.IOException e) {
                throw new ScanException("spool_failed", "Không lưu được trang vừa quét: " + e.getMessage(),
                        "The scanned page could not be saved: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            done++;
        }
        return done;
    }
}
