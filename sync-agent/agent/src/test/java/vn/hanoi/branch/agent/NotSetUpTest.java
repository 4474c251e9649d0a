package vn.hanoi.branch.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import vn.hanoi.branch.agent.config.AgentConfig;
import vn.hanoi.branch.agent.testing.TestAgent;
import vn.hanoi.branch.api.Health;
import vn.hanoi.branch.api.ServiceInfo;
import vn.hanoi.branch.client.AgentException;
import vn.hanoi.branch.client.KioskClient;

/**
 * The first start of an installed agent: an empty database. Health and every device say the branch is not
 * set up yet with the next step, nothing pretends to work; after {@code branch-agent setup} (while the agent
 * runs) the same kiosk works without a restart.
 */
class NotSetUpTest {
    @Test
    void healthAndDevicesSayNotSetUpUntilSetupRuns() {
        try (TestAgent agent = TestAgent.startWithoutBranch()) {
            Health h = agent.link().health();
            assertThat(h.status()).isEqualTo(Health.NOT_SET_UP);
            assertThat(h.database()).isTrue();
            assertThat(h.setupVi()).startsWith("Chưa thiết lập chi nhánh").contains("branch-agent setup --file");
            assertThat(h.setupEn()).startsWith("Branch not set up yet").contains("branch-agent setup --file");

            KioskClient kiosk = agent.kioskClient(); // pairing works: IT pairs devices before or after setup
            for (Runnable call : new Runnable[] {kiosk::branch, kiosk::services, kiosk::counters,
                    () -> kiosk.issueTicket(1, "before-setup")}) {
                assertThatThrownBy(call::run).isInstanceOfSatisfying(AgentException.class, e -> {
                    assertThat(e.error().status()).isEqualTo(503);
                    assertThat(e.error().code()).isEqualTo("branch_not_set_up");
                    assertThat(e.error().messageVi()).startsWith("Chưa thiết lập chi nhánh");
                    assertThat(e.error().messageEn()).startsWith("Branch not set up yet");
                });
            }

            AgentConfig cli = AgentConfig.defaults().with("db.path", agent.databaseFile().toString());
            SetupCommandTest.run(cli, 0, "setup", "--file", SetupCommandTest.EXAMPLE.toString());

            assertThat(agent.link().health().status()).isEqualTo("ok");
            assertThat(agent.link().health().setupVi()).isNull();
            assertThat(kiosk.branch().code()).isEqualTo("HN-PXA");
            assertThat(kiosk.services()).extracting(ServiceInfo::code).containsExactly("HT", "CT", "DN");
            long ht = kiosk.services().getFirst().id();
            assertThat(kiosk.issueTicket(ht, "after-setup").displayNumber()).startsWith("A");
        }
    }
}
