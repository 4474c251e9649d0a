package vn.hanoi.branch.agent.setup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.hanoi.branch.agent.branch.HallNotices;

/**
 * The setup file's tree to {@link BranchSetup} and back. Keeps going past a wrong value (noting it with
 * its path) so one read reports every wrong type and unknown key; the rules come after, in
 * {@link SetupRules}.
 */
final class SetupTree {
    private static final Pattern SPAN = Pattern.compile("(\\d{1,2}:\\d{2})\\s*-\\s*(\\d{1,2}:\\d{2})");
    private static final Map<String, DayOfWeek> DAYS = days();
    private final List<SetupProblem> problems = new ArrayList<>();

    List<SetupProblem> problems() {
        return problems;
    }

    BranchSetup setup(JsonNode root) {
        if (root == null || !root.isObject()) {
            problems.add(new SetupProblem("", 0, "Tệp cấu hình trống hoặc không phải một bảng khóa–giá trị.",
                    "The setup file is empty or not a map of keys."));
            return null;
        }
        keys(root, "", Set.of("branch", "services", "counters", "priorityClasses", "hallNotices",
                "satisfactionTargetPercent"));
        JsonNode b = object(root, "branch", true);
        BranchSetup.Identity identity = b == null ? null : new BranchSetup.Identity(text(b, "branch", "code", true),
                text(b, "branch", "agencyCode", false), text(b, "branch", "nameVi", true),
                text(b, "branch", "nameEn", true), text(b, "branch", "address", false),
                text(b, "branch", "timeZone", true));
        if (b != null) {
            keys(b, "branch", Set.of("code", "agencyCode", "nameVi", "nameEn", "address", "timeZone"));
        }
        List<BranchSetup.Service> services = new ArrayList<>();
        items(root, "services", true).forEach((path, n) -> services.add(service(n, path)));
        List<BranchSetup.Counter> counters = new ArrayList<>();
        items(root, "counters", true).forEach((path, n) -> counters.add(counter(n, path)));
        List<BranchSetup.PriorityClass> classes = null;
        if (root.has("priorityClasses")) {
            List<BranchSetup.PriorityClass> list = new ArrayList<>();
            items(root, "priorityClasses", false).forEach((path, n) -> {
                keys(n, path, Set.of("code", "nameVi", "nameEn", "minAge", "sort", "active"));
                list.add(new BranchSetup.PriorityClass(text(n, path, "code", true), text(n, path, "nameVi", true),
                        text(n, path, "nameEn", true), integer(n, path, "minAge", null),
                        integer(n, path, "sort", 100), bool(n, path, "active", true)));
            });
            classes = list;
        }
        List<HallNotices.Notice> notices = null;
        if (root.has("hallNotices")) {
            List<HallNotices.Notice> list = new ArrayList<>();
            items(root, "hallNotices", false).forEach((path, n) -> {
                keys(n, path, Set.of("vi", "en"));
                list.add(new HallNotices.Notice(text(n, path, "vi", true), text(n, path, "en", true)));
            });
            notices = list;
        }
        return new BranchSetup(identity, services, counters, classes, notices,
                integer(root, "", "satisfactionTargetPercent", null));
    }

