package vn.hanoi.branch.api;

/** Staff login on a paired counter device. */
public final class Sessions {
    private Sessions() {
    }

    public record Login(String username, String password) {
    }

    public record User(long id, String username, String displayName, Role role) {
    }

    public record Session(String token, User user) {
    }

    public record NewUser(String username, String displayName, String password, Role role) {
    }
}
