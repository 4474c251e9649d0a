package vn.hanoi.branch.client;

import java.time.Duration;
import vn.hanoi.branch.api.Health;
import vn.hanoi.branch.api.Pairing;

/**
 * Where the agent is, and what anyone may ask it before having a token: its health, and pairing a
 * device with a code from IT. Makes the client of each paired device; they all share this link's
 * connections, and each keeps its own credential for its whole life.
 *
 * <pre>{@code
 * AgentLink agent = AgentLink.to("http://192.168.1.10:8470");
 * Pairing.Result device = agent.pair(code, "Quầy 3");            // once; keep device.token()
 * CounterClient counter = agent.counter(device.token());
 * DeskClient desk = counter.login(username, password).desk();
 * }</pre>
 *
 * <p>Calls block (apps run them off the UI thread); every failure is an {@link AgentException} with a
 * bilingual message.
 */
public final class AgentLink {
    private final Transport agent;

    AgentLink(Transport agent) {
        this.agent = agent;
    }

    Transport transport() {
        return agent;
    }

    /** A link with the timeouts suited to a branch LAN. */
    public static AgentLink to(String baseUrl) {
        return builder(baseUrl).build();
    }

    public static Builder builder(String baseUrl) {
        return new Builder(baseUrl);
    }

    public String baseUrl() {
        return agent.baseUrl();
    }

    public Health health() {
        return agent.get("health", Health.class);
    }

    /** Trades a pairing code for the device's credentials; keep {@code token()} for the next runs. */
    public Pairing.Result pair(String code, String deviceName) {
        return agent.post("devices/pair", new Pairing.Request(code, deviceName), null, Pairing.Result.class);
    }

    /** The client of a paired kiosk. */
    public KioskClient kiosk(String deviceToken) {
        return new KioskClient(agent.as(deviceToken));
    }

    /** The client of a paired counter PC, before anyone signs in on it. */
    public CounterClient counter(String deviceToken) {
        return new CounterClient(agent.as(deviceToken));
    }

    /** The client of a paired hall screen. */
    public HallClient hall(String deviceToken) {
        return new HallClient(agent.as(deviceToken));
    }

    /** Builder with defaults suited to a branch LAN. */
    public static final class Builder {
        private final String baseUrl;
        private Duration connectTimeout = Duration.ofSeconds(3);
        private Duration readTimeout = Duration.ofSeconds(10);

        private Builder(String baseUrl) {
            this.baseUrl = baseUrl;
        }

        public Builder connectTimeout(Duration d) {
            this.connectTimeout = d;
            return this;
        }

        public Builder readTimeout(Duration d) {
            this.readTimeout = d;
            return this;
        }

        public AgentLink build() {
            return new AgentLink(Transport.open(baseUrl, connectTimeout, readTimeout));
        }
    }
}
