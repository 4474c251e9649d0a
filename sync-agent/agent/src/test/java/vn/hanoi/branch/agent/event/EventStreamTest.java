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

    @Test
    void aSubscriberWithoutAPositionTooFarBehindOrAheadIsToldToReloadTheSnapshot() throws Exception {
        try (TestAgent agent = TestAgent.start(java.util.Map.of("events.replay.max", "3"))) {
            KioskClient kiosk = agent.kioskClient();
            HallClient screen = agent.hallClient();
            for (int i = 0; i < 5; i++) {
                kiosk.issueTicket(1, "old-" + i);
            }
            long last = agent.agent().events().lastId();

            // five events behind, three replayed at most: one reload at the newest id, then live events
            List<QueueEvent> behind = new CopyOnWriteArrayList<>();
            try (EventStream s = screen.events(0, behind::add, st -> { })) {
                await().atMost(Duration.ofSeconds(15)).until(() -> behind.size() == 1);
                assertThat(behind.getFirst().type()).isEqualTo(QueueEvent.RELOAD);
                assertThat(behind.getFirst().id()).isEqualTo(last);
                assertThat(behind.getFirst().ticket()).isNull();
                kiosk.issueTicket(1, "new-1");
                await().atMost(Duration.ofSeconds(15)).until(() -> behind.size() == 2);
                assertThat(behind.get(1).type()).isEqualTo(QueueEvent.TICKET_ISSUED);
                assertThat(s.lastEventId()).isEqualTo(last + 1);
            }

            // ahead of the agent (it was restored from a backup): reload, and the client's position goes back
            List<QueueEvent> ahead = new CopyOnWriteArrayList<>();
            try (EventStream s = screen.events(last + 1_000, ahead::add, st -> { })) {
                await().atMost(Duration.ofSeconds(15)).until(() -> ahead.size() == 1);
                assertThat(ahead.getFirst().type()).isEqualTo(QueueEvent.RELOAD);
                assertThat(s.lastEventId()).isEqualTo(last + 1);
            }

            // no position at all (a client that skipped the snapshot): a reload, not the whole history
            okhttp3.Request req = new okhttp3.Request.Builder().url(agent.baseUrl() + "/api/v1/events")
                    .header("Accept", "text/event-stream").header("Authorization", "Bearer " + agent.pair(DeviceKind.SCREEN).token()).build();
            try (okhttp3.Response resp = new okhttp3.OkHttpClient().newCall(req).execute();
                 java.io.BufferedReader in = new java.io.BufferedReader(resp.body().charStream())) {
                String line;
                while ((line = in.readLine()) != null && !line.startsWith("event:")) {
                    // skip comments and blank lines before the first event
                }
                assertThat(line).isEqualTo("event: " + QueueEvent.RELOAD);
            }
        }
    }
}
