package vn.hanoi.branch.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hanoi.branch.agent.config.AgentConfig;
import vn.hanoi.branch.agent.setup.BranchSetup;
import vn.hanoi.branch.agent.setup.SetupFile;
import vn.hanoi.branch.agent.setup.SetupProblem;

/**
 * A setup file with every kind of mistake: each is named with its line and path, in Vietnamese then
 * English, and nothing at all is applied.
 */
class SetupMistakesTest {
    @TempDir
    Path dir;

    /** The file's lines, and the path of the problem each must produce (null: a correct line). */
    private final List<String> lines = new ArrayList<>();
    private final List<String> expectedPaths = new ArrayList<>();

    private void line(String text, String expectedProblemPath) {
        lines.add(text);
        expectedPaths.add(expectedProblemPath);
    }

    private String file() {
        line("branch:", null);
        line("  code: hn pxa", "branch.code");                                       // 1 bad code
        line("  agencyCode: \"PXA/1\"", "branch.agencyCode");                        // 2 bad agency code
        line("  nameVi: Điểm phục vụ phường Xuân An", null);
        line("  adress: 12 phố Xuân An", "branch.adress");                            // 3 unknown key (typo); nameEn missing
        line("  timeZone: Mars/Olympus", "branch.timeZone");                          // 4 unknown zone
        line("satisfactionTargetPercent: 150", "satisfactionTargetPercent");          // 5 out of range
        line("services:", null);
        line("  - code: HT", null);
        line("    prefix: A", null);
        line("    nameVi: Hộ tịch", null);
        line("    nameEn: Civil status", null);
        line("    numbers: {from: 1, to: 999}", null);
        line("    hours:", null);
        line("      mon: \"7h30-17h\"", "services[0].hours.mon");                     // 6 hours format
        line("      tue: \"17:00-07:30\"", "services[0].hours.tue");                  // 7 opens after closes
        line("      funday: \"08:00-12:00\"", "services[0].hours.funday");            // 8 unknown day
        line("      wed: \"25:00-26:00\"", "services[0].hours.wed");                  // 9 no such time
        line("    dailyCap: 0", "services[0].dailyCap");                              // 10 cap below 1
        line("    bookingSharePercent: 150", "services[0].bookingSharePercent");      // 11 share above 100
        line("  - code: CT", null);
        line("    prefix: A", "services[1].prefix");                                  // 12 duplicate letters
        line("    nameEn: Certification", null);                                      // 13 (nameVi missing: below)
        line("    numbers: {from: 500, to: 1500}", "services[1].numbers");            // 14 overlaps HT's range
        line("    hours: {mon: \"07:30-17:00\"}", null);
        line("    greenChannel: có", "services[1].greenChannel");                     // 15 wrong type (boolean)
        line("  - code: CT", "services[2].code");                                     // 16 duplicate code
        line("    prefix: ab1", "services[2].prefix");                                // 17 bad letters
        line("    nameVi: Chứng thực bản sao", null);
        line("    nameEn: Copies", null);
        line("    numbers: {from: một, to: 99}", "services[2].numbers.from");         // 18 wrong type (number)
        line("    hours: {fri: \"08:00-11:00\"}", null);
        line("  - code: DD", null);
        line("    nameVi: Đất đai", null);
        line("    nameEn: Land", null);
        line("    numbers: {from: 900, to: 100}", "services[3].numbers");             // 19 from above to
        line("    hours: {mon: \"08:00-11:00\"}", null);
        line("  - code: KD", "services[4]");                                          // 20 served by no counter
        line("    prefix: K", null);
        line("    nameVi: Kinh doanh", null);
        line("    nameEn: Business", null);
        line("    numbers: {from: 1, to: 99}", null);
        line("    hours: {}", "services[4].hours");                                   // 21 active but never open
        line("counters:", null);
        line("  - number: 1", null);
        line("    nameVi: Quầy 1", null);
        line("    nameEn: Counter 1", null);
        line("    services: [HT, XX, HT]", "counters[0].services[1]");                // 22 unknown service (and 23 twice)
        line("  - number: 1", "counters[1].number");                                  // 24 duplicate number
        line("    nameVi: Quầy một", null);
        line("    nameEn: \"\"", "counters[1].nameEn");                               // 25 empty name
        line("    services: [CT, DD]", null);
        line("  - number: ba", "counters[2].number");                                 // 26 wrong type
        line("    nameVi: Quầy 3", null);
        line("    nameEn: Counter 3", null);
        line("    services: []", "counters[2].services");                             // 27 active with no services
        line("  - number: 4", null);
        line("    nameVi: Quầy 4", null);
        line("    nameEn: Counter 4", null);
        line("    services: HT", "counters[3].services");                             // 28 not a list
        line("priorityClasses:", null);
        line("  - {code: ELDERLY, nameVi: Người cao tuổi, nameEn: Elderly, minAge: 200}", "priorityClasses[0].minAge"); // 29
        line("hallNotices:", null);
        line("  - vi: Vui lòng giữ phiếu", "hallNotices[0].en");                      // 30 missing English
        return String.join("\n", lines) + "\n";
    }

