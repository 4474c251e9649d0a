package vn.hanoi.branch.agent.db;

import java.sql.Connection;
import java.sql.SQLException;

/** A unit of reading work on a pooled read-only connection. */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Connection c) throws SQLException;
}
