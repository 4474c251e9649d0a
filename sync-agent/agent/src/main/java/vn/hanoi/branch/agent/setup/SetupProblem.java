package vn.hanoi.branch.agent.setup;

/**
 * One thing wrong with a configuration: where ({@code path} such as {@code services[2].prefix}, and the
 * file's line, 0 when the configuration did not come from a file) and what, in Vietnamese then English.
 */
public record SetupProblem(String path, int line, String vi, String en) {

    public SetupProblem atLine(int value) {
        return new SetupProblem(path, value, vi, en);
    }

    /** "dòng 12 / line 12, services[2].prefix: vi / en" — one line a problem, as the command prints them. */
    @Override
    public String toString() {
        String where = line > 0 ? "dòng " + line + " / line " + line + ", " : "";
        return where + (path.isEmpty() ? "(file)" : path) + ": " + vi + " / " + en;
    }
}
