package vn.hanoi.branch.calendar;

/**
 * The two sky positions the lunisolar calendar needs: when the moon is new, and where the sun is on
 * the ecliptic. Both are the short series from Jean Meeus' books (new moons counted from the one of
 * January 1900, the sun's true longitude without nutation), the same ones the published algorithm
 * for the Vietnamese calendar uses, so that our months agree with the printed calendars day for day
 * where a new moon falls close to midnight. More precise series would move such a month by a day
 * and disagree with every almanac in the country.
 *
 * <p>Times are Julian dates in Universal Time, fractional.
 */
final class Astronomy {
    /** Julian date of the mean new moon that lunation 0 is counted from (January 1900). */
    static final double LUNATION_EPOCH = 2415021.076998695;
    /** Mean length of a lunation in days. */
    static final double SYNODIC_MONTH = 29.530588853;
    private static final double J2000 = 2451545.0;

    private Astronomy() {
    }

    /** The instant of new moon number {@code k}, counted from the one of January 1900. */
    static double newMoon(int k) {
        double t = k / 1236.85;      // Julian centuries from 1900, in lunations
        double t2 = t * t;
        double t3 = t2 * t;
        double mean = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
                + 0.00033 * sinDeg(166.56 + 132.87 * t - 0.009173 * t2);
        double sunAnomaly = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
        double moonAnomaly = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
        double moonLatitude = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
        double m = sunAnomaly;
        double mp = moonAnomaly;
        double f = moonLatitude;
        double correction = (0.1734 - 0.000393 * t) * sinDeg(m)
                + 0.0021 * sinDeg(2 * m)
                - 0.4068 * sinDeg(mp)
                + 0.0161 * sinDeg(2 * mp)
                - 0.0004 * sinDeg(3 * mp)
                + 0.0104 * sinDeg(2 * f)
                - 0.0051 * sinDeg(m + mp)
                - 0.0074 * sinDeg(m - mp)
                + 0.0004 * sinDeg(2 * f + m)
                - 0.0004 * sinDeg(2 * f - m)
                - 0.0006 * sinDeg(2 * f + mp)
                + 0.0010 * sinDeg(2 * f - mp)
                + 0.0005 * sinDeg(2 * mp + m);
        // The series gives dynamical time; civil days need Universal Time.
        double deltaT = t < -11
                ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
                : -0.000278 + 0.000265 * t + 0.000262 * t2;
        return mean + correction - deltaT;
    }

    /**
     * The sun's true ecliptic longitude at {@code julianDate} (no nutation, no aberration), in
     * degrees in [0, 360).
     */
    static double sunLongitude(double julianDate) {
        double t = (julianDate - J2000) / 36525;
        double t2 = t * t;
        double anomaly = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
        double meanLongitude = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
        double centre = (1.914600 - 0.004817 * t - 0.000014 * t2) * sinDeg(anomaly)
                + (0.019993 - 0.000101 * t) * sinDeg(2 * anomaly)
                + 0.000290 * sinDeg(3 * anomaly);
        double longitude = (meanLongitude + centre) % 360;
        return longitude < 0 ? longitude + 360 : longitude;
    }

    private static double sinDeg(double degrees) {
        return Math.sin(Math.toRadians(degrees));
    }
}
