package vn.hanoi.branch.api;

/** How a ticket's priority came about, and whether a clerk has checked it. */
public enum PriorityState {
    /** The citizen said so at the kiosk. */
    DECLARED,
    /** Derived from the date of birth on the ID card. */
    CARD,
    /** A clerk saw the proof. */
    CONFIRMED,
    /** A clerk found no grounds: the ticket is served as normal. */
    REVOKED
}
