package vn.hanoi.branch.calendar;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class HolidayOverridesTest {
    private static final String HEADER = "date,type,nameVi,nameEn,holiday\n";

    private static HolidayOverrides parse(String text) throws IOException {
        return HolidayOverrides.parse(new StringReader(text), "branch.csv");
    }

    private static OverrideFileException error(String text) {
        return catchThrowableOfType(OverrideFileException.class, () -> parse(text));
    }

    @Test
    void bundledListCoversTheAnnouncedYears() {
        HolidayOverrides bundled = HolidayOverrides.bundled();
        assertThat(bundled.replacedIn(2024)).containsExactlyInAnyOrder(PublicHoliday.TET, PublicHoliday.NATIONAL_DAY);
        assertThat(bundled.replacedIn(2026)).containsExactlyInAnyOrder(PublicHoliday.TET, PublicHoliday.NATIONAL_DAY);
        assertThat(bundled.inYear(2025)).extracting(DayOverride::date)
                .contains(LocalDate.of(2025, 1, 25), LocalDate.of(2025, 2, 2), LocalDate.of(2025, 4, 26));
        assertThat(bundled.on(LocalDate.of(2024, 5, 4))).map(DayOverride::type).contains(DayOverride.Type.WORK);
    }

    @Test
    void commentsBlankLinesByteOrderMarkQuotesAndTheShortHeader() throws IOException {
        HolidayOverrides list = parse("\uFEFF# comment\n\n  date, type, nameVi, nameEn\n"
                + "2027-11-25,OFF,\"Nghỉ thêm, theo quyết định\",\"Extra day off, \"\"by decision\"\"\"\n"
                + "2027-11-27 , WORK , Làm bù , Make-up day\n");
        assertThat(list.all()).hasSize(2);
        DayOverride extra = list.on(LocalDate.of(2027, 11, 25)).orElseThrow();
        assertThat(extra.nameVi()).isEqualTo("Nghỉ thêm, theo quyết định");
        assertThat(extra.nameEn()).isEqualTo("Extra day off, \"by decision\"");
        assertThat(extra.replaces()).isEmpty();
        assertThat(list.on(LocalDate.of(2027, 11, 27)).orElseThrow().type()).isEqualTo(DayOverride.Type.WORK);
    }

    @Test
    void aRangeIsEveryDayOfIt() throws IOException {
        HolidayOverrides list = parse(HEADER + "2027-02-04..2027-02-10,OFF,Tết,Tết,TET\n");
        assertThat(list.inYear(2027)).hasSize(7).allMatch(o -> o.replaces().orElseThrow() == PublicHoliday.TET);
    }

    @Test
    void laterListWinsPerDate() throws IOException {
        HolidayOverrides first = parse(HEADER + "2027-05-03,OFF,Nghỉ,Off,\n");
        HolidayOverrides second = parse(HEADER + "2027-05-03,WORK,Làm,Work,\n");
        assertThat(first.then(second).on(LocalDate.of(2027, 5, 3)).orElseThrow().type()).isEqualTo(DayOverride.Type.WORK);
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
            "2027-13-01,OFF,Nghỉ,Off,                    | 3 | is not a date; write yyyy-MM-dd",
            "01/05/2027,OFF,Nghỉ,Off,                    | 3 | '01/05/2027' is not a date",
            "2027-05-03,OF,Nghỉ,Off,                     | 3 | type 'OF' is neither OFF nor WORK",
            "2027-05-03,OFF,Nghỉ                         | 3 | expected 4 or 5 comma-separated fields",
            "2027-05-03,OFF,,Off,                        | 3 | nameVi is empty",
            "2027-05-03,WORK,Làm bù,Make-up,TET          | 3 | only an OFF line can replace",
            "2027-05-03,OFF,Nghỉ,Off,TETT                | 3 | unknown holiday 'TETT'",
            "2027-05-05..2027-05-03,OFF,Nghỉ,Off,        | 3 | ends before it starts",
            "2027-01-01..2027-12-31,OFF,Nghỉ,Off,        | 3 | longer than 31 days",
            "2027-05-03,OFF,\"Nghỉ,Off,                  | 3 | double quote is not closed",
    })
    void aBadLineIsReportedWithItsNumber(String line, int number, String message) {
        OverrideFileException e = error("# list\n" + HEADER + line.strip() + "\n");
        assertThat(e.line()).isEqualTo(number);
        assertThat(e.getMessage()).startsWith("branch.csv line " + number + ": ").contains(message);
    }

    @Test
    void aMissingHeaderIsReportedAtTheFirstLine() {
        OverrideFileException e = error("\n# 2027\n2027-05-03,OFF,Nghỉ,Off,\n");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e).hasMessageContaining("expected the header line 'date,type,nameVi,nameEn,holiday'");
    }

    @Test
    void aDateListedTwiceNamesBothLines() {
        OverrideFileException e = error(HEADER
                + "2027-02-04..2027-02-10,OFF,Tết,Tết,TET\n"
                + "\n"
                + "2027-02-08,WORK,Làm,Work,\n");
        assertThat(e.line()).isEqualTo(4);
        assertThat(e).hasMessage("branch.csv line 4: 2027-02-08 is already listed on line 2; a date may appear once");
    }
}
