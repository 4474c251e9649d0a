package vn.hanoi.branch.agent.setup;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The setup file: YAML (or JSON, by the name's ending) in the schema of the example the agent package installs
 * ({@code /usr/share/branch-agent/branch.example.yaml}; in the sources under {@code installer/src/deb/branch-agent/tree}).
 * Reading never stops at the first mistake: every wrong type, unknown key and broken rule comes back
 * with its path and line, so IT fixes the file in one go.
 */
public final class SetupFile {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR));
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** What reading gave: the configuration when it can be applied, otherwise every problem. */
    public record Read(BranchSetup setup, List<SetupProblem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private SetupFile() {
    }

    public static boolean isJson(String fileName) {
        return fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".json");
    }

    /** Parses and checks {@code text}; problems carry the line of the value they are about. */
    public static Read read(String text, boolean json) {
        ObjectMapper mapper = json ? JSON : YAML;
        Map<String, Integer> lines;
        JsonNode root;
        try {
            lines = lines(mapper.getFactory(), text);
            root = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            return new Read(null, List.of(new SetupProblem("", line,
                    "Tệp không đúng cú pháp " + (json ? "JSON" : "YAML") + ": " + e.getOriginalMessage(),
                    "The file is not valid " + (json ? "JSON" : "YAML") + ": " + e.getOriginalMessage())));
        }
        SetupTree tree = new SetupTree();
        BranchSetup setup = tree.setup(root);
        List<SetupProblem> problems = new ArrayList<>(tree.problems());
        if (setup != null) {
            // the rules too, except about a value already named as the wrong type or missing
            for (SetupProblem rule : SetupRules.check(setup)) {
                if (tree.problems().stream().noneMatch(t -> related(t.path(), rule.path()))) {
                    problems.add(rule);
                }
            }
        }
        List<SetupProblem> located = problems.stream().map(p -> p.atLine(lineOf(lines, p.path())))
                .sorted(java.util.Comparator.comparingInt(SetupProblem::line)).toList();
        return new Read(located.isEmpty() ? setup : null, located);
    }

    /** The configuration in the file format ({@code export-config}); reading it back gives it again. */
    public static String write(BranchSetup setup, boolean json) {
        ObjectNode root = SetupTree.toTree(setup);
        try {
            if (json) {
                return JSON.writeValueAsString(root) + "\n";
            }
            return "# Branch configuration, written by branch-agent export-config. Apply with:\n"
                    + "#   sudo branch-agent setup --file THIS_FILE\n" + YAML.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean related(String a, String b) {
        return a.equals(b) || a.startsWith(b + ".") || b.startsWith(a + ".") || a.startsWith(b + "[") || b.startsWith(a + "[");
    }

    /** The line of {@code path} or of its nearest enclosing value that has one. */
    private static int lineOf(Map<String, Integer> lines, String path) {
        String p = path;
        while (!p.isEmpty()) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut < 0 ? "" : p.substring(0, cut);
        }
        return 0;
    }

    /** Every key and list item's path ("services[2].prefix") with the line it starts on. */
    private static Map<String, Integer> lines(JsonFactory factory, String text) throws JsonProcessingException {
        Map<String, Integer> out = new HashMap<>();
        Deque<String> containers = new ArrayDeque<>();
        Deque<int[]> indexes = new ArrayDeque<>(); // per open container: next array index, -1 in an object
        String key = "";
        try (JsonParser p = factory.createParser(text)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                int line = p.currentTokenLocation().getLineNr();
                if (t == JsonToken.FIELD_NAME) {
                    String parent = containers.isEmpty() ? "" : containers.peek();
                    key = parent.isEmpty() ? p.currentName() : parent + "." + p.currentName();
                    out.putIfAbsent(key, line);
                    continue;
                }
                if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    containers.pop();
                    indexes.pop();
                    continue;
                }
                String path = key;
                if (!indexes.isEmpty() && indexes.peek()[0] >= 0) {
                    path = containers.peek() + "[" + indexes.peek()[0]++ + "]";
                    out.putIfAbsent(path, line);
                } else if (containers.isEmpty()) {
                    path = "";
                }
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    containers.push(path);
                    indexes.push(new int[] {t == JsonToken.START_ARRAY ? 0 : -1});
                }
            }
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
