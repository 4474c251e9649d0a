package vn.hanoi.branch.demo.sim;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hanoi.branch.api.IssueTicketRequest;
import vn.hanoi.branch.api.Ticket;
import vn.hanoi.branch.client.DeskClient;
import vn.hanoi.branch.client.AgentException;
import vn.hanoi.branch.client.KioskClient;

/**
 * The demo's background crowd ({@code demo --simulate}): on the real clock, a citizen takes a number
 * every few seconds and some counters call, serve and finish on their own, so the hall screen and the
 * counter app look like a working branch. Desk times are the simulator's distributions shortened
 * {@code speedup} times, so the screen changes every few seconds instead of every few minutes.
 *
 * <p>It goes through the API like any kiosk and counter. People using the demo may act on the same
 * counters or tickets; whatever the agent then refuses is skipped and the counter starts over.
 */
public final class LiveSimulator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveSimulator.class);
    private final long tickMs;

    private final KioskClient kiosk;
    private final DeskClient staff;
    private final List<Desk> desks = new ArrayList<>();
    private final Map<String, Long> serviceIds;
    private final double meanArrivalMs;
    private final double speedup;
    private final Random random = new Random();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "live-simulator");
        t.setDaemon(true);
        return t;
    });
    private long nextArrival;

    /**
     * @param kiosk    a paired kiosk client
     * @param staff    a clerk signed in at a counter PC
     * @param counters ids of the counters the crowd's clerks work at (leave one for the person demoing)
     */
    public LiveSimulator(KioskClient kiosk, DeskClient staff, List<Long> counters, double meanArrivalSeconds,
                         double speedup) {
        this.kiosk = kiosk;
        this.staff = staff;
        this.meanArrivalMs = meanArrivalSeconds * 1000;
        this.speedup = speedup;
        this.tickMs = Math.max(10, Math.min(500, (long) (5_000 / speedup)));
        this.serviceIds = new java.util.HashMap<>();
        kiosk.services().forEach(s -> serviceIds.put(s.code(), s.id()));
        counters.forEach(id -> desks.add(new Desk(id)));
    }

    public void start() {
        nextArrival = System.currentTimeMillis();
        timer.scheduleWithFixedDelay(this::tick, 0, tickMs, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        long now = System.currentTimeMillis();
        try {
            while (now >= nextArrival) {
                arrive();
                nextArrival += (long) (-Math.log(1 - random.nextDouble()) * meanArrivalMs); // Poisson arrivals
            }
            for (Desk d : desks) {
                if (now >= d.nextAt) {
                    step(d, now);
                }
            }
        } catch (RuntimeException e) {
            // The demo must keep running whatever happens to one step (agent stopping, a person's action).
            LOG.debug("live simulator step skipped: {}", e.toString());
        }
    }

    private void arrive() {
        String service = DaySimulator.pickService(random.nextDouble());
        double p = random.nextDouble();
        LocalDate birth = p < 0.12 ? LocalDate.now().minusYears(70 + random.nextInt(20)) : null;
        String declared = p >= 0.12 && p < 0.18 ? (p < 0.15 ? "DISABILITY" : "PREGNANT_CHILD") : null;
        kiosk.issueTicket(new IssueTicketRequest(serviceIds.get(service), declared, birth), UUID.randomUUID().toString());
    }

    private void step(Desk d, long now) {
        try {
            if (d.current == null) {
                d.current = staff.callNext(d.counterId);
                d.phase = 0;
                d.nextAt = now + pause(d.current == null ? 3_000 : 3_000 + random.nextInt(4_000));
            } else if (d.phase == 0) {
                if (random.nextDouble() < 0.05) {
                    staff.noShow(d.current.id());
                    d.current = null;
                    d.nextAt = now + pause(2_000);
                } else {
                    staff.serve(d.current.id());
                    d.phase = 1;
                    d.nextAt = now + ServiceTimes.sampleSeconds(d.current.serviceCode(), random) * 1000 / (long) speedup;
                }
            } else {
                staff.finish(d.current.id());
                d.current = null;
                d.nextAt = now + pause(2_000);
            }
        } catch (AgentException e) {
            // Someone paused the counter or moved the ticket by hand: start over a little later.
            d.current = null;
            d.nextAt = now + pause(10_000);
            LOG.debug("counter {}: {}", d.counterId, e.getMessage());
        }
    }

    /** Clerk and walking pauses, sized for the demo's tenfold speed-up and shortened with a larger one. */
    private long pause(long millisAtTenfold) {
        return (long) (millisAtTenfold * 10 / speedup);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    private static final class Desk {
        final long counterId;
        Ticket current;
        int phase;
        long nextAt;

        Desk(long counterId) {
            this.counterId = counterId;
        }
    }
}
