package vn.hanoi.branch.agent.backup;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a restore lost: the events the branch made after the backup (read from the database the restore
 * replaced, or from what the city acknowledged), summed up for the operator and for the numbering. Holds
 * ticket numbers and dossier codes only, never personal data.
 *
 * @param events       how many events
 * @param byTopic      how many per outbox topic
 * @param tickets      the highest ticket sequence seen per service and day (numbering continues above it)
 * @param dossierCodes dossier codes given out (never given again)
 * @param numbers      ticket numbers that were issued, "day number", for the operator
 */
public record LostWork(long events, Map<String, Long> byTopic, List<TicketFloor> tickets, List<String> dossierCodes,
                       List<String> numbers) {

    /** The highest sequence given out for a service on a day. */
    public record TicketFloor(long serviceId, LocalDate day, int seq) {
    }

    /** An event as the outbox held it (and as the city gives it back). */
    public record Event(long sequence, String topic, String key, JsonNode payload) {
    }

    public static final LostWork NONE = new LostWork(0, Map.of(), List.of(), List.of(), List.of());

    public static LostWork of(List<Event> events) {
        Map<String, Long> byTopic = new TreeMap<>();
        Map<String, TicketFloor> floors = new TreeMap<>();
        TreeSet<String> codes = new TreeSet<>();
        TreeSet<String> numbers = new TreeSet<>();
        for (Event e : events) {
            byTopic.merge(e.topic(), 1L, Long::sum);
            if ("dossier".equals(e.topic()) && e.key() != null && !e.key().isBlank()) {
                codes.add(e.key());
            }
            JsonNode t = e.payload() == null ? null : e.payload().path("ticket");
            if ("queue".equals(e.topic()) && t != null && t.hasNonNull("businessDay") && t.has("seq")) {
                TicketFloor f = new TicketFloor(t.path("serviceId").asLong(), LocalDate.parse(t.path("businessDay").asText()),
                        t.path("seq").asInt());
                floors.merge(f.serviceId() + "/" + f.day(), f, (a, b) -> a.seq() >= b.seq() ? a : b);
                numbers.add(f.day() + " " + t.path("displayNumber").asText());
            }
        }
        return new LostWork(events.size(), byTopic, new ArrayList<>(floors.values()), new ArrayList<>(codes),
                new ArrayList<>(numbers));
    }

    /** Both together (the replaced database and the city may each know what the other does not). */
    public LostWork and(LostWork other) {
        Map<String, Long> byTopic = new TreeMap<>(this.byTopic);
        other.byTopic.forEach((k, v) -> byTopic.merge(k, v, Math::max));
        Map<String, TicketFloor> floors = new TreeMap<>();
        for (TicketFloor f : concat(tickets, other.tickets)) {
            floors.merge(f.serviceId() + "/" + f.day(), f, (a, b) -> a.seq() >= b.seq() ? a : b);
        }
        return new LostWork(Math.max(events, other.events), byTopic, new ArrayList<>(floors.values()),
                new ArrayList<>(new TreeSet<>(concat(dossierCodes, other.dossierCodes))),
                new ArrayList<>(new TreeSet<>(concat(numbers, other.numbers))));
    }

    /** One line for the log and the restore command: counts, then the numbers and codes to look for on paper. */
    public String describe() {
        if (events == 0) {
            return "không mất dữ liệu nào / nothing was lost";
        }
        return "mất " + events + " sự kiện / lost " + events + " events " + byTopic + "; số thứ tự / ticket numbers "
                + numbers + "; mã hồ sơ / dossier codes " + dossierCodes;
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
