package vn.hanoi.branch.counter.slip;

import vn.hanoi.branch.slip.Slip;
import vn.hanoi.branch.slip.SlipText;

import vn.hanoi.branch.printer.PrintOutcome;
import vn.hanoi.branch.printer.TicketPrinter;
import vn.hanoi.branch.printer.escpos.EscPosCommands.Align;
import vn.hanoi.branch.printer.escpos.EscPosWriter;
import vn.hanoi.branch.printer.escpos.EscPosWriter.Style;
import vn.hanoi.branch.printer.escpos.PrinterProfile;

/**
 * A {@link Slip} on an 80 mm or 58 mm ESC/POS receipt printer, through the ticket machinery: each
 * line in text mode where one of the profile's code tables encodes it (Windows-1258 on an Epson),
 * else as a raster band; the lookup QR code native where the printer has {@code GS ( k}, else raster.
 * The dossier code, the appointment date and the masked ID number stand on lines of their own, in
 * ASCII, so that they print as crisp text on every printer. Thermal paper has one type size: English
 * goes on the line after the Vietnamese.
 */
public final class SlipThermal {
    private SlipThermal() {
    }

    /** Prints on the counter's receipt printer, laid out for its profile. */
    public static PrintOutcome print(Slip slip, TicketPrinter printer) {
        return printer.printJob(slip.dossierCode(), profile -> render(slip, profile));
    }

    public static byte[] render(Slip slip, PrinterProfile profile) {
        return write(slip, profile).bytes();
    }

    public static EscPosWriter write(Slip s, PrinterProfile profile) {
        EscPosWriter w = new EscPosWriter(profile);
        Style center = Style.NORMAL;
        Style left = Style.NORMAL.aligned(Align.LEFT);
        Style bold = left.emphasized();

        w.text(s.issuer().branchName(), center.emphasized());
        if (s.issuer().branchAddress() != null) {
            w.text(s.issuer().branchAddress(), center);
        }
        w.rule();
        w.text(s.kind().titleVi(), center.emphasized());
        w.text(s.kind().titleEn(), center);
        w.rule();

        w.text(SlipText.CODE.vi() + " / " + SlipText.CODE.en() + ":", left);
        w.text(s.dossierCode(), center.emphasized().size(1, 2));
        w.text(SlipText.PROCEDURE.vi() + ": " + SlipText.procedure(s), left);
        if (s.procedureNameEn() != null) {
            w.text(s.procedureNameEn(), left);
        }
        w.text(SlipText.APPLICANT.vi() + ": " + s.applicantName(), left);
        if (s.idNumberMasked() != null) {
            w.text(SlipText.ID.vi() + " / " + SlipText.ID.en() + ":", left);
            w.text(s.idNumberMasked(), left);
        }
        if (s.phone() != null) {
            w.text(SlipText.PHONE.vi() + ": " + s.phone(), left);
        }
        w.text(SlipText.RECEIVED.vi() + " / " + SlipText.RECEIVED.en() + ":", left);
        w.text(SlipText.TIME_AND_DATE.format(s.receivedAt()), left);

        if (!s.documents().isEmpty()) {
            w.rule();
            w.text(s.kind().documentsVi() + " (" + s.documents().size() + ")", bold);
            w.text(s.kind().documentsEn(), left);
            int i = 1;
            for (Slip.Document d : s.documents()) {
                w.text(i++ + ". " + d.nameVi() + " (" + d.formVi().toLowerCase(java.util.Locale.ROOT) + ")", left);
            }
        }
        w.rule();
        if (s.kind() == Slip.Kind.RECEIPT) {
            w.text(SlipText.FEE.vi() + ": " + SlipText.feeVi(s.feeVnd()), left);
            w.text(SlipText.FEE.en() + ": " + SlipText.feeEn(s.feeVnd()), left);
            w.feed(1);
            w.text(SlipText.APPOINTMENT.vi().toUpperCase(java.util.Locale.forLanguageTag("vi")), center.emphasized());
            w.text(SlipText.APPOINTMENT.en(), center);
            w.text(SlipText.DATE.format(s.appointmentDate()), center.emphasized().size(2, 2));
        }
        if (s.reason() != null) {
            w.text(SlipText.reason(s.kind()).vi() + " / " + SlipText.reason(s.kind()).en() + ":", bold);
            w.text(s.reason(), left);
        }
        if (s.notes() != null) {
            w.text(SlipText.NOTES.vi() + ": " + s.notes(), left);
        }
        w.text(SlipText.CLERK.vi() + ": " + s.issuer().clerkName(), left);
        if (s.issuer().counter() != null) {
            w.text(SlipText.COUNTER.vi() + ": " + s.issuer().counter(), left);
        }
        w.feed(1);
        w.qr(s.lookupLink());
        w.text(Slip.LOOKUP_HINT_VI, center);
        w.text(Slip.LOOKUP_HINT_EN, center);
        w.finish();
        return w;
    }
}
