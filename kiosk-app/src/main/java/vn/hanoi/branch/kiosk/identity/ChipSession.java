package vn.hanoi.branch.kiosk.identity;

import net.sf.scuba.smartcards.TerminalCardService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hanoi.branch.card.CardAccess;
import vn.hanoi.branch.card.CardException;
import vn.hanoi.branch.card.CardTerminalWatcher;
import vn.hanoi.branch.card.CccdReader;
import vn.hanoi.branch.card.CitizenCard;
import vn.hanoi.branch.card.CitizenIdQr;
import vn.hanoi.branch.kiosk.ticket.TakeNumberModel;
import vn.hanoi.branch.i18n.I18n;

import javax.smartcardio.CardTerminal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * The ID card chip at the kiosk. The chip opens only with a key made from the card's own data (BAC),
 * which the kiosk learns from the QR code on the back of the same card: so the card may be placed
 * first or scanned first, and the chip is read when both have happened in the session. The verified
 * chip data then replaces what the QR gave, with the passive-authentication verdict.
 *
 * <p>The key guesses are personal data too: dropped when the session ends.
 */
public final class ChipSession implements CardTerminalWatcher.Listener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChipSession.class);

    private final TakeNumberModel model;
    private final CccdReader reader;
    private final Executor background;
    private final Executor ui;
    private final CardTerminalWatcher watcher;
    private volatile List<CardAccess> keys;
    private volatile CardTerminal onReader;
    // The QR scan and the card landing can both start a read at the same moment: one wins.
    private final java.util.concurrent.atomic.AtomicBoolean reading = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * @param readerName the reader to watch (part of its name), or null for the first one
     */
    public ChipSession(TakeNumberModel model, CccdReader reader, String readerName, Executor background, Executor ui) {
        this.model = model;
        this.reader = reader;
        this.background = background;
        this.ui = ui;
        this.watcher = new CardTerminalWatcher(readerName, this, Duration.ofSeconds(1));
        // Runs on the FX thread: the session ended, forget the keys made from it.
        model.session().citizenProperty().addListener((o, was, now) -> {
            if (now == null) {
                keys = null;
            }
        });
    }

    public ChipSession start() {
        watcher.start();
        return this;
    }

    /** The QR of an ID card was scanned: its keys may open the chip now or when the card is placed. */
    public void qrScanned(CitizenIdQr qr) {
        keys = CardAccess.fromQr(qr);
        CardTerminal t = onReader;
        if (t != null) {
            read(t);
        }
    }

    @Override
    public void cardInserted(CardTerminal terminal) {
        onReader = terminal;
        if (keys != null) {
            read(terminal);
        } else {
            ui.execute(() -> model.session().tell(I18n.text("kiosk", I18n.VI, "identity.scanQrForChip"),
                    I18n.text("kiosk", I18n.EN, "identity.scanQrForChip")));
        }
    }

    @Override
    public void cardRemoved(String readerName) {
        onReader = null;
    }

    private void read(CardTerminal terminal) {
        List<CardAccess> k = keys;
        if (k == null || !reading.compareAndSet(false, true)) {
            return;
        }
        ui.execute(() -> model.session().tell(I18n.text("kiosk", I18n.VI, "identity.reading"),
                I18n.text("kiosk", I18n.EN, "identity.reading")));
        background.execute(() -> {
            try {
                TerminalCardService service = new TerminalCardService(terminal);
                try {
                    CitizenCard card = reader.read(service, k);
                    Citizen c = Citizen.fromCard(card);
                    ui.execute(() -> {
                        model.session().tell(null, null);
                        model.identified(c);
                    });
                } finally {
                    service.close();
                }
            } catch (CardException e) {
                LOG.info("chip not read: {}", e.reason()); // the reason only: nothing personal
                ui.execute(() -> model.session().tell(e.message(I18n.VI), e.message(I18n.EN)));
            } catch (RuntimeException e) {
                LOG.warn("chip read failed", e);
                ui.execute(() -> model.session().tell(CardException.message(CardException.Reason.READ_FAILED, I18n.VI),
                        CardException.message(CardException.Reason.READ_FAILED, I18n.EN)));
            } finally {
                reading.set(false);
            }
        });
    }

    @Override
    public void close() {
        watcher.close();
    }
}
