package vn.hanoi.branch.client;

import vn.hanoi.branch.api.Pairing;
import vn.hanoi.branch.api.Sessions;

/** An IT session: pairing devices, revoking them, and staff accounts. */
public final class ItClient extends DeviceClient {
    ItClient(Transport session) {
        super(session);
    }

    /** A short-lived code a new device trades for its token ({@link AgentLink#pair}). */
    public Pairing.Code createPairingCode(Pairing.CodeRequest request) {
        return agent.post("devices/pairing-codes", request, null, Pairing.Code.class);
    }

    /** Locks a device out for good (lost or replaced): its token is answered 401 from now on. */
    public void revokeDevice(long deviceId) {
        agent.delete("devices/" + deviceId);
    }

    public Sessions.User createUser(Sessions.NewUser user) {
        return agent.post("users", user, null, Sessions.User.class);
    }
}