    /** The first line of the file that is {@code text}, counting from 1. */
    private int lineOf(String text) {
        return lines.indexOf(text) + 1;
    }

    @Test
    void everyMistakeIsNamedWithItsLineAndPath() {
        String text = file();
        SetupFile.Read read = SetupFile.read(text, false);
        assertThat(read.ok()).isFalse();
        assertThat(read.setup()).isNull();
        List<SetupProblem> problems = read.problems();
        int expected = 0;
        for (int i = 0; i < lines.size(); i++) {
            String path = expectedPaths.get(i);
            if (path == null) {
                continue;
            }
            expected++;
            int line = i + 1;
            assertThat(problems).as("a problem at line %d (%s) for %s", line, lines.get(i), path)
                    .anySatisfy(p -> {
                        assertThat(p.path()).isEqualTo(path);
                        assertThat(p.line()).isEqualTo(line);
                    });
        }
        assertThat(expected).isGreaterThanOrEqualTo(20);
        // the ones that have no line of their own: a missing value is reported at its entity's line
        assertThat(problems).anySatisfy(p -> assertThat(p).extracting(SetupProblem::path, SetupProblem::line)
                .containsExactly("branch.nameEn", lineOf("branch:")));
        assertThat(problems).anySatisfy(p -> assertThat(p).extracting(SetupProblem::path, SetupProblem::line)
                .containsExactly("services[1].nameVi", lineOf("  - code: CT")));
        assertThat(problems).anySatisfy(p -> assertThat(p.path()).isEqualTo("counters[0].services[2]"));
        // every message in both languages, Vietnamese first
        assertThat(problems).allSatisfy(p -> {
            assertThat(p.vi()).isNotBlank().isNotEqualTo(p.en());
            assertThat(p.en()).isNotBlank();
            assertThat(p.toString()).startsWith("dòng " + p.line() + " / line " + p.line());
        });
    }

    @Test
    void theCommandPrintsEveryProblemAndAppliesNothing() throws Exception {
        AgentConfig config = AgentConfig.defaults().with("db.path", dir.resolve("ward.db").toString());
        SetupCommandTest.run(config, 0, "setup", "--file", SetupCommandTest.EXAMPLE.toString());
        BranchSetup before = SetupCommandTest.configuration(config);
        long events = SetupCommandTest.count(config, "SELECT count(*) FROM queue_event");
        long audits = SetupCommandTest.count(config, "SELECT count(*) FROM audit_log");

        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, file());
        String out = SetupCommandTest.run(config, 1, "setup", "--file", bad.toString());
        assertThat(out).contains("nothing was applied", "dòng " + lineOf("  code: hn pxa") + " / line",
                "branch.code", "Mã chi nhánh chỉ gồm", "The branch code takes");
        assertThat(out.lines().filter(l -> l.startsWith("  dòng "))).hasSizeGreaterThanOrEqualTo(28);

        assertThat(SetupCommandTest.configuration(config)).isEqualTo(before);
        assertThat(SetupCommandTest.count(config, "SELECT count(*) FROM queue_event")).isEqualTo(events);
        assertThat(SetupCommandTest.count(config, "SELECT count(*) FROM audit_log")).isEqualTo(audits);
    }

    @Test
    void aFileThatIsNotYamlOrJsonIsNamedWithItsLine() {
        SetupFile.Read yaml = SetupFile.read("branch:\n  code: [HN\n  nameVi: x\n", false);
        assertThat(yaml.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isGreaterThan(1);
            assertThat(p.vi()).startsWith("Tệp không đúng cú pháp YAML");
        });
        SetupFile.Read json = SetupFile.read("{\"branch\": {\"code\": \"HN\",}\n", true);
        assertThat(json.problems()).singleElement().satisfies(p -> assertThat(p.en()).startsWith("The file is not valid JSON"));
    }
}
