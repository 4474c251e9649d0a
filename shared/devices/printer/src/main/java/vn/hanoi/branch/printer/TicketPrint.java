package vn.hanoi.branch.printer;

import java.time.LocalDateTime;

/**
 * What goes on a queue ticket, independent of the printer. Texts may arrive in any Unicode
 * normalisation form; printers normalise to NFC before encoding.
 *
 * @param priorityVi   priority marker such as "ƯU TIÊN – Người cao tuổi", or null
 * @param estimateMinutes waiting estimate in minutes, or null when unknown
 * @param lookupUrl    link encoded in the ticket's QR code
 * @param reprint      true when staff print a copy of an already printed ticket
 */
public record TicketPrint(
        String branchNameVi,
        String serviceNameVi,
        String serviceNameEn,
        String displayNumber,
        String priorityVi,
        LocalDateTime issuedAt,
        int waitingAhead,
        Integer estimateMinutes,
        String lookupUrl,
        String noticeVi,
        boolean reprint) {
}
