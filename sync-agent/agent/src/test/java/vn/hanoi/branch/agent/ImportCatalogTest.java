package vn.hanoi.branch.agent;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hanoi.branch.agent.testing.DemoBranch;
import vn.hanoi.branch.agent.config.AgentConfig;
import vn.hanoi.branch.agent.db.Database;
import vn.hanoi.branch.agent.dossier.ProcedureCatalog;
import vn.hanoi.branch.api.Dossiers;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Branch IT loads a procedure catalog from a spreadsheet's CSV or a JSON file. */
class ImportCatalogTest {
    @TempDir
    Path dir;

    private AgentConfig branch() {
        Path db = dir.resolve("branch.db");
        try (Database d = Database.open(db, Clock.systemUTC())) {
            d.write(tx -> {
                DemoBranch.seedBranch(tx);
                return null;
            });
        }
        return AgentConfig.defaults().with("db.path", db.toString());
    }

    private static String run(AgentConfig config, Path file, int expectedExit) throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int rc = AgentMain.execute(config, new PrintStream(buf, true, StandardCharsets.UTF_8), "import-catalog", "--file", file.toString());
        String out = buf.toString(StandardCharsets.UTF_8);
        assertThat(rc).as(out).isEqualTo(expectedExit);
        return out;
    }

    @Test
    void csvFromASpreadsheetAddsAndReplacesProcedures() throws Exception {
        AgentConfig config = branch();
        Path csv = dir.resolve("catalog.csv");
        Files.writeString(csv, "\uFEFFcode,nameVi,nameEn,serviceCode,department,processingDays,feeVnd,documents\n"
                + "1.001193,Đăng ký khai sinh (cập nhật),Birth registration,HT,\"Tư pháp, UBND phường\",2,0,"
                + "\"Giấy chứng sinh (bản chính)|Giấy chứng nhận kết hôn, nếu có (bản sao)\"\n"
                + "# comment lines and blank lines are skipped\n\n"
                + "9.999001,Thủ tục mới,New procedure,CT,,5,\"20.000\",Tờ khai (bản chính)\n"
                + "9.999002,Thủ tục của dịch vụ khác,Other service,XX,,1,0,\n", StandardCharsets.UTF_8);
        assertThat(run(config, csv, 0)).contains("Imported 2 procedures");

        try (Database db = Database.open(config.dbPath(), Clock.systemUTC())) {
            var byCode = new ProcedureCatalog(db).list().stream()
                    .collect(java.util.stream.Collectors.toMap(Dossiers.Procedure::code, p -> p));
            Dossiers.Procedure birth = byCode.get("1.001193");
            assertThat(birth.nameVi()).isEqualTo("Đăng ký khai sinh (cập nhật)");
            assertThat(birth.department()).isEqualTo("Tư pháp, UBND phường");
            assertThat(birth.processingDays()).isEqualTo(2);
            assertThat(birth.sample()).isFalse();
            assertThat(birth.documents()).extracting(Dossiers.RequiredDocument::nameVi, Dossiers.RequiredDocument::original)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("Giấy chứng sinh", true),
                            org.assertj.core.groups.Tuple.tuple("Giấy chứng nhận kết hôn, nếu có", false));
            assertThat(birth.form()).extracting(Dossiers.FormField::prefill).contains(Dossiers.CardField.FULL_NAME);
            assertThat(byCode.get("9.999001").feeVnd()).isEqualTo(20_000);
            assertThat(byCode).doesNotContainKey("9.999002");
        }
    }

    @Test
    void aBadLineIsNamedAndNothingIsImported() throws Exception {
        AgentConfig config = branch();
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "code,nameVi,nameEn,serviceCode,department,processingDays,feeVnd,documents\n"
                + "9.999001,Thủ tục mới,New procedure,CT,,5,0,Tờ khai\n"
                + "9.999003,Thiếu cột,Missing columns,CT\n", StandardCharsets.UTF_8);
        assertThat(run(config, csv, 1)).contains("Dòng 3").contains("Line 3");
        try (Database db = Database.open(config.dbPath(), Clock.systemUTC())) {
            assertThat(new ProcedureCatalog(db).list()).extracting(Dossiers.Procedure::code).doesNotContain("9.999001");
        }
    }

    @Test
    void theBundledSampleCatalogImportsAsJson() throws Exception {
        AgentConfig config = branch();
        Path json = dir.resolve("catalog.json");
        try (var in = ProcedureCatalog.class.getResourceAsStream(ProcedureCatalog.SAMPLE)) {
            Files.copy(in, json);
        }
        assertThat(run(config, json, 0)).contains("Imported 20 procedures");
    }
}
