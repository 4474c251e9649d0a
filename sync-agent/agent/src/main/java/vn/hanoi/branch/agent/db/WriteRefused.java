package vn.hanoi.branch.agent.db;

/**
 * A write the database did not take, for a reason the caller can tell people about: the agent turns it into
 * a bilingual "busy"/"disk full" answer (503) instead of a generic error or a request that never ends.
 */
public final class WriteRefused extends RuntimeException {
    /** Why, each with what the caller can rely on. */
    public enum Reason {
        /** The write queue is full: nothing was saved, try again in a moment. */
        BUSY("Máy chủ chi nhánh đang quá tải, chưa lưu được. Vui lòng thử lại sau ít giây.",
                "The branch server is overloaded and did not save this. Please try again in a few seconds."),
        /** Not started before the deadline: nothing was saved. */
        TIMEOUT("Máy chủ chi nhánh phản hồi quá chậm, chưa lưu được. Vui lòng thử lại; nếu lặp lại, báo bộ phận IT.",
                "The branch server is too slow and did not save this. Please try again; call IT if it keeps happening."),
        /** Started but not committed before the deadline: repeating the same request is safe (idempotent). */
        UNCERTAIN("Máy chủ chi nhánh chưa xác nhận kịp việc lưu. Hãy làm lại đúng thao tác này (không tạo bản ghi trùng).",
                "The branch server could not confirm the save in time. Repeat the same action (it will not be done twice)."),
        /** The writer thread is gone (the agent is restarting): nothing of this was saved. */
        WRITER_DOWN("Máy chủ chi nhánh đang khởi động lại bộ ghi dữ liệu, chưa lưu được. Vui lòng thử lại sau một phút; "
                + "nếu lặp lại, báo bộ phận IT.",
                "The branch server's database writer stopped and the agent is restarting; nothing was saved. Try again in a "
                        + "minute; call IT if it keeps happening."),
        /** SQLite reported a full disk: this write was rolled back, everything acknowledged before is kept. */
        DISK_FULL("Ổ đĩa của máy chủ chi nhánh đã đầy, chưa lưu được. Hãy báo bộ phận IT giải phóng dung lượng.",
                "The branch server's disk is full; this was not saved. Ask IT to free disk space.");

        private final String messageVi;
        private final String messageEn;

        Reason(String messageVi, String messageEn) {
            this.messageVi = messageVi;
            this.messageEn = messageEn;
        }

        public String messageVi() {
            return messageVi;
        }

        public String messageEn() {
            return messageEn;
        }
    }

    private final Reason reason;

    public WriteRefused(Reason reason, Throwable cause) {
        super(reason + ": " + reason.messageEn(), cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** True when {@code t} or one of its causes is SQLite saying the disk (or the file's quota) is full. */
    static boolean isDiskFull(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof org.sqlite.SQLiteException se
                    && se.getResultCode().code == org.sqlite.SQLiteErrorCode.SQLITE_FULL.code) {
                return true;
            }
            String m = c.getMessage();
            if (m != null && (m.contains("SQLITE_FULL") || m.contains("database or disk is full")
                    || m.contains("No space left on device"))) {
                return true;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return false;
    }
}
