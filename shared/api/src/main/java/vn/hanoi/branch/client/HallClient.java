package vn.hanoi.branch.client;

/** A paired hall screen (its device token): the branch, the queue and its events, nothing more. */
public final class HallClient extends DeviceClient {
    HallClient(Transport agent) {
        super(agent);
    }
}
