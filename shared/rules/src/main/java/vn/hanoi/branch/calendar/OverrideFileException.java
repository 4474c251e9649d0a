package vn.hanoi.branch.calendar;

/**
 * An override file that cannot be read as written. The message names the file and the line and
 * says what is wrong there, because the person reading it is branch IT with a text editor.
 */
public class OverrideFileException extends IllegalArgumentException {
    private final String source;
    private final int line;

    public OverrideFileException(String source, int line, String problem) {
        super(source + " line " + line + ": " + problem);
        this.source = source;
        this.line = line;
    }

    public String source() {
        return source;
    }

    /** 1-based line number in the file. */
    public int line() {
        return line;
    }
}
