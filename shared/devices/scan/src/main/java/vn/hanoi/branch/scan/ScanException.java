package vn.hanoi.branch.scan;

/**
 * A scan that could not go on, with what to tell the clerk in Vietnamese and English. {@code code} is
 * stable for programs and tests: no_scanner, jammed, cover_open, busy, scanner_failed, unreadable_file,
 * unsupported_file.
 */
public final class ScanException extends Exception {
    private final String code;
    private final String messageVi;
    private final String messageEn;

    public ScanException(String code, String messageVi, String messageEn) {
        super(messageEn);
        this.code = code;
        this.messageVi = messageVi;
        this.messageEn = messageEn;
    }

    public ScanException(String code, String messageVi, String messageEn, Throwable cause) {
        this(code, messageVi, messageEn);
        initCause(cause);
    }

    public String code() {
        return code;
    }

    public String messageVi() {
        return messageVi;
    }

    public String messageEn() {
        return messageEn;
    }

    /** Vietnamese first, English beneath, as staff screens show errors. */
    public String bilingual() {
        return messageVi + "\n" + messageEn;
    }
}
