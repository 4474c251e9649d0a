package vn.hanoi.branch.agent.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.hanoi.branch.agent.testing.TestAgent;
import vn.hanoi.branch.api.Json;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** The OpenAPI document the agent serves describes exactly the routes it has, with their access. */
class OpenApiContractTest {
    @Test
    void documentMatchesRegisteredRoutes() throws Exception {
        try (TestAgent agent = TestAgent.start()) {
            JsonNode doc;
            try (Response r = new OkHttpClient().newCall(new Request.Builder()
                    .url(agent.baseUrl() + "/api/v1/openapi.json").build()).execute()) {
                assertThat(r.code()).isEqualTo(200);
                doc = Json.mapper().readTree(r.body().bytes());
            }
            assertThat(doc.get("openapi").asText()).startsWith("3.");
            Set<String> documented = new HashSet<>();
            for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
                Map.Entry<String, JsonNode> p = paths.next();
                for (Iterator<Map.Entry<String, JsonNode>> ops = p.getValue().fields(); ops.hasNext(); ) {
                    Map.Entry<String, JsonNode> op = ops.next();
                    documented.add(op.getKey().toUpperCase() + " " + p.getKey() + " " + op.getValue().get("x-access").asText());
                }
            }
            Set<String> registered = new HashSet<>();
            for (ApiServer.Route r : agent.agent().server().routes()) {
                registered.add(r.method() + " " + r.path() + " " + r.access());
            }
            assertThat(documented).isEqualTo(registered);
        }
    }
}
