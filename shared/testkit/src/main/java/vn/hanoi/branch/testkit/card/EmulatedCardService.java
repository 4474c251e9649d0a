package vn.hanoi.branch.testkit.card;

import net.sf.scuba.smartcards.APDUEvent;
import net.sf.scuba.smartcards.CardService;
import net.sf.scuba.smartcards.CardServiceException;
import net.sf.scuba.smartcards.CommandAPDU;
import net.sf.scuba.smartcards.ResponseAPDU;

import javax.smartcardio.CardNotPresentException;

/**
 * A SCUBA {@link CardService} with a {@link CccdApplet} in the same process instead of a reader: the
 * whole reader stack above the transport (BAC, secure messaging, files, passive authentication)
 * runs for real, in microseconds per APDU. A card that left the field fails the way PC/SC does,
 * with a {@link CardNotPresentException} cause.
 */
public final class EmulatedCardService extends CardService {
    private final CccdApplet applet;
    private boolean open;
    private int sequence;

    public EmulatedCardService(CccdApplet applet) {
        this.applet = applet;
    }

    @Override
    public void open() throws CardServiceException {
        if (applet.removed()) {
            throw new CardServiceException("no card", new CardNotPresentException("no card in the emulated reader"));
        }
        if (!open) {
            applet.reset();
            open = true;
        }
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public ResponseAPDU transmit(CommandAPDU command) throws CardServiceException {
        if (!open) {
            throw new CardServiceException("service not open");
        }
        try {
            ResponseAPDU r = new ResponseAPDU(applet.process(command.getBytes()));
            notifyExchangedAPDU(new APDUEvent(this, "EMULATED", ++sequence, command, r));
            return r;
        } catch (CccdApplet.Removed e) {
            open = false;
            throw new CardServiceException("card removed", new CardNotPresentException("card left the emulated reader"));
        }
    }

    @Override
    public byte[] getATR() {
        return CccdApplet.ATR.clone();
    }

    @Override
    public void close() {
        open = false;
    }

    @Override
    public boolean isConnectionLost(Exception e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof CardNotPresentException) {
                return true;
            }
        }
        return false;
    }
}
