package vn.hanoi.branch.api;

/** Staff login on a paired counter device. */
public final class Sessions {
    private Sessions() {
    }

    public record Login(String username, String password) {
    }

    public record User(long id, String username, String displayName, Role role) {
    }

    /**
     * @param passwordChangeDue IT reset the password: until the user chose a new one the session may only
     *                          change it or sign out
     */
    public record Session(String token, User user, boolean passwordChangeDue) {
    }

    public record NewUser(String username, String displayName, String password, Role role) {
    }
}
