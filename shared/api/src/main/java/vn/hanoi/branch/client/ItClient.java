package vn.hanoi.branch.client;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;
import vn.hanoi.branch.api.DeadLetter;
import vn.hanoi.branch.api.Pairing;
import vn.hanoi.branch.api.Sessions;

/** An IT session: pairing devices, revoking them, staff accounts, and sync items that wait for IT. */
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

    /** Sync items parked for IT (refused by the city, or failing to apply), oldest first. */
    public List<DeadLetter> deadLetters() {
        return agent.get("dead-letters", new TypeReference<List<DeadLetter>>() { });
    }

    /** Puts a dead letter back in line: the outbox event is sent again, the city item applied again. */
    public void retryDeadLetter(long id) {
        agent.post("dead-letters/" + id + "/retry", null, null, Void.class);
    }
}
