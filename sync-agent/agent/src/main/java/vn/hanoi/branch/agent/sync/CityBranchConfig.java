package vn.hanoi.branch.agent.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hanoi.branch.agent.db.Database;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The branch configuration the city pushes (stream branch-config, kept in {@code city_setting}), as
 * agent settings. The city may set only the keys below, which concern service to citizens and
 * reporting; it cannot touch the network, storage, security or the queue's fairness bounds. The branch's
 * own config file or environment wins over the city (see {@code AgentConfig.withCity}); values take
 * effect at the next agent start, like the city's holidays.
 */
public final class CityBranchConfig {
    private static final Logger LOG = LoggerFactory.getLogger(CityBranchConfig.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Keys the city may set, and whether the value must be a whole number. */
    public static final Map<String, Boolean> CITY_MAY = Map.of(
            "hall.notices", false,
            "rating.target.percent", true,
            "booking.checkin.before.minutes", true,
            "booking.checkin.after.minutes", true,
            "queue.noshow.return.minutes", true,
            "sync.alert.backlog.minutes", true,
            "retention.days.after.confirmed", true);

    private CityBranchConfig() {
    }

    public static Set<String> keys() {
        return CITY_MAY.keySet();
    }

    /** The city's values that the agent may use; others are logged and left out. */
    public static Map<String, String> read(Database db) {
        Map<String, String> out = new LinkedHashMap<>();
        db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT key, value FROM city_setting WHERE stream = 'branch-config' ORDER BY key");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String key = rs.getString(1);
                    String value;
                    try {
                        JsonNode item = JSON.readTree(rs.getString(2));
                        value = item.path("value").asText();
                    } catch (java.io.IOException e) {
                        LOG.warn("city branch setting {} is not readable; ignored", key);
                        continue;
                    }
                    Boolean number = CITY_MAY.get(key);
                    if (number == null) {
                        LOG.warn("the city sent branch setting {}, which the city may not set; ignored", key);
                    } else if (number && !value.matches("\\d{1,6}")) {
                        LOG.warn("city branch setting {} is not a whole number; ignored", key);
                    } else {
                        out.put(key, value);
                    }
                }
            }
            return null;
        });
        return out;
    }
}
