package vn.hanoi.branch.api;

import java.time.Instant;

/** Staff accounts as IT manages them (the administration screens). */
public final class Staff {
    private Staff() {
    }

    /**
     * An account. {@code passwordChangeDue}: IT reset the password, so the next sign-in must choose a new
     * one before anything else.
     */
    public record Account(long id, String username, String displayName, Role role, boolean active,
                          boolean passwordChangeDue, Instant createdAt) {
    }

    /** IT gives a temporary password; the staff member must replace it at their next sign-in. */
    public record PasswordReset(String temporaryPassword) {
    }

    /** A signed-in staff member replaces their own password. */
    public record PasswordChange(String currentPassword, String newPassword) {
    }
}
