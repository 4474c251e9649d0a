package vn.hanoi.branch.demo.sim;

import vn.hanoi.branch.demo.sim.LiveSimulator;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.hanoi.branch.agent.testing.TestAgent;

/** The demo's live crowd issues numbers and works its counters through the API, leaving counter 1 alone. */
class LiveSimulatorTest {

    @Test
    void theCrowdTakesNumbersAndItsClerksServeThemAtTheirCountersOnly() throws Exception {
        try (TestAgent agent = TestAgent.start();
             LiveSimulator live = new LiveSimulator(agent.kioskClient(), agent.deskClient(),
                     List.of(2L, 3L, 4L, 5L), 0.05, 2_000)) {
            live.start();
            await("20 tickets served").atMost(Duration.ofSeconds(15)).until(() -> agent.agent().database().read(c -> {
                try (var rs = c.createStatement().executeQuery("SELECT count(*) FROM ticket WHERE state = 'DONE'")) {
                    rs.next();
                    return rs.getInt(1);
                }
            }) >= 20);
            live.close();
            int services = agent.agent().database().read(c -> {
                try (var rs = c.createStatement().executeQuery("SELECT count(DISTINCT service_id) FROM ticket")) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
            assertThat(services).as("the day's service mix").isGreaterThanOrEqualTo(3);
            int atCounter1 = agent.agent().database().read(c -> {
                try (var rs = c.createStatement().executeQuery("SELECT count(*) FROM ticket WHERE counter_id = 1")) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
            assertThat(atCounter1).isZero();
        }
    }
}
