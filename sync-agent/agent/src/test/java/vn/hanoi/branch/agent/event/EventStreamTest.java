package vn.hanoi.branch.agent.event;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import vn.hanoi.branch.agent.testing.TestAgent;
import vn.hanoi.branch.api.DeviceKind;
import vn.hanoi.branch.api.QueueEvent;
import vn.hanoi.branch.api.QueueSnapshot;
import vn.hanoi.branch.client.DeskClient;
import vn.hanoi.branch.client.HallClient;
import vn.hanoi.branch.client.KioskClient;
import vn.hanoi.branch.client.EventStream;

/** Server push: live delivery to many subscribers, and resume after a drop without loss or repeat. */
class EventStreamTest {

    @Test
    void subscribersGetEveryEventInOrderAndResumeAfterReconnect() {
        try (TestAgent agent = TestAgent.start()) {
            KioskClient kiosk = agent.kioskClient();
            HallClient screen = agent.hallClient();
            QueueSnapshot snap = screen.queue();

            List<QueueEvent> a = new CopyOnWriteArrayList<>();
            List<QueueEvent> b = new CopyOnWriteArrayList<>();
            EventStream sa = screen.events(snap.lastEventId(), a::add, s -> { });
            EventStream sb = screen.events(snap.lastEventId(), b::add, s -> { });
            for (int i = 0; i < 5; i++) {
                kiosk.issueTicket(1, "live-" + i);
            }
            await().atMost(Duration.ofSeconds(15)).until(() -> a.size() == 5 && b.size() == 5);
            assertThat(a).extracting(QueueEvent::type).containsOnly(QueueEvent.TICKET_ISSUED);
            assertThat(a).extracting(e -> e.ticket().seq()).containsExactly(1, 2, 3, 4, 5);
            assertThat(b).isEqualTo(a);

            // subscriber A goes away; events keep happening; it comes back from where it stopped
            long lastSeen = sa.lastEventId();
            sa.close();
            for (int i = 5; i < 12; i++) {
                kiosk.issueTicket(2, "missed-" + i);
            }
            DeskClient clerk = agent.deskClient();
            clerk.callNext(2);
            List<QueueEvent> resumed = new CopyOnWriteArrayList<>();
            try (EventStream again = screen.events(lastSeen, resumed::add, s -> { })) {
                await().atMost(Duration.ofSeconds(15)).until(() -> resumed.size() == 8);
                assertThat(resumed).extracting(QueueEvent::id)
                        .isEqualTo(b.subList(5, 13).stream().map(QueueEvent::id).toList());
                assertThat(resumed.get(7).type()).isEqualTo(QueueEvent.TICKET_CALLED);
                assertThat(resumed.get(7).counterId()).isEqualTo(2L);
            }
            sb.close();
        }
    }

    @Test
    void manySubscribersAreServedAndCounted() {
        try (TestAgent agent = TestAgent.start()) {
            HallClient screen = agent.hallClient();
            KioskClient kiosk = agent.kioskClient();
            List<EventStream> streams = new CopyOnWriteArrayList<>();
            List<List<QueueEvent>> received = new CopyOnWriteArrayList<>();
            for (int i = 0; i < 30; i++) {
                List<QueueEvent> mine = new CopyOnWriteArrayList<>();
                received.add(mine);
                streams.add(screen.events(0, mine::add, s -> { }));
            }
            await().atMost(Duration.ofSeconds(15)).until(() -> agent.agent().events().subscriberCount() == 30);
            kiosk.issueTicket(3, "x");
            await().atMost(Duration.ofSeconds(15)).until(() -> received.stream().allMatch(l -> l.size() == 1));
            streams.forEach(EventStream::close);
            await().atMost(Duration.ofSeconds(15)).until(() -> agent.agent().events().subscriberCount() == 0);
        }
    }

}
