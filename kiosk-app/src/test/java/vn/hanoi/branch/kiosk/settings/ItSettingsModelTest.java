package vn.hanoi.branch.kiosk.settings;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hanoi.branch.agent.testing.TestAgent;
import vn.hanoi.branch.printer.escpos.PrinterProfile;
import vn.hanoi.branch.printer.escpos.VietnameseMode;
import vn.hanoi.branch.kiosk.KioskOptions;
import vn.hanoi.branch.api.DeviceKind;
import vn.hanoi.branch.client.AgentLink;
import vn.hanoi.branch.client.DeviceState;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The settings screen's model against a real agent and real files, without a screen (work runs
 * inline): pairing again keeps token and address together, a bad value is refused before anything is
 * written, and keys the screen does not show survive a save.
 */
class ItSettingsModelTest {
    private static TestAgent agent;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        agent = TestAgent.start();
    }

    @AfterAll
    static void stop() {
        agent.close();
    }

    @Test
    void pairingAgainSavesTheTokenAndTheAddressTogether() throws Exception {
        ItSettingsModel model = model(new AtomicInteger());
        model.agentUrlProperty().set(agent.baseUrl());
        model.pairingCodeProperty().set("00000000");
        model.pair();
        assertThat(model.agentResultProperty().get().ok()).isFalse();
        assertThat(model.agentResultProperty().get().vi()).isNotBlank();
        assertThat(dir.resolve("device.properties")).doesNotExist();

        model.pairingCodeProperty().set(agent.pairingCode(DeviceKind.KIOSK));
        model.pair();
        assertThat(model.agentResultProperty().get().ok()).as(model.agentResultProperty().get().en()).isTrue();
        assertThat(model.pairingCodeProperty().get()).isEmpty();
        assertThat(KioskSettingsFile.load(dir)).containsEntry(KioskSettingsFile.AGENT_URL, agent.baseUrl());
        // What the kiosk does at its restart: the saved address and token open the agent without a code.
        KioskOptions restarted = KioskOptions.resolve(List.of("--state-dir", dir.toString()));
        Optional<DeviceState.Saved> saved = new DeviceState(dir).paired(restarted.agentUrl(), null, "kiosk");
        assertThat(saved).isPresent();
        assertThat(AgentLink.to(saved.get().agentUrl()).kiosk(saved.get().deviceToken()).services()).isNotEmpty();
    }

    @Test
    void aBadValueIsRefusedBeforeWritingAndOtherKeysSurviveASave() throws Exception {
        Files.writeString(dir.resolve(KioskSettingsFile.NAME), "csca=/etc/hcc-branch/csca.pem\nidle.seconds=45\n");
        AtomicInteger restarts = new AtomicInteger();
        ItSettingsModel model = model(restarts);

        model.printerPortProperty().set("/dev/ttyUSB1");
        model.printerBaudProperty().set("nhanh");
        model.save();
        assertThat(model.saveResultProperty().get().ok()).isFalse();
        assertThat(model.saveResultProperty().get().vi()).startsWith("Cài đặt chưa đúng");
        assertThat(Files.readString(dir.resolve(KioskSettingsFile.NAME))).doesNotContain("ttyUSB1");
        assertThat(restarts).hasValue(0);

        model.printerBaudProperty().set("19200");
        model.printerProfileProperty().set(PrinterProfile.CLONE_QR);
        assertThat(model.printerVietnameseProperty().get()).as("the clone has no Windows-1258: its own default")
                .isEqualTo(VietnameseMode.USER_DEFINED);
        model.printerVietnameseProperty().set(VietnameseMode.RASTER);
        model.save();
        assertThat(model.saveResultProperty().get().ok()).isTrue();
        assertThat(restarts).hasValue(1);
        KioskOptions o = KioskOptions.resolve(List.of("--state-dir", dir.toString()));
        assertThat(o.printerPort()).isEqualTo("/dev/ttyUSB1");
        assertThat(o.printerBaud()).isEqualTo(19200);
        assertThat(o.printerProfile()).isEqualTo(PrinterProfile.CLONE_QR.withVietnamese(VietnameseMode.RASTER));
        assertThat(o.csca()).isEqualTo(Path.of("/etc/hcc-branch/csca.pem"));
        assertThat(o.idle().toSeconds()).isEqualTo(45);
    }

    private ItSettingsModel model(AtomicInteger restarts) {
        KioskOptions now = KioskOptions.resolve(List.of("--state-dir", dir.toString()));
        return new ItSettingsModel(now, Set.of(), null, "kiosk under test", Runnable::run, Runnable::run,
                restarts::incrementAndGet);
    }
}
