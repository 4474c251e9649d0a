package vn.hanoi.branch.client;

import vn.hanoi.branch.api.Sessions;

/**
 * A staff member signed in on a paired device. Its clients carry the session token, and the agent
 * checks the role on every call: a clerk's {@link #supervisor()} is answered 403. After {@link #logout}
 * its clients are answered 401; sign in again for a new session.
 */
public final class StaffSession {
    private final Transport agent;
    private final Sessions.User user;

    private StaffSession(Transport agent, Sessions.User user) {
        this.agent = agent;
        this.user = user;
    }

    /** Signs in with the device's credential; the session's calls then carry the session token. */
    static StaffSession open(Transport device, String username, String password) {
        Sessions.Session s = device.post("sessions", new Sessions.Login(username, password), null,
                Sessions.Session.class);
        return new StaffSession(device.as(s.token()), s.user());
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

    /** The session token, for the {@link AgentClient} facade only. */
    String token() {
        return agent.token();
    }
}
