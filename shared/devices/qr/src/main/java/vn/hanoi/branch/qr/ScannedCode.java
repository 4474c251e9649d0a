package vn.hanoi.branch.qr;

import vn.hanoi.branch.code.OurQr;

import vn.hanoi.branch.card.CitizenIdQr;

/**
 * Anything the kiosk's scanner or camera can read that means something to us: a citizen ID card, or
 * one of the codes the branch prints. Sealed so that a kiosk handling scans has to decide for every
 * kind (a switch over it is checked for completeness).
 */
public sealed interface ScannedCode permits ScannedCode.Ours, ScannedCode.CitizenId {

    /** One of the codes the branch prints (ticket, booking, dossier slip). */
    record Ours(OurQr code) implements ScannedCode {
        public Ours {
            if (code == null) {
                throw new IllegalArgumentException("code is required");
            }
        }
    }


    /** The code on the back of a citizen ID card. Personal data: its {@code toString} shows none. */
    record CitizenId(CitizenIdQr card) implements ScannedCode {
        public CitizenId {
            if (card == null) {
                throw new IllegalArgumentException("card is required");
            }
        }
    }
}
