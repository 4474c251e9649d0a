package vn.hanoi.branch.kiosk.identity;

import vn.hanoi.branch.card.CardException;
import vn.hanoi.branch.kiosk.ticket.TakeNumberModel;
import vn.hanoi.branch.code.BookingQr;
import vn.hanoi.branch.code.DossierQr;
import vn.hanoi.branch.qr.ScannedCode;
import vn.hanoi.branch.qr.ScannedCodes;
import vn.hanoi.branch.code.TicketQr;
import vn.hanoi.branch.i18n.I18n;

/**
 * What a scanned code means at the kiosk, wherever it came from (serial scanner, keyboard-mode
 * scanner, camera): an ID card greets the citizen (and may open the chip), a ticket tells where to go,
 * a booking checks in, an appointment slip shows its dossier; anything else says what to scan instead.
 * Runs on the FX thread.
 */
public final class ScannedInput {
    private final TakeNumberModel model;
    private final ChipSession chip;

    /** @param chip the card reader's session, or null when the kiosk has no reader */
    public ScannedInput(TakeNumberModel model, ChipSession chip) {
        this.model = model;
        this.chip = chip;
    }

    public void scanned(String text) {
        ScannedCode code;
        try {
            code = ScannedCodes.parse(text);
        } catch (CardException e) {
            model.session().tell(e.message(I18n.VI), e.message(I18n.EN));
            return;
        }
        switch (code) {
            case ScannedCode.CitizenId id -> {
                model.identified(Citizen.fromQr(id.card()));
                if (chip != null) {
                    chip.qrScanned(id.card());
                }
            }
            case ScannedCode.Ours(TicketQr t) -> model.showTicket(t.displayNumber());
            case ScannedCode.Ours(BookingQr b) -> model.scannedBooking(b.code());
            case ScannedCode.Ours(DossierQr d) -> model.showDossier(d.code());
        }
    }
}
