package vn.hanoi.branch.kiosk.card;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hanoi.branch.card.CitizenIdQr;
import vn.hanoi.branch.testkit.card.CardEmulatorTool;
import vn.hanoi.branch.testkit.card.CccdApplet;
import vn.hanoi.branch.testkit.card.CccdCardFiles;
import vn.hanoi.branch.testkit.card.EmulatedCardService;
import vn.hanoi.branch.testkit.card.FakeCitizen;
import vn.hanoi.branch.testkit.card.FakeCitizens;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The IT command with the emulated card in process (the PC/SC path with pcscd and vpcd is covered by
 * shared's CardPcscStackTest, which owns the one pcscd of a test run).
 */
class CardToolTest {
    @TempDir
    Path dir;

    private static String run(List<String> args, int expectedExit, CardTool.CardSource source) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int exit = CardTool.run(args, new PrintStream(buf, true, StandardCharsets.UTF_8), source);
        String out = buf.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(out).isEqualTo(expectedExit);
        return out;
    }

    @Test
    void readCardPrintsTheChipAsJsonWithTheVerdict() throws Exception {
        FakeCitizen c = new FakeCitizens(41).next();
        CccdCardFiles card = CccdCardFiles.of(c).faceImage(9_000).build();
        Path csca = card.pki().writeCscaPem(dir.resolve("csca.pem"));
        CardTool.CardSource chip = reader -> new EmulatedCardService(CccdApplet.of(card));

        JsonNode j = new ObjectMapper().readTree(run(List.of("read-card", "--qr", c.qr().format(), "--csca",
                csca.toString(), "--dg2"), 0, chip));
        assertThat(j.get("id").asText()).isEqualTo(c.id());
        assertThat(j.get("fullName").asText()).isEqualTo(c.fullName());
        assertThat(j.get("dateOfBirth").asText()).isEqualTo(c.dateOfBirth().toString());
        assertThat(j.get("placeOfResidence").asText()).isEqualTo(c.placeOfResidence());
        assertThat(j.get("dg13").get("2").asText()).isEqualTo(c.fullName());
        assertThat(j.get("dg13").get("13").get(1).asText()).isEqualTo(c.mother());
        assertThat(j.get("passiveAuthentication").get("verdict").asText()).isEqualTo("VERIFIED");
        assertThat(j.get("faceImage").get("bytes").asInt()).isGreaterThan(8_000);
        assertThat(j.get("read").get("bacAttempts").asInt()).isPositive();

        JsonNode typed = new ObjectMapper().readTree(run(List.of("read-card", "--doc", c.documentNumber(), "--dob",
                card.accessKey().dateOfBirth(), "--expiry", c.chipExpiry()), 0, chip));
        assertThat(typed.get("passiveAuthentication").get("verdict").asText()).isEqualTo("INTEGRITY_ONLY");

        JsonNode denied = new ObjectMapper().readTree(run(List.of("read-card", "--doc", "123456789", "--dob",
                "800101", "--expiry", "300101"), 1, chip));
        assertThat(denied.get("error").asText()).isEqualTo("ACCESS_DENIED");
        assertThat(denied.get("vi").asText()).contains("chip");
    }

    @Test
    void tamperedCardIsAnError() throws Exception {
        FakeCitizen c = new FakeCitizens(42).next();
        CccdCardFiles card = CccdCardFiles.of(c).tamper(13).build();
        JsonNode j = new ObjectMapper().readTree(run(List.of("read-card", "--qr", c.qr().format()), 1,
                reader -> new EmulatedCardService(CccdApplet.of(card))));
        assertThat(j.get("error").asText()).isEqualTo("TAMPERED");
    }

    @Test
    void badUsage() {
        CardTool.CardSource none = reader -> {
            throw new AssertionError("no card expected");
        };
        assertThat(run(List.of(), 2, none)).contains("usage");
        assertThat(run(List.of("read-card"), 2, none)).contains("needs --qr");
        assertThat(run(List.of("read-card", "--qr", "x", "--doc", "1"), 2, none)).contains("not both");
        assertThat(run(List.of("read-card", "--dob"), 2, none)).contains("--dob needs a value");
        assertThat(run(List.of("read-card", "--qr", "not a qr"), 1, none)).contains("QR_NOT_CITIZEN_ID");
        assertThat(run(List.of("read-card", "--qr", "x", "--pin", "1"), 2, none)).contains("Unknown option: '--pin'");
        assertThat(run(List.of("format-card"), 2, none)).contains("Unmatched argument").contains("usage");
        assertThat(run(List.of("read-card", "--doc", "012345678", "--dob", "900101", "--expiry", "300101", "--csca",
                dir.resolve("missing.pem").toString()), 2, none)).contains("cannot read the CSCA file", "missing.pem");
    }

    @Test
    void helpListsTheCommandsAndTheirOptions() {
        CardTool.CardSource none = reader -> {
            throw new AssertionError("no card expected");
        };
        assertThat(run(List.of("--help"), 0, none)).contains("list-readers", "read-card", "decode-qr");
        assertThat(run(List.of("read-card", "--help"), 0, none)).contains("--reader", "--qr", "--doc", "--dob",
                "--expiry", "--csca", "--dg2");
    }

    @Test
    void emulatePrintsTheQrAndReportsAMissingVpcd() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int exit = CardEmulatorTool.run(new PrintStream(buf, true, StandardCharsets.UTF_8), "--seed", "5",
                "--port", String.valueOf(closedPort), "--wait-ms", "200", "--csca-out", dir.resolve("csca.pem").toString());
        String out = buf.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(out).isEqualTo(1);
        String qr = out.lines().filter(l -> l.startsWith("QR: ")).findFirst().orElseThrow().substring(4);
        assertThat(CitizenIdQr.parse(qr).id()).isEqualTo(new FakeCitizens(5).next().id());
        assertThat(out).contains("MRZ key: --doc ").contains("vpcd does not accept");
        assertThat(dir.resolve("csca.pem")).content().startsWith("-----BEGIN CERTIFICATE-----");
    }
}
