package vn.hanoi.branch.agent.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import vn.hanoi.branch.agent.testing.ApiErrors;
import vn.hanoi.branch.agent.testing.TestAgent;
import vn.hanoi.branch.api.Role;

/** The Prometheus endpoint: the figures IT monitors, open to the agent's own machine and to IT, not to the LAN. */
class MetricsApiTest {
    private final OkHttpClient http = new OkHttpClient();

    @Test
    void exposesTheWriterRequestsStreamsOutboxDiskAndBackupFiguresToLoopbackAndItOnly() throws Exception {
        try (TestAgent agent = TestAgent.start(Map.of("http.host", "0.0.0.0"))) {
            agent.kioskClient().issueTicket(1, "metrics-1");

            String text;
            try (Response r = get("http://127.0.0.1:" + agent.agent().port(), null)) {
                assertThat(r.code()).isEqualTo(200);
                assertThat(r.header("Content-Type")).startsWith("text/plain; version=0.0.4");
                text = r.body().string();
            }
            assertThat(text)
                    .contains("# TYPE branch_agent_db_write_seconds histogram")
                    .containsPattern("(?m)^branch_agent_db_write_seconds_bucket\\{le=\"\\+Inf\"} [1-9]\\d*$")
                    .containsPattern("(?m)^branch_agent_db_write_queue_depth \\d+$")
                    .contains("branch_agent_db_writes_refused_total{reason=\"busy\"} 0")
                    .contains("branch_agent_db_writer_up 1")
                    .contains("branch_agent_http_requests_total{method=\"POST\",route=\"/api/v1/tickets\",status=\"201\"} 1")
                    .contains("branch_agent_event_subscribers 0")
                    .containsPattern("(?m)^branch_agent_outbox_backlog [1-9]\\d*$")
                    .containsPattern("(?m)^branch_agent_outbox_oldest_age_seconds [\\d.E]+$")
                    .containsPattern("(?m)^branch_agent_disk_free_bytes [1-9]\\d*$")
                    .contains("branch_agent_sync_dead_letters 0")
                    .contains("branch_agent_backup_age_seconds -1");
            // every sample line is "name{labels} number", as Prometheus parses it
            for (String line : text.split("\n")) {
                if (!line.startsWith("#")) {
                    assertThat(line).matches("[a-z_]+(\\{[a-z]+=\"[^\"]*\"(,[a-z]+=\"[^\"]*\")*})? -?[0-9.E+-]+|.*\\+Inf\"} \\d+");
                }
            }

            // from the LAN: an IT session, nobody else
            String lan = "http://" + lanAddress().getHostAddress() + ":" + agent.agent().port();
            ApiErrors.assertError(get(lan, null), 401, "unauthorized");
            ApiErrors.assertError(get(lan, agent.sessionToken(Role.SUPERVISOR)), 403, "forbidden");
            try (Response r = get(lan, agent.sessionToken(Role.IT))) {
                assertThat(r.code()).isEqualTo(200);
            }
        }
    }

    private Response get(String base, String token) throws IOException {
        Request.Builder b = new Request.Builder().url(base + "/api/v1/metrics");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.newCall(b.build()).execute();
    }

    /** This machine's address on a network (not loopback): a call to it comes in as from the LAN. */
    private static InetAddress lanAddress() throws IOException {
        for (NetworkInterface nif : java.util.Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nif.isUp() && !nif.isLoopback()) {
                for (InetAddress a : java.util.Collections.list(nif.getInetAddresses())) {
                    if (a instanceof Inet4Address) {
                        return a;
                    }
                }
            }
        }
        throw new IllegalStateException("the test needs a network interface besides loopback");
    }
}
