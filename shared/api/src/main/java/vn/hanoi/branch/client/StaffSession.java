package vn.hanoi.branch.client;

import vn.hanoi.branch.api.Sessions;
import vn.hanoi.branch.api.Staff;

/**
 * A staff member signed in on a paired device. Its clients carry the session token, and the agent
 * checks the role on every call: a clerk's {@link #supervisor()} is answered 403. After {@link #logout}
 * its clients are answered 401; sign in again for a new session.
 */
public final class StaffSession {
    private final Transport agent;
    private final Sessions.User user;
    private volatile boolean passwordChangeDue;

    private StaffSession(Transport agent, Sessions.User user, boolean passwordChangeDue) {
        this.agent = agent;
        this.user = user;
        this.passwordChangeDue = passwordChangeDue;
    }

    /** Signs in with the device's credential; the session's calls then carry the session token. */
    static StaffSession open(Transport device, String username, String password) {
        Sessions.Session s = device.post("sessions", new Sessions.Login(username, password), null,
                Sessions.Session.class);
        return new StaffSession(device.as(s.token()), s.user(), s.passwordChangeDue());
    }

    /**
     * True after IT reset the password, until {@link #changePassword} succeeded: the agent refuses every
     * other call of this session (403 {@code password_change_required}), so the app asks for a new one first.
     */
    public boolean passwordChangeDue() {
        return passwordChangeDue;
    }

    /** Replaces the signed-in member's own password; the session goes on. */
    public void changePassword(String currentPassword, String newPassword) {
        agent.post("sessions/current/password", new Staff.PasswordChange(currentPassword, newPassword), null, Void.class);
        passwordChangeDue = false;
    }

    /** Who signed in, with their role. */
    public Sessions.User user() {
        return user;
    }

    /** The counter's work: calling and serving tickets, receiving and handing over dossiers. */
    public DeskClient desk() {
        return new DeskClient(agent);
    }

    /** Supervisor's figures, reports and end of day (also IT's). */
    public SupervisorClient supervisor() {
        return new SupervisorClient(agent);
    }

    /** IT's devices and accounts. */
    public ItClient it() {
        return new ItClient(agent);
    }

    /** Ends the session at the agent. */
    public void logout() {
        agent.delete("sessions/current");
    }
}
