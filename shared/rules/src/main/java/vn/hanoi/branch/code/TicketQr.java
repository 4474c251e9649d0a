package vn.hanoi.branch.code;

import java.time.LocalDate;

/**
 * The code on a queue ticket. Display numbers restart every day and differ per branch, so the three
 * together name one ticket.
 */
public record TicketQr(String branchCode, LocalDate businessDay, String displayNumber) implements OurQr {

    public TicketQr {
        CodeSyntax.require(branchCode, CodeSyntax.BRANCH, 20, "branch code");
        CodeSyntax.require(displayNumber, CodeSyntax.DISPLAY_NUMBER, 10, "display number");
        if (businessDay == null) {
            throw new IllegalArgumentException("business day is required");
        }
    }

    @Override
    public String path() {
        return "/q/t/" + branchCode + "/" + CodeSyntax.DAY.format(businessDay) + "/" + displayNumber;
    }
}
