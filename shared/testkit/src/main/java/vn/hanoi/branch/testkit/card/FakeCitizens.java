package vn.hanoi.branch.testkit.card;

import vn.hanoi.branch.card.CitizenIdQr;
import vn.hanoi.branch.card.ExpiryCandidates;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Seeded generator of made-up Vietnamese citizens, the same sequence for the same seed and day.
 * Names are drawn from common family names, middle names and given names (with diacritics), so any
 * resemblance to a real person is chance; IDs have the Hanoi shape (province 001, century-and-sex
 * digit, year of birth, 6 random digits).
 *
 * <p>Ages are spread evenly over 14-95 years on {@code today}. The card is the one the citizen
 * holds today: chip cards since March 2021, applied for on a random day after the 14th birthday and
 * issued 7-37 days later, valid today. Its expiry follows the law judged on the application day
 * (the issue date printed in the QR comes later, so near the 2-year edge the reader's first guess can
 * miss, as it would with real cards); a card without expiry carries {@link #NO_EXPIRY} in its MRZ.
 */
public final class FakeCitizens {
    /** The placeholder the emulated chips use for "no expiry"; see {@link ExpiryCandidates}. */
    public static final String NO_EXPIRY = ExpiryCandidates.DEFAULT_NO_EXPIRY.getFirst();
    static final LocalDate CHIP_CARDS_SINCE = LocalDate.of(2021, 3, 1);

    /** Two fixed invented people, for tests that check what a card's QR code carries field by field. */
    public static final CitizenIdQr NGOC = new CitizenIdQr("001190012345", null, "Trần Thị Bích Ngọc",
            LocalDate.of(1990, 3, 15), "Nữ", "Số 12 ngõ 34 phố Hàng Bông, phường Hoàn Kiếm, Hà Nội",
            LocalDate.of(2021, 8, 10), List.of());
    /** With an old 9-digit ID and the four empty trailing fields newer cards print. */
    public static final CitizenIdQr DUC = new CitizenIdQr("001085067890", "012345678", "Lê Đức Thắng",
            LocalDate.of(1985, 11, 2), "Nam", "Thôn Đông, xã Ứng Hòa, Hà Nội",
            LocalDate.of(2024, 7, 1), List.of("", "", "", ""));

    private static final List<String> FAMILY = List.of("Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Lê",
            "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý",
            "Đinh", "Trịnh", "Đào", "Mai", "Tạ", "Lương", "Cao", "Kiều", "Chu");
    private static final List<String> MIDDLE_M = List.of("Văn", "Văn", "Đức", "Minh", "Quang", "Hữu", "Xuân",
            "Thành", "Công", "Ngọc", "Tiến", "Mạnh", "Trọng", "");
    private static final List<String> MIDDLE_F = List.of("Thị", "Thị", "Thị", "Thu", "Ngọc", "Thanh", "Minh",
            "Phương", "Hồng", "Kim", "Diệu", "Bảo", "");
    private static final List<String> GIVEN_M = List.of("An", "Bình", "Cường", "Dũng", "Đạt", "Hùng", "Hải",
            "Hiếu", "Khánh", "Long", "Nam", "Phúc", "Quân", "Sơn", "Thắng", "Tuấn", "Việt", "Trung", "Hòa",
            "Khoa", "Lâm", "Nghĩa", "Phong", "Tùng", "Vinh", "Huy", "Đức", "Thịnh");
    private static final List<String> GIVEN_F = List.of("Anh", "Chi", "Dung", "Hà", "Hạnh", "Hoa", "Hương", "Lan",
            "Linh", "Mai", "Ngọc", "Phương", "Thảo", "Trang", "Vân", "Yến", "Nhung", "Huyền", "Giang", "Loan",
            "Nga", "Oanh", "Thủy", "Tuyết", "Hằng", "Quỳnh", "Thư", "Ánh");
    /** Hanoi wards and their districts (before the 2025 merger, as most cards print them). */
    private static final List<String[]> WARDS = List.of(
            new String[]{"Phường Phúc Xá", "Quận Ba Đình"}, new String[]{"Phường Kim Mã", "Quận Ba Đình"},
            new String[]{"Phường Hàng Bạc", "Quận Hoàn Kiếm"}, new String[]{"Phường Tràng Tiền", "Quận Hoàn Kiếm"},
            new String[]{"Phường Láng Hạ", "Quận Đống Đa"}, new String[]{"Phường Văn Miếu", "Quận Đống Đa"},
            new String[]{"Phường Dịch Vọng", "Quận Cầu Giấy"}, new String[]{"Phường Nghĩa Đô", "Quận Cầu Giấy"},
            new String[]{"Phường Thanh Xuân Trung", "Quận Thanh Xuân"}, new String[]{"Phường Khương Đình", "Quận Thanh Xuân"},
            new String[]{"Phường Mai Động", "Quận Hoàng Mai"}, new String[]{"Phường Định Công", "Quận Hoàng Mai"},
            new String[]{"Phường Bồ Đề", "Quận Long Biên"}, new String[]{"Phường Quảng An", "Quận Tây Hồ"},
            new String[]{"Phường Bạch Mai", "Quận Hai Bà Trưng"}, new String[]{"Phường Văn Quán", "Quận Hà Đông"},
            new String[]{"Phường Mỹ Đình 1", "Quận Nam Từ Liêm"}, new String[]{"Phường Cổ Nhuế 2", "Quận Bắc Từ Liêm"},
            new String[]{"Xã Bát Tràng", "Huyện Gia Lâm"}, new String[]{"Xã Tiên Dương", "Huyện Đông Anh"},
            new String[]{"Xã Vạn Phúc", "Huyện Thanh Trì"}, new String[]{"Thị trấn Phùng", "Huyện Đan Phượng"},
            new String[]{"Xã Đường Lâm", "Thị xã Sơn Tây"}, new String[]{"Xã Tam Hiệp", "Huyện Phúc Thọ"});
    private static final List<String> STREETS = List.of("phố Láng Hạ", "phố Kim Mã", "phố Hàng Bạc", "đường Láng",
            "phố Bạch Mai", "đường Nguyễn Trãi", "phố Trần Duy Hưng", "đường Giải Phóng", "phố Xuân Thủy",
            "đường Phạm Văn Đồng", "phố Minh Khai", "đường Nguyễn Văn Cừ");
    private static final List<String> ETHNIC_MINORITIES = List.of("Tày", "Mường", "Thái", "Nùng", "Dao", "Hoa", "H'Mông");
    private static final List<String> MARKS = List.of("Nốt ruồi C:1cm trên trước đầu mày trái",
            "Sẹo chấm C:2cm dưới sau cánh mũi phải", "Nốt ruồi C:1,5cm dưới trước đuôi mắt phải",
            "Sẹo chấm C:3cm trên sau đầu mày phải", "Nốt ruồi C:2cm dưới sau mép trái");

    private final Random random;
    private final LocalDate today;

    public FakeCitizens(long seed, LocalDate today) {
        this.random = new Random(seed);
        this.today = today;
    }

    public FakeCitizens(long seed) {
        this(seed, LocalDate.now());
    }

    public FakeCitizen next() {
        boolean male = random.nextBoolean();
        int age = 14 + random.nextInt(82);
        LocalDate dob = today.minusYears(age).minusDays(1 + random.nextInt(365));
        String family = pick(FAMILY);
        String middle = pick(male ? MIDDLE_M : MIDDLE_F);
        String given = pick(male ? GIVEN_M : GIVEN_F);

        String id = "001" + centuryAndSex(dob.getYear(), male) + String.format("%02d", dob.getYear() % 100)
                + digits(6);
        String oldId = dob.getYear() < 2006 && random.nextInt(10) < 6 ? "01" + digits(7) : null;
        String ethnicity = random.nextInt(100) < 92 ? "Kinh" : pick(ETHNIC_MINORITIES);
        int r = random.nextInt(100);
        String religion = r < 85 ? "Không" : r < 93 ? "Phật giáo" : r < 99 ? "Công giáo" : "Tin lành";
        String[] origin = pick(WARDS);
        String[] home = pick(WARDS);
        String residence = "Số " + (1 + random.nextInt(120)) + " ngõ " + (2 + random.nextInt(300)) + " "
                + pick(STREETS) + ", " + home[0] + ", " + home[1] + ", Hà Nội";
        String marks = pick(MARKS);

        LocalDate applied = null;
        LocalDate issued = null;
        Optional<LocalDate> expiry = Optional.empty();
        LocalDate earliest = max(CHIP_CARDS_SINCE, dob.plusYears(14));
        for (int tries = 0; tries < 200; tries++) {
            applied = between(earliest, max(earliest, today.minusDays(40)));
            issued = min(applied.plusDays(7 + random.nextInt(31)), today);
            expiry = ExpiryCandidates.expiryByLaw(dob, applied, issued);
            if (expiry.isEmpty() || expiry.get().isAfter(today)) {
                break;
            }
        }
        if (expiry.isPresent() && !expiry.get().isAfter(today)) {
            // Renewed just now.
            applied = today.minusDays(40);
            issued = today.minusDays(10);
            expiry = ExpiryCandidates.expiryByLaw(dob, applied, issued);
        }

        String fatherName = family + " " + pick(MIDDLE_M) + " " + pick(GIVEN_M);
        String motherName = pick(FAMILY) + " " + pick(MIDDLE_F) + " " + pick(GIVEN_F);
        String spouse = age >= 22 && random.nextInt(100) < 65
                ? pick(FAMILY) + " " + pick(male ? MIDDLE_F : MIDDLE_M) + " " + pick(male ? GIVEN_F : GIVEN_M)
                : null;
        return new FakeCitizen(id, oldId, family, middle, given, dob, male ? "Nam" : "Nữ", "Việt Nam", ethnicity,
                religion, origin[0] + ", " + origin[1] + ", Hà Nội", residence, marks, applied, issued,
                expiry.orElse(null), expiry.map(ExpiryCandidates::format).orElse(NO_EXPIRY),
                fatherName.replace("  ", " "), motherName.replace("  ", " "),
                spouse == null ? null : spouse.replace("  ", " "));
    }

    private static int centuryAndSex(int year, boolean male) {
        int century = (year / 100) - 19;
        return century * 2 + (male ? 0 : 1);
    }

    private String digits(int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append(random.nextInt(10));
        }
        return b.toString();
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private LocalDate between(LocalDate from, LocalDate to) {
        long days = ChronoUnit.DAYS.between(from, to);
        return days <= 0 ? from : from.plusDays(random.nextLong(days + 1));
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
