package vn.hanoi.branch.agent.city;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.hanoi.branch.testkit.city.CitySimulator;
import vn.hanoi.branch.agent.testing.TestCity;
import vn.hanoi.branch.api.Json;

/** The city simulator serves exactly the operations of the contract document: no more, no fewer. */
class CityContractTest {
    @Test
    void simulatorServesEveryPathOfTheContractAndNothingElse() throws Exception {
        JsonNode doc;
        try (InputStream in = CityContractTest.class.getResourceAsStream("/city/city-api-v1.json")) {
            doc = Json.mapper().readTree(in);
        }
        assertThat(doc.path("openapi").asText()).startsWith("3.1");
        assertThat(doc.path("info").path("version").asText()).isEqualTo("1.1.0");
        Set<String> documented = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> p = paths.next();
            assertThat(p.getKey()).startsWith("/city/v1/");
            p.getValue().fieldNames().forEachRemaining(m -> documented.add(m.toUpperCase(Locale.ROOT) + " " + p.getKey()));
        }
        Set<String> served = new HashSet<>();
        try (TestCity city = TestCity.start()) {
            for (CitySimulator.Route r : city.sim().routes()) {
                if (r.path().startsWith("/city/")) {
                    served.add(r.method() + " " + r.path());
                } else {
                    assertThat(r.path()).as("outside the contract only the simulator's own tools").startsWith("/sim/");
                }
            }
        }
        assertThat(served).containsExactlyInAnyOrderElementsOf(documented);
    }
}
