package vn.hanoi.branch.printer.escpos;

import java.util.Locale;

/**
 * The TCVN-3 (TCVN 5712:1993, "ABC") tables as Epson splits them: small letters in table 30, the
 * toned capitals in table 31 at the same codes. The byte values are the standard's; a printer whose
 * table differs shows it on the test page, where IT then picks another mode.
 */
final class Tcvn3 {
    /** Small letters and their codes, in the standard's order. */
    private static final String SMALL_LETTERS = "ăâêôơưđ" + "àảãáạ" + "ằẳẵắ" + "ặầẩẫấậ" + "èẻẽéẹ" + "ềểễếệ"
            + "ìỉĩíị" + "òỏõóọ" + "ồổỗốộ" + "ờởỡớợ" + "ùủũúụ" + "ừửữứự" + "ỳỷỹýỵ";
    private static final int[] SMALL_CODES = {
        0xA8, 0xA9, 0xAA, 0xAB, 0xAC, 0xAD, 0xAE,
        0xB5, 0xB6, 0xB7, 0xB8, 0xB9,
        0xBB, 0xBC, 0xBD, 0xBE,
        0xC6, 0xC7, 0xC8, 0xC9, 0xCA, 0xCB,
        0xCC, 0xCE, 0xCF, 0xD0, 0xD1,
        0xD2, 0xD3, 0xD4, 0xD5, 0xD6,
        0xD7, 0xD8, 0xDC, 0xDD, 0xDE,
        0xDF, 0xE1, 0xE2, 0xE3, 0xE4,
        0xE5, 0xE6, 0xE7, 0xE8, 0xE9,
        0xEA, 0xEB, 0xEC, 0xED, 0xEE,
        0xEF, 0xF1, 0xF2, 0xF3, 0xF4,
        0xF5, 0xF6, 0xF7, 0xF8, 0xF9,
        0xFA, 0xFB, 0xFC, 0xFD, 0xFE,
    };
    /** The capitals without tone mark; both tables have them. */
    private static final String PLAIN_CAPITALS = "ĂÂÊÔƠƯĐ";
    private static final int FIRST_PLAIN_CAPITAL = 0xA1;

    static final char[] SMALL = table(false);
    static final char[] CAPITALS = table(true);

    private Tcvn3() {
    }

    private static char[] table(boolean capitals) {
        char[] high = new char[128];
        for (int i = 0; i < SMALL_CODES.length; i++) {
            String c = String.valueOf(SMALL_LETTERS.charAt(i));
            high[SMALL_CODES[i] - 0x80] = (capitals ? c.toUpperCase(Locale.ROOT) : c).charAt(0);
        }
        for (int i = 0; i < PLAIN_CAPITALS.length(); i++) {
            high[FIRST_PLAIN_CAPITAL + i - 0x80] = PLAIN_CAPITALS.charAt(i);
        }
        return high;
    }

    /** One NFC character: ASCII as itself, a letter of the table as its code, else null. */
    static byte[] encode(char[] high, String ch) {
        if (ch.length() != 1) {
            return null;
        }
        char c = ch.charAt(0);
        if (c < 0x80) {
            return new byte[] {(byte) c};
        }
        for (int i = 0; i < high.length; i++) {
            if (high[i] == c) {
                return new byte[] {(byte) (0x80 + i)};
            }
        }
        return null;
    }
}
