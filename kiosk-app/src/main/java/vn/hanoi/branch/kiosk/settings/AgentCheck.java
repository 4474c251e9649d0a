package vn.hanoi.branch.kiosk.settings;

import vn.hanoi.branch.api.Health;
import vn.hanoi.branch.client.AgentLink;
import vn.hanoi.branch.client.AgentException;

import java.time.Duration;

/** The agent's Test button: {@code GET /api/v1/health} at the address typed, with the round trip time. Blocks. */
public final class AgentCheck {
    private AgentCheck() {
    }

    public static CheckResult run(String url) {
        if (url == null || url.isBlank()) {
            return CheckResult.of(false, "settings.agent.noUrl");
        }
        AgentLink client;
        try {
            client = AgentLink.builder(url.strip()).connectTimeout(Duration.ofSeconds(3))
                    .readTimeout(Duration.ofSeconds(5)).build();
        } catch (RuntimeException e) {
            return CheckResult.of(false, "settings.agent.badUrl");
        }
        long start = System.nanoTime();
        try {
            Health h = client.health();
            long ms = Math.max(1, (System.nanoTime() - start) / 1_000_000);
            return CheckResult.of(h.database(), h.database() ? "settings.agent.ok" : "settings.agent.noDatabase",
                    h.version(), ms);
        } catch (AgentException e) {
            return new CheckResult(false, e.error().messageVi(), e.error().messageEn());
        }
    }
}
