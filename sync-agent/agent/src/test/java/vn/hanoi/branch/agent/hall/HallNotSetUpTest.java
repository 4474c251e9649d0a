package vn.hanoi.branch.agent.hall;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.hanoi.branch.agent.auth.Principal;
import vn.hanoi.branch.agent.db.Database;
import vn.hanoi.branch.agent.effects.Effects;
import vn.hanoi.branch.agent.setup.BranchConfiguration;
import vn.hanoi.branch.agent.setup.SetupFile;
import vn.hanoi.branch.agent.testing.HeadlessChromium;
import vn.hanoi.branch.agent.testing.TestAgent;
import vn.hanoi.branch.api.DeviceKind;

/** The hall TV of a freshly installed agent says the branch is not set up, then shows it once IT has run setup. */
class HallNotSetUpTest {
    static final Path EXAMPLE = Path.of("../../installer/src/deb/branch-agent/tree/usr/share/branch-agent/branch.example.yaml");

    @Test
    void theHallSaysNotSetUpUntilSetupRuns() throws Exception {
        try (TestAgent agent = TestAgent.startWithoutBranch()) {
            ChromeDriver driver = HeadlessChromium.start(1280, 720);
            try {
                WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
                driver.get(agent.baseUrl() + "/hall/?pair=" + agent.pairingCode(DeviceKind.SCREEN));
                wait.until(d -> d.findElement(By.id("branch-name")).getText().startsWith("Chưa thiết lập chi nhánh")
                        && d.findElement(By.id("branch-name-en")).getText().startsWith("Branch not set up yet"));

                // what `branch-agent setup --file` does, from beside the running agent
                SetupFile.Read example = SetupFile.read(Files.readString(EXAMPLE), false);
                try (Database db = Database.open(agent.databaseFile(), Clock.systemUTC())) {
                    new BranchConfiguration(db, Effects.withoutAgent(db)).apply(Principal.SYSTEM, example.setup(), "test");
                }

                wait.until(d -> d.findElement(By.id("branch-name")).getText()
                        .equals("Điểm phục vụ hành chính công phường Xuân An"));
            } finally {
                driver.quit();
            }
        }
    }
}