    private BranchSetup.Service service(JsonNode n, String path) {
        keys(n, path, Set.of("code", "prefix", "nameVi", "nameEn", "numbers", "hours", "greenChannel", "dailyCap",
                "bookingSharePercent", "active"));
        int from = 0;
        int to = 0;
        JsonNode numbers = object(path + ".numbers", n.get("numbers"), true);
        if (numbers != null) {
            keys(numbers, path + ".numbers", Set.of("from", "to"));
            from = integer(numbers, path + ".numbers", "from", 0);
            to = integer(numbers, path + ".numbers", "to", 0);
            if (!numbers.has("from") || !numbers.has("to")) {
                problems.add(new SetupProblem(path + ".numbers", 0, "Dải số cần cả 'from' và 'to'.",
                        "The number range needs both 'from' and 'to'."));
            }
        }
        Map<DayOfWeek, BranchSetup.Hours> hours = new EnumMap<>(DayOfWeek.class);
        JsonNode h = object(path + ".hours", n.get("hours"), true);
        if (h != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = h.fields(); it.hasNext(); ) {
                var e = it.next();
                String at = path + ".hours." + e.getKey();
                DayOfWeek day = DAYS.get(e.getKey());
                if (day == null) {
                    problems.add(new SetupProblem(at, 0, "Ngày không hợp lệ '" + e.getKey() + "': dùng mon, tue, wed, thu, fri, sat, sun.",
                            "Unknown day '" + e.getKey() + "': use mon, tue, wed, thu, fri, sat, sun."));
                    continue;
                }
                BranchSetup.Hours span = span(e.getValue(), at);
                if (span != null) {
                    hours.put(day, span);
                }
            }
        }
        String prefix = text(n, path, "prefix", false);
        return new BranchSetup.Service(text(n, path, "code", true), prefix == null ? "" : prefix,
                text(n, path, "nameVi", true), text(n, path, "nameEn", true), from, to, hours,
                bool(n, path, "greenChannel", false), integer(n, path, "dailyCap", null),
                integer(n, path, "bookingSharePercent", 0), bool(n, path, "active", true));
    }

    private BranchSetup.Counter counter(JsonNode n, String path) {
        keys(n, path, Set.of("number", "nameVi", "nameEn", "area", "services", "active"));
        List<String> served = new ArrayList<>();
        list(path + ".services", n.get("services"), true).forEach((at, s) -> {
            if (s.isTextual()) {
                served.add(s.asText());
            } else {
                wrongType(at, "mã dịch vụ (chữ)", "a service code (text)", s);
            }
        });
        return new BranchSetup.Counter(integer(n, path, "number", 0), text(n, path, "nameVi", true),
                text(n, path, "nameEn", true), text(n, path, "area", false), served, bool(n, path, "active", true));
    }

    private BranchSetup.Hours span(JsonNode v, String at) {
        Matcher m = v.isTextual() ? SPAN.matcher(v.asText().strip()) : null;
        if (m == null || !m.matches()) {
            problems.add(new SetupProblem(at, 0, "Giờ mở cửa phải có dạng \"07:30-17:00\", không phải '" + v.asText() + "'.",
                    "Opening hours must look like \"07:30-17:00\", not '" + v.asText() + "'."));
            return null;
        }
        try {
            return new BranchSetup.Hours(time(m.group(1)), time(m.group(2)));
        } catch (DateTimeParseException e) {
            problems.add(new SetupProblem(at, 0, "Giờ không tồn tại trong '" + v.asText() + "'.",
                    "No such time of day in '" + v.asText() + "'."));
            return null;
        }
    }

    private static LocalTime time(String hhmm) {
        return LocalTime.parse(hhmm.length() == 4 ? "0" + hhmm : hhmm);
    }

    // ---- typed access that records what is wrong and goes on ----

    private void keys(JsonNode n, String path, Set<String> known) {
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!known.contains(k)) {
                problems.add(new SetupProblem(path.isEmpty() ? k : path + "." + k, 0,
                        "Khóa không được biết '" + k + "' (gõ nhầm?). Các khóa ở đây: " + String.join(", ", known.stream().sorted().toList()) + ".",
                        "Unknown key '" + k + "' (a typo?). Keys here: " + String.join(", ", known.stream().sorted().toList()) + "."));
            }
        }
    }

    /** True when {@code v} is not there; a required one is noted as missing. */
    private boolean absent(JsonNode v, String path, boolean required) {
        if (v != null && !v.isNull()) {
            return false;
        }
        if (required) {
            missing(path);
        }
        return true;
    }

    private JsonNode object(JsonNode parent, String key, boolean required) {
        return object(key, parent.get(key), required);
    }

    private JsonNode object(String path, JsonNode v, boolean required) {
        if (absent(v, path, required)) {
            return null;
        }
        if (!v.isObject()) {
            wrongType(path, "một bảng khóa–giá trị", "a map of keys", v);
            return null;
        }
        return v;
    }

    /** The list's items that are maps, by path. */
    private Map<String, JsonNode> items(JsonNode parent, String key, boolean required) {
        Map<String, JsonNode> out = new java.util.LinkedHashMap<>();
        list(key, parent.get(key), required).forEach((at, item) -> {
            if (item.isObject()) {
                out.put(at, item);
            } else {
                wrongType(at, "một bảng khóa–giá trị", "a map of keys", item);
            }
        });
        return out;
    }

    private Map<String, JsonNode> list(String path, JsonNode v, boolean required) {
        Map<String, JsonNode> out = new java.util.LinkedHashMap<>();
        if (absent(v, path, required)) {
            return out;
        }
        if (!v.isArray()) {
            wrongType(path, "một danh sách", "a list", v);
            return out;
        }
        for (int i = 0; i < v.size(); i++) {
            out.put(path + "[" + i + "]", v.get(i));
        }
        return out;
    }

    private String text(JsonNode n, String path, String key, boolean required) {
        String at = path.isEmpty() ? key : path + "." + key;
        JsonNode v = n.get(key);
        if (absent(v, at, required)) {
            return null;
        }
        if (!v.isValueNode() || v.isBoolean()) {
            wrongType(at, "chữ", "text", v);
            return null;
        }
        return v.asText();
    }

    private Integer integer(JsonNode n, String path, String key, Integer absent) {
        String at = path.isEmpty() ? key : path + "." + key;
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            return absent;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            wrongType(at, "số nguyên", "a whole number", v);
            return absent;
        }
        return v.intValue();
    }

    private boolean bool(JsonNode n, String path, String key, boolean absent) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            return absent;
        }
        if (!v.isBoolean()) {
            wrongType(path + "." + key, "true hoặc false", "true or false", v);
            return absent;
        }
        return v.booleanValue();
    }

    private void missing(String path) {
        problems.add(new SetupProblem(path, 0, "Thiếu giá trị bắt buộc.", "A required value is missing."));
    }

    private void wrongType(String path, String vi, String en, JsonNode v) {
        String shown = v.isValueNode() ? "'" + v.asText() + "'" : v.isArray() ? "a list" : "a map";
        problems.add(new SetupProblem(path, 0, "Cần " + vi + ", không phải " + shown + ".",
                "Expected " + en + ", not " + shown + "."));
    }

    private static Map<String, DayOfWeek> days() {
        Map<String, DayOfWeek> out = new java.util.HashMap<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            out.put(BranchSetup.Hours.dayKey(d), d);
        }
        return Map.copyOf(out);
    }

    // ---- and back ----

    static ObjectNode toTree(BranchSetup s) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        ObjectNode b = root.putObject("branch");
        b.put("code", s.branch().code());
        b.put("agencyCode", s.branch().agencyCode());
        b.put("nameVi", s.branch().nameVi());
        b.put("nameEn", s.branch().nameEn());
        b.put("address", s.branch().address());
        b.put("timeZone", s.branch().timeZone());
        if (s.satisfactionTargetPercent() != null) {
            root.put("satisfactionTargetPercent", s.satisfactionTargetPercent());
        }
        ArrayNode services = root.putArray("services");
        for (BranchSetup.Service v : s.services()) {
            ObjectNode o = services.addObject();
            o.put("code", v.code());
            o.put("prefix", v.prefix());
            o.put("nameVi", v.nameVi());
            o.put("nameEn", v.nameEn());
            o.putObject("numbers").put("from", v.numberStart()).put("to", v.numberEnd());
            ObjectNode hours = o.putObject("hours");
            new EnumMap<>(v.hours()).forEach((d, h) -> hours.put(BranchSetup.Hours.dayKey(d), h.toString()));
            o.put("greenChannel", v.greenChannel());
            if (v.dailyCap() != null) {
                o.put("dailyCap", v.dailyCap());
            }
            o.put("bookingSharePercent", v.bookingSharePercent());
            o.put("active", v.active());
        }
        ArrayNode counters = root.putArray("counters");
        for (BranchSetup.Counter c : s.counters()) {
            ObjectNode o = counters.addObject();
            o.put("number", c.number());
            o.put("nameVi", c.nameVi());
            o.put("nameEn", c.nameEn());
            o.put("area", c.area());
            ArrayNode served = o.putArray("services");
            c.services().forEach(served::add);
            o.put("active", c.active());
        }
        if (s.priorityClasses() != null) {
            ArrayNode classes = root.putArray("priorityClasses");
            for (BranchSetup.PriorityClass p : s.priorityClasses()) {
                ObjectNode o = classes.addObject();
                o.put("code", p.code());
                o.put("nameVi", p.nameVi());
                o.put("nameEn", p.nameEn());
                if (p.minAge() != null) {
                    o.put("minAge", p.minAge());
                }
                o.put("sort", p.sort());
                o.put("active", p.active());
            }
        }
        if (s.hallNotices() != null) {
            ArrayNode notices = root.putArray("hallNotices");
            s.hallNotices().forEach(n -> notices.addObject().put("vi", n.vi()).put("en", n.en()));
        }
        return root;
    }
}
