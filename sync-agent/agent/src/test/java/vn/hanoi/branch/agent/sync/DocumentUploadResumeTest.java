package vn.hanoi.branch.agent.sync;

import vn.hanoi.branch.agent.testing.RandomBytes;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import vn.hanoi.branch.testkit.city.CitySimulator;
import vn.hanoi.branch.agent.content.ContentStore;
import vn.hanoi.branch.agent.testing.FlakyLink;
import vn.hanoi.branch.agent.testing.TestAgent;
import vn.hanoi.branch.agent.testing.TestCity;

/** A 200 MB scan reaches the city through five cut links, resuming each time, and the city's hash matches. */
@Timeout(180)
class DocumentUploadResumeTest {
    private static final long SIZE = 200L * 1024 * 1024;
    private static final int CHUNK = 4 * 1024 * 1024;

    @Test
    void uploadInterruptedFiveTimesCompletesWithMatchingHash() throws Exception {
        try (TestCity city = TestCity.start();
             FlakyLink link = new FlakyLink(city.sim().port())) {
            Map<String, String> config = new HashMap<>(city.agentConfig(CitySyncTest.port(link)));
            config.put("city.upload.chunk.bytes", String.valueOf(CHUNK));
            // ~40 MB/s at the city: slow enough to cut the link five times in the middle of the document.
            city.sim().faults().set(Map.of("slowUploadKbps", 320_000));
            try (TestAgent agent = TestAgent.start(config)) {
                ContentStore.Item item = agent.agent().content().put(new RandomBytes(SIZE, 42),
                        new ContentStore.Meta(null, "SCAN", "CT01", "application/pdf", null), null);
                long lastCutAt = -1;
                for (int cuts = 0; cuts < 5; cuts++) {
                    long cutAt = Math.max((cuts + 1) * SIZE / 6, lastCutAt + 1);
                    await("the upload to pass " + cutAt + " bytes").atMost(Duration.ofMinutes(1))
                            .pollInterval(Duration.ofMillis(20)).until(() -> acked(city) >= cutAt);
                    assertThat(upload(city).map(CitySimulator.ReceivedUpload::complete).orElse(false))
                            .as("the upload must not finish before five cuts").isFalse();
                    lastCutAt = acked(city);
                    link.mode(FlakyLink.Mode.REFUSE); // cuts the connection in the middle of a chunk
                    Thread.sleep(300); // the link stays down this long: an outage, not a wait for the agent
                    link.mode(FlakyLink.Mode.PASS);
                }
                await("the city to confirm the document").atMost(Duration.ofMinutes(1))
                        .until(() -> agent.agent().content().find(item.id()).orElseThrow().cityConfirmedAt() != null);
                CitySimulator.ReceivedUpload u = upload(city).orElseThrow();
                assertThat(u.complete()).isTrue();
                assertThat(u.size()).isEqualTo(SIZE);
                assertThat(u.sha256()).isEqualTo(item.sha256());
                assertThat(sha256(u.file())).isEqualTo(item.sha256());
                // Resumed, never restarted: each chunk was acknowledged exactly once.
                assertThat(u.chunks()).isEqualTo((int) (SIZE / CHUNK));
                int inProgress = agent.agent().database().read(c -> {
                    try (var ps = c.prepareStatement("SELECT count(*) FROM upload_state"); var rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getInt(1);
                    }
                });
                assertThat(inProgress).as("no upload left in progress").isZero();
                assertThat(CitySync.status(agent.agent().database(), true, java.time.Instant.now(), 30).lastError())
                        .as("the cuts were seen as errors").isNotNull();
            }
        }
    }

    private static java.util.Optional<CitySimulator.ReceivedUpload> upload(TestCity city) {
        List<CitySimulator.ReceivedUpload> all = city.sim().uploads(TestCity.BRANCH);
        return all.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(all.get(0));
    }

    private static String sha256(java.nio.file.Path f) throws Exception {
        java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(f)) {
            byte[] buf = new byte[1 << 20];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
        }
        return java.util.HexFormat.of().formatHex(md.digest());
    }


    private static long acked(TestCity city) {
        return upload(city).map(CitySimulator.ReceivedUpload::ackedOffset).orElse(0L);
    }
}
