package vn.hanoi.branch.printer.escpos;

import java.io.ByteArrayOutputStream;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Optional;

/**
 * A character code table selected with {@code ESC t n}. The number is what the printer expects; the
 * same table has different numbers on different brands, so profiles pair a page with its number.
 */
public enum CodePage {
    /** The table every ESC/POS printer has; no Vietnamese letters beyond plain ASCII. */
    PC437(0, "IBM437"),
    /** Western European; has some accented capitals Vietnamese shares (Á, É…), not the rest. */
    WPC1252(16, "windows-1252"),
    /**
     * Windows-1258 (Epson table 52). It holds the base letters with circumflex, breve and horn
     * (ê, ơ, ư…) and Đ, but the five tone marks only as separate combining bytes, so a letter such as
     * "ễ" must go out as "ê" followed by the combining tilde.
     */
    WPC1258(52, "windows-1258", VietnameseMode.WINDOWS_1258),
    /**
     * TCVN-3 lower case (Epson table 30): every toned small letter is one code, and the capitals
     * Ă Â Ê Ô Ơ Ư Đ; capitals with a tone mark are only in {@link #TCVN3_CAPITALS}.
     */
    TCVN3(30, Tcvn3.SMALL, VietnameseMode.TCVN3),
    /** TCVN-3 capitals (Epson table 31): the toned capitals at the codes their small letters have in table 30. */
    TCVN3_CAPITALS(31, Tcvn3.CAPITALS, VietnameseMode.TCVN3);

    private static final String TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323";

    private final int defaultNumber;
    private final Charset charset;
    /** For tables Java has no charset for: the characters of codes 0x80..0xFF, 0 where unused. */
    private final char[] high;
    private final VietnameseMode mode;

    CodePage(int defaultNumber, String charset) {
        this(defaultNumber, charset, null);
    }

    CodePage(int defaultNumber, String charset, VietnameseMode mode) {
        this.defaultNumber = defaultNumber;
        this.charset = Charset.forName(charset);
        this.high = null;
        this.mode = mode;
    }

    CodePage(int defaultNumber, char[] high, VietnameseMode mode) {
        this.defaultNumber = defaultNumber;
        this.charset = null;
        this.high = high;
        this.mode = mode;
    }

    /** The Vietnamese mode this table serves, or null for a table without Vietnamese letters. */
    public VietnameseMode vietnamese() {
        return mode;
    }

    /** The {@code ESC t} number Epson uses for this table. */
    public int defaultNumber() {
        return defaultNumber;
    }

    /**
     * Encodes a whole line, or nothing: a line is printed either all in text mode or all as raster,
     * so that one line never mixes fonts.
     */
    public Optional<byte[]> encode(String text) {
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        CharsetEncoder enc = charset == null ? null : charset.newEncoder();
        ByteArrayOutputStream out = new ByteArrayOutputStream(nfc.length() + 8);
        for (int i = 0; i < nfc.length(); ) {
            int cp = nfc.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 0x20 || cp == 0x7F) {
                return Optional.empty();
            }
            byte[] b = encodeOne(enc, Character.toString(cp));
            if (b == null) {
                return Optional.empty();
            }
            out.writeBytes(b);
        }
        return Optional.of(out.toByteArray());
    }

    public boolean canEncode(String text) {
        return encode(text).isPresent();
    }

    /** What a printer with this table shows for the bytes, normalised to NFC as people read it. */
    public String decode(byte[] bytes, int off, int len) {
        String raw;
        if (charset != null) {
            raw = new String(bytes, off, len, charset);
        } else {
            StringBuilder sb = new StringBuilder(len);
            for (int i = off; i < off + len; i++) {
                int b = bytes[i] & 0xFF;
                sb.append(b < 0x80 ? (char) b : high[b - 0x80] == 0 ? '\uFFFD' : high[b - 0x80]);
            }
            raw = sb.toString();
        }
        return Normalizer.normalize(raw, Normalizer.Form.NFC);
    }

    /** The bytes for one character (two for a Windows-1258 toned letter), or null when the table lacks it. */
    public byte[] encodeChar(int codePoint) {
        return encodeOne(charset == null ? null : charset.newEncoder(), Character.toString(codePoint));
    }

    private byte[] encodeOne(CharsetEncoder enc, String ch) {
        if (enc == null) {
            return Tcvn3.encode(high, ch);
        }
        byte[] direct = strict(enc, ch);
        if (direct != null || this != WPC1258) {
            return direct;
        }
        // Split off the tone mark, keep the vowel quality mark on the letter: NFD gives base + marks.
        String nfd = Normalizer.normalize(ch, Normalizer.Form.NFD);
        StringBuilder core = new StringBuilder();
        StringBuilder tones = new StringBuilder();
        nfd.codePoints().forEach(c -> (TONE_MARKS.indexOf(c) >= 0 ? tones : core).appendCodePoint(c));
        if (tones.isEmpty()) {
            return null;
        }
        byte[] base = strict(enc, Normalizer.normalize(core, Normalizer.Form.NFC));
        byte[] marks = strict(enc, tones.toString());
        if (base == null || marks == null) {
            return null;
        }
        byte[] all = new byte[base.length + marks.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(marks, 0, all, base.length, marks.length);
        return all;
    }

    private static byte[] strict(CharsetEncoder enc, String s) {
        if (!enc.canEncode(s)) {
            return null;
        }
        try {
            var bb = enc.reset().encode(CharBuffer.wrap(s));
            byte[] b = new byte[bb.remaining()];
            bb.get(b);
            return b;
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    static String ascii(byte[] b) {
        return new String(b, StandardCharsets.US_ASCII);
    }
}
