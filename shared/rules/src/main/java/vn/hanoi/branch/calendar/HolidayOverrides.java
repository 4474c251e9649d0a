package vn.hanoi.branch.calendar;

import vn.hanoi.branch.csv.CsvLine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The per-year list of what the government actually announced: the real Tết and National Day days,
 * swapped days off and their make-up Saturdays, extra days off. It wins over the computed rules.
 *
 * <p><b>File format.</b>
 * UTF-8 CSV (a byte order mark, as Excel writes it, is fine). Lines starting with {@code #} and blank
 * lines are ignored. The first other line is the header, exactly
 * <pre>date,type,nameVi,nameEn,holiday</pre>
 * (or {@code date,type,nameVi,nameEn} in a file that never uses the last column), then one line per
 * date or range of dates:
 * <pre>
 * 2025-01-25..2025-02-02,OFF,Nghỉ Tết Nguyên đán,Lunar New Year (Tết) break,TET
 * 2025-05-02,OFF,Nghỉ hoán đổi (làm bù thứ Bảy 26/4),Day off (swapped with Saturday 26 April),
 * 2025-04-26,WORK,Làm bù cho thứ Sáu 2/5,Make-up working day for Friday 2 May,
 * </pre>
 * <ul>
 *   <li>{@code date}: {@code yyyy-MM-dd}, or {@code yyyy-MM-dd..yyyy-MM-dd} for every day of a
 *       range (both ends included, at most 31 days);</li>
 *   <li>{@code type}: {@code OFF} (closed) or {@code WORK} (open);</li>
 *   <li>{@code nameVi}, {@code nameEn}: what the day is, shown in the apps; not empty. A name with a
 *       comma goes in double quotes ({@code ""} for a quote inside);</li>
 *   <li>{@code holiday} (may be left empty or left out): on an OFF line, the {@link PublicHoliday}
 *       whose computed days this announcement replaces for that year, e.g. {@code TET} or
 *       {@code NATIONAL_DAY}. Without it, OFF and WORK lines only change their own dates.</li>
 * </ul>
 * A date may appear once per file. Where several lists are combined ({@link #then}), a later list's
 * line for a date wins over an earlier one's.
 */
public final class HolidayOverrides {
    public static final String HEADER = "date,type,nameVi,nameEn,holiday";
    /** A file that replaces no holiday may leave the last column out. */
    private static final String SHORT_HEADER = "date,type,nameVi,nameEn";
    /** The list shipped with the system, on the classpath next to this class. */
    public static final String BUNDLED_RESOURCE = "holiday-overrides.csv";
    private static final int LONGEST_RANGE_DAYS = 31;
    private static final HolidayOverrides NONE = new HolidayOverrides(new TreeMap<>());

    private final TreeMap<LocalDate, DayOverride> byDate;

    private HolidayOverrides(TreeMap<LocalDate, DayOverride> byDate) {
        this.byDate = byDate;
    }

    public static HolidayOverrides none() {
        return NONE;
    }

    /** The announcements shipped with this version (2024-2026 at the time of writing). */
    public static HolidayOverrides bundled() {
        try (InputStream in = HolidayOverrides.class.getResourceAsStream(BUNDLED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(BUNDLED_RESOURCE + " is missing from the classpath");
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8), BUNDLED_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A list kept by branch IT, e.g. next year's announcement before a release ships it. */
    public static HolidayOverrides load(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(in, file.toString());
        }
    }

    /**
     * Reads a list in the format above.
     *
     * @param source how to name the input in error messages (a file name)
     * @throws OverrideFileException at the first line that is not right
     */
    public static HolidayOverrides parse(Reader in, String source) throws IOException {
        BufferedReader lines = new BufferedReader(in);
        TreeMap<LocalDate, DayOverride> byDate = new TreeMap<>();
        Map<LocalDate, Integer> lineOf = new HashMap<>();
        boolean headerSeen = false;
        int number = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            number++;
            if (number == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            if (!headerSeen) {
                String header = trimmed.replace(" ", "");
                if (!header.equals(HEADER) && !header.equals(SHORT_HEADER)) {
                    throw new OverrideFileException(source, number,
                            "expected the header line '" + HEADER + "' but found '" + trimmed + "'");
                }
                headerSeen = true;
                continue;
            }
            for (DayOverride o : parseLine(trimmed, source, number)) {
                Integer earlier = lineOf.putIfAbsent(o.date(), number);
                if (earlier != null) {
                    throw new OverrideFileException(source, number,
                            o.date() + " is already listed on line " + earlier + "; a date may appear once");
                }
                byDate.put(o.date(), o);
            }
        }
        return new HolidayOverrides(byDate);
    }

    private static List<DayOverride> parseLine(String line, String source, int number) {
        List<String> fields = splitFields(line, source, number);
        if (fields.size() != 4 && fields.size() != 5) {
            throw new OverrideFileException(source, number, "expected 4 or 5 comma-separated fields ("
                    + HEADER + ") but found " + fields.size());
        }
        DayOverride.Type type;
        try {
            type = DayOverride.Type.valueOf(fields.get(1));
        } catch (IllegalArgumentException e) {
            throw new OverrideFileException(source, number,
                    "type '" + fields.get(1) + "' is neither OFF nor WORK");
        }
        String nameVi = fields.get(2);
        String nameEn = fields.get(3);
        if (nameVi.isEmpty() || nameEn.isEmpty()) {
            throw new OverrideFileException(source, number,
                    (nameVi.isEmpty() ? "nameVi" : "nameEn") + " is empty; every day needs a name in both languages");
        }
        Optional<PublicHoliday> replaces = Optional.empty();
        if (fields.size() == 5 && !fields.get(4).isEmpty()) {
            if (type == DayOverride.Type.WORK) {
                throw new OverrideFileException(source, number, "only an OFF line can replace a holiday's"
                        + " computed days; leave the holiday field empty on WORK lines");
            }
            try {
                replaces = Optional.of(PublicHoliday.valueOf(fields.get(4)));
            } catch (IllegalArgumentException e) {
                throw new OverrideFileException(source, number, "unknown holiday '" + fields.get(4)
                        + "'; one of " + Arrays.toString(PublicHoliday.values()) + " or empty");
            }
        }
        List<DayOverride> out = new ArrayList<>();
        for (LocalDate d : dates(fields.getFirst(), source, number)) {
            out.add(new DayOverride(d, type, nameVi, nameEn, replaces));
        }
        return out;
    }

    private static List<LocalDate> dates(String field, String source, int number) {
        String[] ends = field.split("\\.\\.", -1);
        if (ends.length > 2) {
            throw new OverrideFileException(source, number, "'" + field + "' is not a date or a range");
        }
        LocalDate first = date(ends[0], source, number);
        LocalDate last = ends.length == 2 ? date(ends[1], source, number) : first;
        if (last.isBefore(first)) {
            throw new OverrideFileException(source, number, "range " + field + " ends before it starts");
        }
        if (first.plusDays(LONGEST_RANGE_DAYS).isBefore(last.plusDays(1))) {
            throw new OverrideFileException(source, number, "range " + field + " is longer than "
                    + LONGEST_RANGE_DAYS + " days; is a month or year mistyped?");
        }
        return first.datesUntil(last.plusDays(1)).toList();
    }

    private static LocalDate date(String text, String source, int number) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new OverrideFileException(source, number, "'" + text
                    + "' is not a date; write yyyy-MM-dd (e.g. 2025-09-01) or yyyy-MM-dd..yyyy-MM-dd");
        }
    }

    private static List<String> splitFields(String line, String source, int number) {
        try {
            return CsvLine.split(line);
        } catch (IllegalArgumentException e) {
            throw new OverrideFileException(source, number, e.getMessage());
        }
    }

    /** This list with {@code later}'s lines added; where both have a date, {@code later}'s wins. */
    public HolidayOverrides then(HolidayOverrides later) {
        TreeMap<LocalDate, DayOverride> merged = new TreeMap<>(byDate);
        merged.putAll(later.byDate);
        return new HolidayOverrides(merged);
    }

    public Optional<DayOverride> on(LocalDate date) {
        return Optional.ofNullable(byDate.get(date));
    }

    /** The lines for dates in {@code year}, by date. */
    public List<DayOverride> inYear(int year) {
        return List.copyOf(byDate.subMap(LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1)).values());
    }

    /** The holidays whose computed days {@code year}'s announcement replaces. */
    public Set<PublicHoliday> replacedIn(int year) {
        Set<PublicHoliday> out = EnumSet.noneOf(PublicHoliday.class);
        for (DayOverride o : inYear(year)) {
            o.replaces().ifPresent(out::add);
        }
        return Collections.unmodifiableSet(out);
    }

    public List<DayOverride> all() {
        return List.copyOf(byDate.values());
    }
}
