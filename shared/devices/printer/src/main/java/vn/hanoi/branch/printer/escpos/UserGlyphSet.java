package vn.hanoi.branch.printer.escpos;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The letters one job downloads as user-defined characters: each gets the next free code from 0x20,
 * so the whole set goes out in one {@code ESC &} at the start of the job. A job has 95 codes; a line
 * whose new letters no longer fit is left to the raster path instead of half-downloaded.
 */
final class UserGlyphSet {
    private final Map<Integer, Integer> codes = new LinkedHashMap<>();

    /** Gives codes to all of {@code letters} not yet in the set, or to none when they do not all fit. */
    boolean reserve(Set<Integer> letters) {
        long fresh = letters.stream().filter(c -> !codes.containsKey(c)).count();
        if (codes.size() + fresh > CellGlyphs.MAX_GLYPHS) {
            return false;
        }
        for (int c : letters) {
            codes.computeIfAbsent(c, k -> CellGlyphs.FIRST_CODE + codes.size());
        }
        return true;
    }

    int code(int letter) {
        Integer c = codes.get(letter);
        if (c == null) {
            throw new IllegalStateException("letter U+" + Integer.toHexString(letter) + " was not reserved");
        }
        return c;
    }

    int size() {
        return codes.size();
    }

    /** The {@code ESC &} command for the whole set, or nothing when no letter was needed. */
    byte[] download() {
        if (codes.isEmpty()) {
            return new byte[0];
        }
        List<MonoBitmap> glyphs = new ArrayList<>();
        codes.keySet().forEach(c -> glyphs.add(CellGlyphs.render(c)));
        return CellGlyphs.download(CellGlyphs.FIRST_CODE, glyphs);
    }
}
