package vn.hanoi.branch.agent.db;

import java.sql.SQLException;

/** A unit of writing work; it runs on the single writer thread inside a transaction. */
@FunctionalInterface
public interface WriteWork<T> {
    T run(WriteTx tx) throws SQLException;
}
