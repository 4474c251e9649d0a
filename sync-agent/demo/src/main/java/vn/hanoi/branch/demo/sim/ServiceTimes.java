package vn.hanoi.branch.demo.sim;

import java.util.Map;
import java.util.Random;

/**
 * How long a citizen stays at the counter (serving to done), per service: lognormal, as service
 * times at desks usually are (most visits short, a long tail of complicated dossiers). The means are
 * assumptions for the demo branch's services, not measurements: certification (CTH) is quick, land
 * and business registration dossiers take longest.
 */
public final class ServiceTimes {
    /** Spread of the underlying normal: a coefficient of variation of about 0.66. */
    static final double SIGMA = 0.6;

    private static final Map<String, Double> MEAN_MINUTES = Map.of(
            "HT", 6.0, "CT", 5.0, "DD", 12.0, "KD", 15.0, "CTH", 3.0);

    private ServiceTimes() {
    }

    public static double meanMinutes(String serviceCode) {
        Double m = MEAN_MINUTES.get(serviceCode);
        if (m == null) {
            throw new IllegalArgumentException("no service time for " + serviceCode);
        }
        return m;
    }

    /**
     * One visit in seconds. Clipped to 30 s .. 5 × mean, because a desk visit is never instant and a
     * clerk hands an endless case on rather than block the counter for hours.
     */
    public static long sampleSeconds(String serviceCode, Random random) {
        double mean = meanMinutes(serviceCode);
        double mu = Math.log(mean) - SIGMA * SIGMA / 2; // so that E[X] = mean
        double minutes = Math.exp(mu + SIGMA * random.nextGaussian());
        minutes = Math.max(0.5, Math.min(minutes, 5 * mean));
        return Math.round(minutes * 60);
    }
}
