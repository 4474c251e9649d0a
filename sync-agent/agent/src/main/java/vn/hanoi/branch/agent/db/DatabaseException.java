package vn.hanoi.branch.agent.db;

import java.sql.SQLException;

/** An SQL failure that is not the caller's fault (disk full, corrupt file, I/O error). */
public final class DatabaseException extends RuntimeException {
    public DatabaseException(SQLException cause) {
        super(cause.getMessage(), cause);
    }
}
