package vn.hanoi.branch.installer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The commands the READMEs show: every line of a {@code sh} code block (continuations joined, comments
 * dropped) and every code span in a table cell that starts with a program (a path such as
 * {@code bin/card-tool} or {@code ./demo.sh}, or one of {@link #PROGRAMS}).
 */
final class ReadmeCommands {
    /** Programs a documented command may start with besides paths; anything else in a table cell is a value. */
    static final Set<String> PROGRAMS = Set.of("sudo", "mvn", "systemctl", "journalctl", "curl", "ls", "id", "pcsc_scan",
            "scanimage", "apt", "dpkg", "msiexec", "icacls", "umask", "echo", "powershell");
    static final List<String> FILES = List.of("README.md", "installer/README-IT.md");

    /** One documented command: where it is and its text as written (comments and line breaks removed). */
    record Command(String file, int line, String text) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + text;
        }
    }

    private static final Pattern CODE_SPAN = Pattern.compile("`([^`]+)`");

    private ReadmeCommands() {
    }

    static List<Command> in(Path root) throws IOException {
        List<Command> all = new ArrayList<>();
        for (String file : FILES) {
            all.addAll(parse(file, Files.readAllLines(root.resolve(file))));
        }
        return all;
    }

    static List<Command> parse(String file, List<String> lines) {
        List<Command> found = new ArrayList<>();
        boolean inSh = false;
        boolean inOther = false;
        StringBuilder pending = null;
        int pendingLine = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("```")) {
                if (inSh || inOther) {
                    inSh = inOther = false;
                } else if (line.strip().equals("```sh")) {
                    inSh = true;
                } else {
                    inOther = true;
                }
                continue;
            }
            if (inSh) {
                String text = withoutComment(line).strip();
                if (pending != null) {
                    pending.append(' ').append(text);
                } else if (!text.isEmpty()) {
                    pending = new StringBuilder(text);
                    pendingLine = i + 1;
                }
                if (pending != null && !pending.toString().endsWith("\\")) {
                    found.add(new Command(file, pendingLine, pending.toString().replaceAll("\\s+", " ")));
                    pending = null;
                } else if (pending != null) {
                    pending.setLength(pending.length() - 1);
                }
            } else if (!inOther && line.startsWith("|")) {
                Matcher m = CODE_SPAN.matcher(line);
                while (m.find()) {
                    String span = m.group(1).replace("\\|", "|").strip();
                    if (isCommand(span)) {
                        found.add(new Command(file, i + 1, span));
                    }
                }
            }
        }
        return found;
    }

    static boolean isCommand(String span) {
        String first = span.split("\\s+")[0];
        return first.startsWith("bin/") || first.startsWith("./") || first.startsWith("installer/") || PROGRAMS.contains(first);
    }

    /** The line up to a {@code #} that starts a comment (after a blank, outside quotes). */
    static String withoutComment(String line) {
        boolean single = false;
        boolean dbl = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'' && !dbl) {
                single = !single;
            } else if (c == '"' && !single) {
                dbl = !dbl;
            } else if (c == '#' && !single && !dbl && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    /**
     * Splits a command as the shell would for the words we use: blanks separate, quotes group and are
     * removed. (No variables, globs or pipes: a command that needs them is run through {@code bash -c}.)
     */
    static List<String> words(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder w = null;
        char quote = 0;
        for (char c : command.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    w.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                w = w == null ? new StringBuilder() : w;
            } else if (Character.isWhitespace(c)) {
                if (w != null) {
                    words.add(w.toString());
                    w = null;
                }
            } else {
                w = w == null ? new StringBuilder() : w;
                w.append(c);
            }
        }
        if (w != null) {
            words.add(w.toString());
        }
        return words;
    }

    /**
     * Tells the launchers that the checkout is built: in {@code mvn verify} the reactor has just built every
     * module, so a launcher must not start a second Maven build of the same tree while it runs.
     */
    static void markBuilt(Path root) throws IOException {
        Path stamp = root.resolve("target/launchers.built");
        Files.createDirectories(stamp.getParent());
        Files.deleteIfExists(stamp);
        Files.createFile(stamp);
    }
}
