package vn.hanoi.branch.qr;

/** Why input from a scanner was thrown away instead of delivered as a code. */
public enum DropReason {
    /** Longer than any code we read: line noise, or a scanner sending without line ends. */
    OVERLONG,
    /** Not UTF-8 text, or with control characters in it: a wrong baud rate, or noise when plugging in. */
    NOT_TEXT,
    /** Input that stopped without its line end (Enter): a scan cut off, or stray keys. */
    INCOMPLETE
}
