package vn.hanoi.branch.card;

import net.sf.scuba.smartcards.CardService;
import net.sf.scuba.smartcards.CardServiceException;
import net.sf.scuba.smartcards.CommandAPDU;
import net.sf.scuba.smartcards.ResponseAPDU;

import javax.smartcardio.CardNotPresentException;
import java.util.Locale;

/**
 * Passes APDUs to the card and counts them, with their bytes, for the read statistics. It also
 * remembers whether the card went away: JMRTD's file layer turns transport errors into "could not
 * select file" and drops the cause, but a kiosk must tell "card lifted" from "card broken".
 */
final class CountingCardService extends CardService {
    private final CardService card;
    private int apdus;
    private long bytesSent;
    private long bytesReceived;
    private boolean lost;
    private boolean readerGone;

    CountingCardService(CardService card) {
        this.card = card;
    }

    @Override
    public void open() throws CardServiceException {
        try {
            card.open();
        } catch (CardServiceException | RuntimeException e) {
            note(e);
            throw e;
        }
    }

    @Override
    public boolean isOpen() {
        return card.isOpen();
    }

    @Override
    public ResponseAPDU transmit(CommandAPDU command) throws CardServiceException {
        apdus++;
        bytesSent += command.getBytes().length;
        try {
            ResponseAPDU r = card.transmit(command);
            bytesReceived += r.getBytes().length;
            return r;
        } catch (CardServiceException e) {
            note(e);
            throw e;
        } catch (IllegalArgumentException e) {
            // An answer shorter than a status word: the link to the card broke mid-command (vpcd and
            // some contactless readers report a card lifted mid-APDU as an empty answer, not an error).
            lost = true;
            throw new CardServiceException("no answer from the card", e);
        } catch (RuntimeException e) {
            // javax.smartcardio throws IllegalStateException once the card handle is gone.
            note(e);
            throw new CardServiceException("transmit failed: " + e.getClass().getSimpleName(), e);
        }
    }

    @Override
    public byte[] getATR() throws CardServiceException {
        return card.getATR();
    }

    @Override
    public void close() {
        card.close();
    }

    @Override
    public boolean isConnectionLost(Exception e) {
        return card.isConnectionLost(e) || isRemoval(e);
    }

    int apdus() {
        return apdus;
    }

    long bytesSent() {
        return bytesSent;
    }

    long bytesReceived() {
        return bytesReceived;
    }

    /** True once any exchange failed because the card left the reader. */
    boolean cardLost() {
        return lost;
    }

    /** True once any exchange failed because the reader itself went away. */
    boolean readerGone() {
        return readerGone;
    }

    private void note(Exception e) {
        if (isReaderGone(e)) {
            readerGone = true;
        } else if (card.isConnectionLost(e) || isRemoval(e)) {
            lost = true;
        }
    }

    /** PC/SC's ways of saying the card is gone (removed, or the link to it broke mid-command). */
    static boolean isRemoval(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof CardNotPresentException) {
                return true;
            }
            String m = String.valueOf(c.getMessage()).toUpperCase(Locale.ROOT);
            if (m.contains("SCARD_W_REMOVED_CARD") || m.contains("SCARD_E_NO_SMARTCARD")
                    || m.contains("SCARD_E_NOT_TRANSACTED") || m.contains("SCARD_W_UNPOWERED_CARD")
                    || m.contains("SCARD_W_RESET_CARD")) {
                return true;
            }
        }
        return false;
    }

    static boolean isReaderGone(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            String m = String.valueOf(c.getMessage()).toUpperCase(Locale.ROOT);
            if (m.contains("SCARD_E_READER_UNAVAILABLE") || m.contains("SCARD_E_NO_SERVICE")
                    || m.contains("SCARD_E_SERVICE_STOPPED") || m.contains("SCARD_E_UNKNOWN_READER")) {
                return true;
            }
        }
        return false;
    }
}
