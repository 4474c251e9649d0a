package vn.hanoi.branch.card;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The chip's date of expiry, guessed from what the QR gives (date of birth, issue date), because the
 * QR has none and BAC needs it. Each wrong guess costs a BAC round trip, so the guesses come ordered
 * by likelihood, as {@code yyMMdd} strings the way the MRZ holds them.
 *
 * <p>The law: a card is changed at the 25th, 40th and 60th birthday; cards issued from 1 July 2024
 * (Law on Identification 2023) also at the 14th. A card issued within 2 years before a milestone is
 * valid until the next one; one issued at 58 or later has no expiry, and the chip then holds a
 * placeholder.
 *
 * <p>Order of the guesses:
 * <ol>
 *   <li>the rule applied at the printed issue date;</li>
 *   <li>the rule applied up to {@link #PROCESSING_DAYS} days earlier: the 2-year window and the
 *       2024 law are judged at application, which comes a few weeks before the issue date, so near
 *       either edge the other answer is likely;</li>
 *   <li>for people born on 29 February, 1 March instead of 28 February in a common year;</li>
 *   <li>where a guess is "none", the first no-expiry placeholder, and after the dated guesses the
 *       others, in {@link #DEFAULT_NO_EXPIRY} order;</li>
 *   <li>last, the neighbouring milestones of the first guess (a clerk's mistake, a late renewal).</li>
 * </ol>
 * Which placeholder real CCCD chips carry is not documented: {@code 991231} is the usual
 * "no expiry" value in national ID MRZs and is tried first, then ICAO's all-filler {@code <<<<<<}
 * (e.g. Moldova) and {@code 000000}. A branch that learns otherwise passes its own order to
 * {@link #ExpiryCandidates(List)}.
 */
public final class ExpiryCandidates {
    /** The day cards started to expire at 14 too. */
    public static final LocalDate LAW_2023_IN_FORCE = LocalDate.of(2024, 7, 1);
    /** How long before the printed issue date the application may have been judged. */
    public static final int PROCESSING_DAYS = 45;
    public static final List<String> DEFAULT_NO_EXPIRY = List.of("991231", "<<<<<<", "000000");
    private static final int[] MILESTONES = {14, 25, 40, 60};
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
    private static final ExpiryCandidates DEFAULT = new ExpiryCandidates(DEFAULT_NO_EXPIRY);

    private final List<String> noExpiry;

    public ExpiryCandidates(List<String> noExpiryPlaceholders) {
        if (noExpiryPlaceholders.isEmpty()) {
            throw new IllegalArgumentException("at least one no-expiry placeholder");
        }
        this.noExpiry = List.copyOf(noExpiryPlaceholders);
    }

    public static ExpiryCandidates defaults() {
        return DEFAULT;
    }

    /** The MRZ expiry values to try, most likely first, without duplicates. */
    public List<String> candidates(LocalDate dateOfBirth, LocalDate issueDate) {
        Set<String> out = new LinkedHashSet<>();
        LocalDate applied = issueDate.minusDays(PROCESSING_DAYS);
        Optional<LocalDate> first = expiryByLaw(dateOfBirth, issueDate, issueDate);
        List<Optional<LocalDate>> guesses = new ArrayList<>();
        guesses.add(first);
        // The application date is somewhere in [issue - PROCESSING_DAYS, issue]; the answer only
        // changes at an edge, so the two ends and the 2024 law's start cover every case.
        guesses.add(expiryByLaw(dateOfBirth, applied, issueDate));
        if (applied.isBefore(LAW_2023_IN_FORCE) && !issueDate.isBefore(LAW_2023_IN_FORCE)) {
            guesses.add(expiryByLaw(dateOfBirth, LAW_2023_IN_FORCE.minusDays(1), issueDate));
        }
        boolean none = false;
        for (Optional<LocalDate> g : guesses) {
            if (g.isEmpty()) {
                none = true;
                out.add(noExpiry.getFirst());
                continue;
            }
            out.add(format(g.get()));
            if (MonthDay.from(dateOfBirth).equals(MonthDay.of(2, 29)) && !g.get().isLeapYear()) {
                out.add(format(g.get().plusDays(1)));
            }
        }
        if (none) {
            out.addAll(noExpiry);
        }
        first.ifPresent(f -> neighbours(dateOfBirth, f).forEach(d -> out.add(format(d))));
        if (first.isPresent() && !none && isLastMilestone(dateOfBirth, first.get())) {
            out.addAll(noExpiry);
        }
        return List.copyOf(out);
    }

    /**
     * What the law gives for a card applied for on {@code judgedAt} and issued on {@code issuedAt};
     * empty when the card never expires.
     */
    public static Optional<LocalDate> expiryByLaw(LocalDate dateOfBirth, LocalDate judgedAt, LocalDate issuedAt) {
        boolean law2023 = !judgedAt.isBefore(LAW_2023_IN_FORCE);
        for (int i = 0; i < MILESTONES.length; i++) {
            if (MILESTONES[i] == 14 && !law2023) {
                continue;
            }
            LocalDate birthday = dateOfBirth.plusYears(MILESTONES[i]);
            if (!birthday.isAfter(judgedAt) || !birthday.isAfter(issuedAt)) {
                continue;
            }
            if (judgedAt.isBefore(birthday.minusYears(2))) {
                return Optional.of(birthday);
            }
            // Within 2 years before this milestone: valid until the next one, or for life after 60.
            return i + 1 < MILESTONES.length ? Optional.of(dateOfBirth.plusYears(MILESTONES[i + 1])) : Optional.empty();
        }
        return Optional.empty();
    }

    public static String format(LocalDate date) {
        return YYMMDD.format(date);
    }

    private static List<LocalDate> neighbours(LocalDate dateOfBirth, LocalDate expiry) {
        List<LocalDate> out = new ArrayList<>();
        for (int i = 0; i < MILESTONES.length; i++) {
            if (dateOfBirth.plusYears(MILESTONES[i]).equals(expiry)) {
                if (i + 1 < MILESTONES.length) {
                    out.add(dateOfBirth.plusYears(MILESTONES[i + 1]));
                }
                if (i > 0) {
                    out.add(dateOfBirth.plusYears(MILESTONES[i - 1]));
                }
            }
        }
        return out;
    }

    private static boolean isLastMilestone(LocalDate dateOfBirth, LocalDate expiry) {
        return dateOfBirth.plusYears(MILESTONES[MILESTONES.length - 1]).equals(expiry);
    }
}
