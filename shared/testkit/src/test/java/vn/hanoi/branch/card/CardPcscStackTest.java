package vn.hanoi.branch.card;

import net.sf.scuba.smartcards.TerminalCardService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.AfterEach;
import vn.hanoi.branch.card.CardException.Reason;
import vn.hanoi.branch.card.PassiveAuthentication.Verdict;
import vn.hanoi.branch.testkit.card.CccdApplet;
import vn.hanoi.branch.testkit.card.CccdCardFiles;
import vn.hanoi.branch.testkit.card.FakeCitizen;
import vn.hanoi.branch.testkit.card.FakeCitizens;
import vn.hanoi.branch.testkit.card.VpcdCard;
import vn.hanoi.branch.testkit.card.PcscDaemon;

import javax.smartcardio.CardTerminal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The reader through the real PC/SC stack: javax.smartcardio → pcscd → vsmartcard's vpcd driver →
 * {@link VpcdCard} playing the chip. Every pcscd test is in this class so they share one daemon.
 * It starts {@code pcscd --foreground} itself when none runs (CI: a fresh machine where .ci/run
 * installed pcscd and vsmartcard-vpcd) and stops only what it started.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CardPcscStackTest {
    private static final Duration EVENT_WAIT = Duration.ofSeconds(10);
    private static PcscDaemon pcscd;

    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    private final BlockingQueue<CardTerminal> inserted = new LinkedBlockingQueue<>();
    private CardTerminalWatcher watcher;
    private final VpcdCard vpcd = new VpcdCard();

    @BeforeAll
    static void pcscdWithVirtualReader() throws Exception {
        pcscd = PcscDaemon.ensure();
    }

    @AfterAll
    static void stopWhatWeStarted() throws Exception {
        pcscd.close();
    }

    @AfterEach
    void cleanUp() throws InterruptedException {
        vpcd.close();
        if (watcher != null) {
            watcher.close();
        }
        // Like a kiosk, the next test starts with an empty reader, not one pcscd still thinks is full.
        long deadline = System.nanoTime() + EVENT_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                var t = CardTerminalWatcher.find(VpcdCard.READER_NAME);
                if (t.isEmpty() || !t.get().isCardPresent()) {
                    return;
                }
            } catch (javax.smartcardio.CardException e) {
                return;
            }
            Thread.sleep(50);
        }
    }

    private void watch() {
        watcher = new CardTerminalWatcher(VpcdCard.READER_NAME, new CardTerminalWatcher.Listener() {
            @Override
            public void cardInserted(CardTerminal terminal) {
                inserted.add(terminal);
                events.add("inserted");
            }

            @Override
            public void cardRemoved(String readerName) {
                events.add("removed");
            }
        }, Duration.ofMillis(300)).start();
    }

    private String nextEvent() throws InterruptedException {
        return events.poll(EVENT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Test
    @Order(1)
    void listsTheVirtualReader() {
        assertThat(CardTerminalWatcher.readerNames()).contains(VpcdCard.READER_NAME);
        assertThat(CardTerminalWatcher.find("Virtual PCD 00 00")).isPresent();
    }

    @Test
    @Order(2)
    void watcherSeesTheCardAndTheReaderReadsItThroughPcsc() throws Exception {
        watch();
        FakeCitizen c = new FakeCitizens(21).next();
        CccdCardFiles card = CccdCardFiles.of(c).build();
        for (int round = 0; round < 2; round++) {
            vpcd.insert(CccdApplet.of(card));
            assertThat(nextEvent()).isEqualTo("inserted");
            CardTerminal terminal = inserted.poll(1, TimeUnit.SECONDS);
            TerminalCardService service = new TerminalCardService(terminal);
            try {
                CitizenCard r = new CccdReader(CccdReader.Options.defaults()
                        .withAuthentication(new PassiveAuthentication(List.of(card.pki().csca()))))
                        .read(service, CardAccess.fromQr(c.qr()));
                assertThat(r.id()).isEqualTo(c.id());
                assertThat(r.fullName()).isEqualTo(c.fullName());
                assertThat(r.placeOfResidence()).isEqualTo(c.placeOfResidence());
                assertThat(r.father()).isEqualTo(c.father());
                assertThat(r.authentication().verdict()).isEqualTo(Verdict.VERIFIED);
                assertThat(r.stats().apdus()).isEqualTo(vpcd.apdus());
            } finally {
                service.close();
            }
            vpcd.remove();
            assertThat(nextEvent()).isEqualTo("removed");
        }
    }

    @Test
    @Order(3)
    void cardPulledMidReadIsCardRemoved() throws Exception {
        FakeCitizen c = new FakeCitizens(22).next();
        CccdCardFiles card = CccdCardFiles.of(c).build();
        vpcd.insert(CccdApplet.of(card).removeAfter(9));
        TerminalCardService service = new TerminalCardService(awaitCard());
        try {
            assertThatThrownBy(() -> new CccdReader().read(service, List.of(card.accessKey())))
                    .isInstanceOfSatisfying(CardException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CARD_REMOVED));
        } finally {
            service.close();
        }
    }

    @Test
    @Order(4)
    void otherChipCardIsNotACitizenCard() throws Exception {
        vpcd.insert(CccdApplet.notACitizenCard());
        TerminalCardService service = new TerminalCardService(awaitCard());
        try {
            assertThatThrownBy(() -> new CccdReader().read(service, List.of(new CardAccess("123456789", "900101", "300101"))))
                    .isInstanceOfSatisfying(CardException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_CITIZEN_ID_CARD));
        } finally {
            service.close();
        }
    }

    @Test
    @Order(5)
    void watcherSurvivesPcscdRestart() throws Exception {
        watch();
        FakeCitizen c = new FakeCitizens(23).next();
        CccdCardFiles card = CccdCardFiles.of(c).build();
        vpcd.insert(CccdApplet.of(card));
        assertThat(nextEvent()).isEqualTo("inserted");
        inserted.clear();

        if (pcscd.ours()) {
            pcscd.stop();
            assertThat(nextEvent()).isEqualTo("removed");
            pcscd.start();
            pcscd.awaitReader();
            vpcd.insert(CccdApplet.of(card), Duration.ofSeconds(10));
        } else {
            // Someone else's pcscd: not ours to restart; a reader reconnect is the closest we may do.
            vpcd.remove();
            assertThat(nextEvent()).isEqualTo("removed");
            vpcd.insert(CccdApplet.of(card));
        }
        assertThat(nextEvent()).isEqualTo("inserted");
        TerminalCardService service = new TerminalCardService(inserted.poll(1, TimeUnit.SECONDS));
        try {
            assertThat(new CccdReader().read(service, CardAccess.fromQr(c.qr())).id()).isEqualTo(c.id());
        } finally {
            service.close();
        }
    }

    private static CardTerminal awaitCard() throws InterruptedException {
        long deadline = System.nanoTime() + EVENT_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            var t = CardTerminalWatcher.find(VpcdCard.READER_NAME);
            try {
                if (t.isPresent() && t.get().isCardPresent()) {
                    return t.get();
                }
            } catch (javax.smartcardio.CardException e) {
                // Not yet.
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no card in " + VpcdCard.READER_NAME);
    }
}
