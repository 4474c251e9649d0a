package vn.hanoi.branch.agent.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import vn.hanoi.branch.agent.db.Database;
import vn.hanoi.branch.calendar.HolidayOverrides;
import vn.hanoi.branch.api.Json;

/**
 * The city's holiday calendar as pulled ({@code city_setting}, stream holidays), in the form of the
 * branch's own override list, so the working-day count for appointments includes it. Read at start.
 */
public final class CityHolidays {
    private CityHolidays() {
    }

    public static HolidayOverrides load(Database db) {
        StringBuilder csv = new StringBuilder(HolidayOverrides.HEADER).append('\n');
        int n = db.read(c -> {
            int count = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT value FROM city_setting WHERE stream = 'holidays' ORDER BY key");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    JsonNode item = Json.mapper().readTree(rs.getString(1));
                    csv.append(item.path("date").asText()).append(',').append(item.path("kind").asText()).append(',')
                            .append(quote(item.path("nameVi").asText("Ngày nghỉ do thành phố thông báo"))).append(',')
                            .append(quote(item.path("nameEn").asText("Day announced by the city"))).append(",\n");
                    count++;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return count;
        });
        if (n == 0) {
            return HolidayOverrides.none();
        }
        try {
            return HolidayOverrides.parse(new StringReader(csv.toString()), "city holidays");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Checks an item before it is stored: a date and OFF or WORK (else the inbox skips it). */
    static void check(JsonNode item) {
        java.time.LocalDate.parse(item.path("date").asText());
        String kind = item.path("kind").asText();
        if (!kind.equals("OFF") && !kind.equals("WORK")) {
            throw new IllegalArgumentException("holiday kind must be OFF or WORK, not " + kind);
        }
    }

    private static String quote(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
