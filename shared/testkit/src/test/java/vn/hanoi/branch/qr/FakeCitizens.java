package vn.hanoi.branch.qr;

import vn.hanoi.branch.card.CitizenIdQr;

import java.time.LocalDate;
import java.util.List;

/** Invented people only. */
final class FakeCitizens {
    static final CitizenIdQr NGOC = new CitizenIdQr("001190012345", null, "Trần Thị Bích Ngọc",
            LocalDate.of(1990, 3, 15), "Nữ", "Số 12 ngõ 34 phố Hàng Bông, phường Hoàn Kiếm, Hà Nội",
            LocalDate.of(2021, 8, 10), List.of());
    static final CitizenIdQr DUC = new CitizenIdQr("001085067890", "012345678", "Lê Đức Thắng",
            LocalDate.of(1985, 11, 2), "Nam", "Thôn Đông, xã Ứng Hòa, Hà Nội",
            LocalDate.of(2024, 7, 1), List.of("", "", "", ""));

    private FakeCitizens() {
    }
}
