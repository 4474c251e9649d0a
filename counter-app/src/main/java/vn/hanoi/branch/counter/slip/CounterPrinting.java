package vn.hanoi.branch.counter.slip;

import vn.hanoi.branch.api.DeviceHealth;
import vn.hanoi.branch.api.ServiceInfo;
import vn.hanoi.branch.api.Ticket;
import vn.hanoi.branch.client.AgentClient;
import vn.hanoi.branch.i18n.I18n;
import vn.hanoi.branch.printer.PrintOutcome;
import vn.hanoi.branch.printer.TicketPrint;
import vn.hanoi.branch.printer.TicketPrinter;
import vn.hanoi.branch.slip.Slip;
import vn.hanoi.branch.slip.SlipPdf;
import vn.hanoi.branch.slip.SlipPrinting;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.function.Supplier;

/**
 * What the counter prints: dossier slips (receipt, additional documents, refusal) and reprints of a
 * queue ticket. Every method here runs on a background thread and returns the clerk's message,
 * {vi, en} or both in one text.
 */
public final class CounterPrinting {
    /** Who issues a slip now: the signed-in clerk's name and the counter ("" when not known). */
    public record Desk(String clerkName, String counterName) {
    }

    private final AgentClient agent;
    private final TicketPrinter printer;
    private final Supplier<Desk> desk;
    private volatile String branchName;

    /** @param printer the counter's thermal printer, or null when it has none */
    public CounterPrinting(AgentClient agent, TicketPrinter printer, Supplier<Desk> desk) {
        this.agent = agent;
        this.printer = printer;
        this.desk = desk;
    }

    public Slip.Issuer slipIssuer() {
        Desk d = desk.get();
        return new Slip.Issuer(branchName(), "", d.clerkName(), d.counterName());
    }

    private String branchName() {
        if (branchName == null) {
            branchName = agent.branch().nameVi();
        }
        return branchName;
    }

    /**
     * The counter's thermal printer when it has one; otherwise an A5 PDF, sent to the PC's default
     * printer when there is one and kept in the slips folder either way (so nothing is lost).
     */
    public String[] printSlip(Slip slip) throws Exception {
        if (printer != null) {
            PrintOutcome out = SlipThermal.print(slip, printer);
            String what = switch (slip.kind()) {
                case RECEIPT -> "phiếu hẹn";
                case ADDITIONAL_DOCUMENTS -> "phiếu yêu cầu bổ sung";
                case REFUSAL -> "phiếu từ chối";
            };
            return out.printed() ? new String[] {"Đã in " + what + " " + slip.dossierCode() + ".", "Slip printed."}
                    : new String[] {"Máy in phiếu: " + out.statusAfter().textVi(), "Slip printer: " + out.statusAfter().textEn()};
        }
        byte[] pdf = SlipPdf.render(slip, SlipPdf.Paper.A5);
        Path dir = Path.of(System.getProperty("user.home"), "phieu-hen");
        Files.createDirectories(dir);
        Path file = dir.resolve(slip.dossierCode() + ".pdf");
        Files.write(file, pdf);
        if (SlipPrinting.printers().isEmpty()) {
            return new String[] {"Chưa có máy in; phiếu hẹn đã lưu tại " + file, "No printer; the slip was saved as " + file};
        }
        SlipPrinting.print(pdf, null, slip.dossierCode(), 1, SlipPdf.Paper.A5);
        return new String[] {"Đã gửi phiếu hẹn tới máy in (bản lưu: " + file + ").", "Slip sent to the printer (saved as " + file + ")."};
    }

    public boolean canReprint() {
        return printer != null;
    }

    /**
     * Prints the ticket again on this counter's printer, marked as a reprint, and keeps the job with the
     * ticket in the agent (its copy number tells how many paper copies exist).
     *
     * @param service the ticket's service, or null when not known (its code is printed then)
     */
    public String reprint(Ticket t, ServiceInfo service) {
        PrintOutcome out = printer.print(new TicketPrint(branchName(),
                service == null ? t.serviceCode() : service.nameVi(), service == null ? null : service.nameEn(),
                t.displayNumber(), null, LocalDateTime.ofInstant(t.issuedAt(), ZoneId.systemDefault()), 0, null, null,
                null, true));
        DeviceHealth.PrintJob job = agent.recordPrint(t.id(),
                new DeviceHealth.PrintReport(out.printed(), out.statusAfter().name(), true, out.bytesSent()));
        return out.printed()
                ? I18n.both("counter", "desk.reprinted", t.displayNumber(), job.copy())
                : out.statusAfter().textVi() + "\n" + out.statusAfter().textEn();
    }
}
