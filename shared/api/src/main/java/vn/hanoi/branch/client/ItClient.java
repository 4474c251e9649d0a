package vn.hanoi.branch.client;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;
import vn.hanoi.branch.api.DeadLetter;
import vn.hanoi.branch.api.Devices;
import vn.hanoi.branch.api.Pairing;
import vn.hanoi.branch.api.Sessions;
import vn.hanoi.branch.api.Staff;

/** An IT session: pairing devices, revoking them, staff accounts, and sync items that wait for IT. */
public final class ItClient extends DeviceClient {
    ItClient(Transport session) {
        super(session);
    }

    /** A short-lived code a new device trades for its token ({@link AgentLink#pair}). */
    public Pairing.Code createPairingCode(Pairing.CodeRequest request) {
        return agent.post("devices/pairing-codes", request, null, Pairing.Code.class);
    }

    /** Every paired device with its kind, name, last request and whether it was revoked, newest first. */
    public List<Devices.Device> devices() {
        return agent.get("devices", new TypeReference<List<Devices.Device>>() { });
    }

    /**
     * Locks a device out for good (lost or replaced): its next request is answered 401 {@code device_revoked},
     * whose message tells whoever stands at it to ask IT to pair it again.
     */
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

    /** Every staff account, active or not, by username. */
    public List<Staff.Account> users() {
        return agent.get("users", new TypeReference<List<Staff.Account>>() { });
    }

    /** Disables an account: its sessions end and it cannot sign in again (not one's own, not the last IT one). */
    public Staff.Account disableUser(long userId) {
        return agent.post("users/" + userId + "/disable", null, null, Staff.Account.class);
    }

    /** A temporary password, which its owner must replace at the next sign-in. */
    public Staff.Account resetPassword(long userId, String temporaryPassword) {
        return agent.post("users/" + userId + "/password-reset", new Staff.PasswordReset(temporaryPassword), null,
                Staff.Account.class);
    }
}
