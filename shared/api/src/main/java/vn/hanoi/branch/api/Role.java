package vn.hanoi.branch.api;

/** Staff roles, from least to most privileged for queue work; IT manages devices and accounts. */
public enum Role {
    CLERK, SUPERVISOR, IT;

    public boolean atLeast(Role other) {
        return ordinal() >= other.ordinal();
    }
}
