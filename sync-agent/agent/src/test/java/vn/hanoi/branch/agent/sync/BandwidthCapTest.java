package vn.hanoi.branch.agent.sync;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import vn.hanoi.branch.agent.content.ContentStore;
import vn.hanoi.branch.agent.testing.TestAgent;
import vn.hanoi.branch.agent.testing.TestCity;

/**
 * The upload cap holds: a document never goes faster than {@code city.upload.max.kbps} (plus the one second
 * of credit the bucket starts with). A lower bound only: a slow machine makes it longer, never a failure.
 */
@Timeout(60)
class BandwidthCapTest {
    @Test
    void uploadsDoNotExceedTheConfiguredRate() throws Exception {
        try (TestCity city = TestCity.start()) {
            Map<String, String> config = new HashMap<>(city.agentConfig());
            config.put("city.upload.max.kbps", "8000"); // 1 MB/s
            config.put("city.upload.chunk.bytes", "524288");
            try (TestAgent agent = TestAgent.start(config)) {
                long t0 = System.nanoTime();
                ContentStore.Item item = agent.agent().content().put(new vn.hanoi.branch.agent.testing.RandomBytes(4_000_000, 3),
                        new ContentStore.Meta(null, "SCAN", "CT01", "application/pdf", null), null);
                await("the upload").atMost(Duration.ofMinutes(1))
                        .until(() -> agent.agent().content().find(item.id()).orElseThrow().cityConfirmedAt() != null);
                double seconds = (System.nanoTime() - t0) / 1e9;
                // 4 MB at 1 MB/s with 1 MB of initial credit: at least 3 s.
                assertThat(seconds).isGreaterThanOrEqualTo(3.0);
                assertThat(city.sim().uploads(TestCity.BRANCH).get(0).sha256()).isEqualTo(item.sha256());
            }
        }
    }
}
