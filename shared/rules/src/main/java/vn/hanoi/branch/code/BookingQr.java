package vn.hanoi.branch.code;

/** The code on a booking confirmation; the same code the citizen can type at the kiosk. */
public record BookingQr(String code) implements OurQr {

    public BookingQr {
        CodeSyntax.require(code, CodeSyntax.BOOKING, 10, "booking code");
    }

    @Override
    public String path() {
        return "/q/b/" + code;
    }
}
