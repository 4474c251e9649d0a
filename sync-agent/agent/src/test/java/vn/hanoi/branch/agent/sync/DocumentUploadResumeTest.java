package vn.hanoi.branch.agent.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import vn.hanoi.branch.agent.content.ContentStore;
import vn.hanoi.branch.agent.testing.FlakyLink;
import vn.hanoi.branch.agent.testing.RandomBytes;
import vn.hanoi.branch.agent.testing.TestAgent;
import vn.hanoi.branch.agent.testing.TestCity;
import vn.hanoi.branch.testkit.city.CitySimulator;

/**
 * A 200 MB scan reaches the city through five cut links, resuming each time, and the city's hash matches:
 * streamed in one request per attempt to a city that keeps partial chunks (contract 1.1), and in whole
 * chunks, one at a time, to a city that speaks only contract 1.0.
 */
@Timeout(180)
class DocumentUploadResumeTest {
    private static final long SIZE = 200L * 1024 * 1024;
    private static final int CHUNK = 4 * 1024 * 1024;
    private static final int CHUNKS = (int) (SIZE / CHUNK);
    private static final int CUTS = 5;

    @Test
    void streamedUploadCutFiveTimesResumesAndTheCityHashMatches() throws Exception {
        try (TestCity city = TestCity.start()) {
            CitySimulator.ReceivedUpload u = uploadThroughCuts(city);
            assertThat(u.chunks()).as("one request per attempt, not one per chunk").isBetween(2, CUTS + 1);
        }
    }

    @Test
    void cityOfContract10GetsWholeChunksOneAtATimeAndTheUploadStillResumesExactly() throws Exception {
        try (TestCity city = TestCity.start(true, false)) {
            CitySimulator.ReceivedUpload u = uploadThroughCuts(city);
            assertThat(u.chunks()).as("each chunk acknowledged exactly once").isEqualTo(CHUNKS);
        }
    }

    /** Uploads a document through {@value #CUTS} cuts of the link; returns the city's upload after checking its hash. */
    private static CitySimulator.ReceivedUpload uploadThroughCuts(TestCity city) throws Exception {
        try (FlakyLink link = new FlakyLink(city.sim().port())) {
            Map<String, String> config = new HashMap<>(city.agentConfig(CitySyncTest.port(link)));
            config.put("city.upload.chunk.bytes", String.valueOf(CHUNK));
            // ~40 MB/s at the city: slow enough to cut the link five times in the middle of the document.
            city.sim().faults().set(Map.of("slowUploadKbps", 320_000));
            try (TestAgent agent = TestAgent.start(config)) {
                ContentStore.Item item = agent.agent().content().put(new RandomBytes(SIZE, 42),
                        new ContentStore.Meta(null, "SCAN", "CT01", "application/pdf", null), null);
                long lastCutAt = -1;
                for (int cuts = 0; cuts < CUTS; cuts++) {
                    long cutAt = Math.max((cuts + 1) * SIZE / (CUTS + 1), lastCutAt + 1);
                    await("the upload to pass " + cutAt + " bytes").atMost(Duration.ofMinutes(1))
                            .pollInterval(Duration.ofMillis(20)).until(() -> acked(city) >= cutAt);
                    assertThat(upload(city).map(CitySimulator.ReceivedUpload::complete).orElse(false))
                            .as("the upload must not finish before five cuts").isFalse();
                    lastCutAt = acked(city);
                    link.mode(FlakyLink.Mode.REFUSE); // cuts the connections in the middle of chunks
                    Thread.sleep(300); // the link stays down this long: an outage, not a wait for the agent
                    link.mode(FlakyLink.Mode.PASS);
                }
                await("the city to confirm the document").atMost(Duration.ofMinutes(1))
                        .until(() -> agent.agent().content().find(item.id()).orElseThrow().cityConfirmedAt() != null);
                CitySimulator.ReceivedUpload u = upload(city).orElseThrow();
                assertThat(u.complete()).isTrue();
                assertThat(u.size()).isEqualTo(SIZE);
                assertThat(u.sha256()).isEqualTo(item.sha256());
                assertThat(sha256(u.file())).as("the bytes the city keeps").isEqualTo(item.sha256());
                assertThat(city.sim().bytesReceived()).as("resumed, never restarted: at most a chunk per cut sent twice")
                        .isBetween(SIZE, SIZE + (long) CUTS * CHUNK);
                int inProgress = agent.agent().database().read(c -> {
                    try (var ps = c.prepareStatement("SELECT count(*) FROM upload_state"); var rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getInt(1);
                    }
                });
                assertThat(inProgress).as("no upload left in progress").isZero();
                assertThat(CitySync.status(agent.agent().database(), true, Instant.now(), 30).lastError())
                        .as("the cuts were seen as errors").isNotNull();
                return u;
            }
        }
    }

    private static Optional<CitySimulator.ReceivedUpload> upload(TestCity city) {
        List<CitySimulator.ReceivedUpload> all = city.sim().uploads(TestCity.BRANCH);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    private static long acked(TestCity city) {
        return upload(city).map(CitySimulator.ReceivedUpload::ackedOffset).orElse(0L);
    }

    private static String sha256(Path f) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(f)) {
            byte[] buf = new byte[1 << 20];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
