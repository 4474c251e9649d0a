package vn.hanoi.branch.client;

import vn.hanoi.branch.api.Ratings;

/**
 * The window a citizen touches on a counter PC: it rates as the counter device, never as the clerk
 * signed in beside it (the agent refuses a rating from a staff session).
 */
public final class CustomerWindowClient {
    private final Transport agent;

    CustomerWindowClient(Transport counterDevice) {
        this.agent = counterDevice;
    }

    /**
     * A citizen's rating of a ticket served today. Safe to retry with the same answer; a different
     * second answer is a 409.
     */
    public Ratings.Rating rate(long ticketId, Ratings.RatingRequest rating) {
        return rate(agent, ticketId, rating);
    }

    static Ratings.Rating rate(Transport citizenDevice, long ticketId, Ratings.RatingRequest rating) {
        return citizenDevice.post("tickets/" + ticketId + "/rating", rating, null, Ratings.Rating.class);
    }
}
