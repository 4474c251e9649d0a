package vn.hanoi.branch.calendar;

/**
 * The paid public holidays (ngày nghỉ lễ, tết): Labour Code 2019 art. 112(1), plus Vietnamese
 * Culture Day. Names are the ones official announcements use; the English ones follow the
 * government's English-language news.
 */
public enum PublicHoliday {
    /** 1 January, one day. */
    NEW_YEAR("Tết Dương lịch", "New Year's Day"),
    /** Five days around lunar 1/1; the Prime Minister fixes which each year. */
    TET("Tết Nguyên đán", "Lunar New Year (Tết)"),
    /** Lunar 10/3, one day. */
    HUNG_KINGS("Giỗ Tổ Hùng Vương", "Hùng Kings' Commemoration Day"),
    /** 30 April, one day. */
    REUNIFICATION_DAY("Ngày Chiến thắng", "Reunification Day"),
    /** 1 May, one day. */
    LABOUR_DAY("Ngày Quốc tế Lao động", "International Labour Day"),
    /** 2 September and 1 or 3 September (the Prime Minister picks), two days. */
    NATIONAL_DAY("Quốc khánh", "National Day"),
    /**
     * 24 November, one day, from 2026: Politburo Resolution 80-NQ/TW (January 2026) made it a paid
     * day off, and the Labour Code's list is being amended to carry it.
     */
    CULTURE_DAY("Ngày Văn hóa Việt Nam", "Vietnamese Culture Day");

    private final String nameVi;
    private final String nameEn;

    PublicHoliday(String nameVi, String nameEn) {
        this.nameVi = nameVi;
        this.nameEn = nameEn;
    }

    public String nameVi() {
        return nameVi;
    }

    public String nameEn() {
        return nameEn;
    }
}
