package vn.hanoi.branch.client;

/**
 * A paired counter PC (its device token) before anyone signs in: the branch's directory and the queue,
 * signing a clerk in, and the window its citizens rate on.
 */
public final class CounterClient extends DeviceClient {
    CounterClient(Transport agent) {
        super(agent);
    }

    /**
     * Signs a clerk, supervisor or IT in on this PC. The session's clients carry the session token; this
     * client keeps acting as the device (e.g. for the customer window).
     */
    public StaffSession login(String username, String password) {
        return StaffSession.open(agent, username, password);
    }

    /** The citizens' window of this PC: the device without any staff session, whoever is signed in. */
    public CustomerWindowClient customerWindow() {
        return new CustomerWindowClient(agent);
    }
}
