package vn.hanoi.branch.agent.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import vn.hanoi.branch.agent.testing.TestAgent;
import vn.hanoi.branch.api.DeviceKind;
import vn.hanoi.branch.api.Ticket;
import vn.hanoi.branch.client.KioskClient;

/** Eight kiosks issue 2,000 tickets at once: per service the numbers are exactly 1..N. */
class ConcurrentIssueTest {
    private static final int CLIENTS = 8;
    private static final int TICKETS = 2_000;

    @Test
    void concurrentKiosksGetConsecutiveNumbersWithoutDuplicates() throws Exception {
        try (TestAgent agent = TestAgent.start()) {
            List<KioskClient> kiosks = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                kiosks.add(agent.kioskClient());
            }
            ConcurrentLinkedQueue<Ticket> issued = new ConcurrentLinkedQueue<>();
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                KioskClient kiosk = kiosks.get(c);
                int offset = c;
                futures.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < TICKETS / CLIENTS; i++) {
                        long service = 1 + (offset + i) % 3; // three services, every kiosk on all of them
                        issued.add(kiosk.issueTicket(service, UUID.randomUUID().toString()));
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : futures) {
                f.get(120, TimeUnit.SECONDS);
            }
            pool.shutdown();

            assertThat(issued).hasSize(TICKETS);
            Map<Long, List<Integer>> seqsByService = issued.stream().collect(Collectors.groupingBy(
                    Ticket::serviceId, Collectors.mapping(Ticket::seq, Collectors.toList())));
            assertThat(seqsByService).containsOnlyKeys(1L, 2L, 3L);
            seqsByService.forEach((service, seqs) -> assertThat(seqs.stream().sorted().toList())
                    .as("numbers of service %d", service)
                    .isEqualTo(IntStream.rangeClosed(1, seqs.size()).boxed().toList()));
            assertThat(issued.stream().map(Ticket::id).distinct().count()).isEqualTo(TICKETS);
            // display numbers follow the service's range: HT starts at 1001
            assertThat(issued.stream().filter(t -> t.serviceId() == 1 && t.seq() == 1).findFirst().orElseThrow()
                    .displayNumber()).isEqualTo("1001");
        }
    }
}
