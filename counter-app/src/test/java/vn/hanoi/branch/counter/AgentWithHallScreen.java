package vn.hanoi.branch.counter;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.chrome.ChromeDriver;
import vn.hanoi.branch.agent.testing.HeadlessChromium;
import vn.hanoi.branch.agent.testing.TestAgent;

/**
 * A real agent and a headless Chromium for its hall page, for a whole test class (register it as a static
 * field with {@code @RegisterExtension}); the branch-wide scene tests put the kiosk and the counter beside
 * them ({@link KioskBesideCounter}).
 */
final class AgentWithHallScreen implements BeforeAllCallback, AfterAllCallback {
    private TestAgent agent;
    private ChromeDriver hall;

    TestAgent agent() {
        return agent;
    }

    /** The browser the hall page is opened in. */
    ChromeDriver hall() {
        return hall;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        agent = TestAgent.start();
        hall = HeadlessChromium.start(1920, 1080);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            hall.quit();
        } finally {
            agent.close();
        }
    }
}
