package vn.hanoi.branch.printer.serial;

import vn.hanoi.branch.printer.PrintOutcome;
import vn.hanoi.branch.printer.TicketPrint;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which tickets have (maybe) gone to paper. A second print of the same ticket is always marked as a
 * reprint, also when the first one failed after bytes were sent: part of it, or all of it, may be in
 * someone's hand, and two unmarked copies of one number cause disputes at the counter.
 */
public final class PrintJournal {
    private static final int REMEMBERED = 1000;

    private record Key(String number, LocalDateTime issuedAt) {
    }

    private final Map<Key, Boolean> sent = new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Boolean> e) {
            return size() > REMEMBERED;
        }
    };

    /** The ticket to print: unchanged the first time, marked as reprint after anything reached the printer. */
    public synchronized TicketPrint prepare(TicketPrint t) {
        if (t.reprint() || !sent.containsKey(key(t))) {
            return t;
        }
        return new TicketPrint(t.branchNameVi(), t.serviceNameVi(), t.serviceNameEn(), t.displayNumber(),
                t.priorityVi(), t.issuedAt(), t.waitingAhead(), t.estimateMinutes(), t.lookupUrl(), t.noticeVi(), true);
    }

    public synchronized void record(TicketPrint t, PrintOutcome o) {
        if (o.bytesSent() > 0) {
            sent.merge(key(t), o.printed(), Boolean::logicalOr);
        }
    }

    /** True when the ticket came out confirmed at least once. */
    public synchronized boolean printed(TicketPrint t) {
        return Boolean.TRUE.equals(sent.get(key(t)));
    }

    private static Key key(TicketPrint t) {
        return new Key(t.displayNumber(), t.issuedAt());
    }
}
