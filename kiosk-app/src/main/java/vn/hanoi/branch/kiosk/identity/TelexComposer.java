package vn.hanoi.branch.kiosk.identity;

import java.text.Normalizer;

/**
 * Vietnamese typing with Telex on a plain Latin keyboard, the way most Vietnamese type: a vowel
 * doubled makes its hatted form (aa → â, ee → ê, oo → ô), w makes the horned or breved one (aw → ă,
 * ow → ơ, uw → ư, w alone → ư), dd → đ, and s f r x j put a tone on the word's vowel (sắc, huyền, hỏi,
 * ngã, nặng; z removes it). Typing the same mark twice undoes it and types the letter, as in the
 * usual input methods, so "ss" gives a plain s.
 *
 * <p>Works on the last word of the text: {@link #type(String, char)} returns the new text.
 */
public final class TelexComposer {
    private static final String TONES = "sfrxj";
    // Combining marks for sắc, huyền, hỏi, ngã, nặng.
    private static final char[] TONE_MARKS = {'\u0301', '\u0300', '\u0309', '\u0303', '\u0323'};
    private static final String VOWELS = "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY";

    private TelexComposer() {
    }

    /** The text after typing {@code key} at its end. */
    public static String type(String text, char key) {
        int start = wordStart(text);
        String head = text.substring(0, start);
        String word = text.substring(start);
        String composed = compose(word, key);
        return Normalizer.normalize(head + (composed != null ? composed : word + key), Normalizer.Form.NFC);
    }

    /** Removes the last character as the citizen sees it (a letter with its marks). */
    public static String backspace(String text) {
        if (text.isEmpty()) {
            return text;
        }
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        return nfc.substring(0, nfc.offsetByCodePoints(nfc.length(), -1));
    }

    private static String compose(String word, char key) {
        char lower = Character.toLowerCase(key);
        if (word.isEmpty()) {
            return lower == 'w' ? String.valueOf(Character.isUpperCase(key) ? 'Ư' : 'ư') : null;
        }
        String nfd = Normalizer.normalize(word, Normalizer.Form.NFD);
        if (TONES.indexOf(lower) >= 0 || lower == 'z') {
            return tone(nfd, lower, key);
        }
        if (lower == 'd') {
            return replaceLast(word, "dđDĐ", key);
        }
        if (lower == 'a' || lower == 'e' || lower == 'o') {
            return hat(word, lower, key);
        }
        if (lower == 'w') {
            return horn(word, key);
        }
        return null;
    }

    /** dd → đ, and đd → dd (undo). */
    private static String replaceLast(String word, String pairs, char key) {
        char last = word.charAt(word.length() - 1);
        String base = word.substring(0, word.length() - 1);
        if (last == 'd' || last == 'D') {
            return base + (last == 'd' ? 'đ' : 'Đ');
        }
        if (last == 'đ' || last == 'Đ') {
            return base + (last == 'đ' ? 'd' : 'D') + key;
        }
        return null;
    }

    /** aa → â, ee → ê, oo → ô on the last matching vowel of the word; typed again, it undoes. */
    private static String hat(String word, char lower, char key) {
        String nfd = Normalizer.normalize(word, Normalizer.Form.NFD);
        for (int i = nfd.length() - 1; i >= 0; i--) {
            char c = nfd.charAt(i);
            if (Character.toLowerCase(c) == lower) {
                boolean hatted = i + 1 < nfd.length() && nfd.charAt(i + 1) == '\u0302';
                if (hatted) {
                    return nfd.substring(0, i + 1) + nfd.substring(i + 2) + key;
                }
                if (i + 1 < nfd.length() && (nfd.charAt(i + 1) == '\u0306' || nfd.charAt(i + 1) == '\u031B')) {
                    return null; // ă or ơ: aa on it types a new letter
                }
                return nfd.substring(0, i + 1) + '\u0302' + nfd.substring(i + 1);
            }
            if (isVowel(c)) {
                return null; // only the nearest vowel of that letter changes
            }
        }
        return null;
    }

    /** aw → ă, ow → ơ, uw → ư, uow → ươ, and w on its own → ư; typed again, it undoes. */
    private static String horn(String word, char key) {
        String nfd = Normalizer.normalize(word, Normalizer.Form.NFD);
        int u = last(nfd, 'u');
        int o = last(nfd, 'o');
        int a = last(nfd, 'a');
        int[] targets;
        if (u >= 0 && o >= 0 && (o == u + 1 || o == u + 2 && nfd.charAt(u + 1) == '\u031B')) {
            targets = new int[] {u, o};
        } else {
            int lastVowel = Math.max(u, Math.max(o, a));
            targets = lastVowel < 0 ? new int[0] : new int[] {lastVowel};
        }
        if (targets.length == 0) {
            return word + (Character.isUpperCase(key) ? 'Ư' : 'ư');
        }
        boolean allMarked = true;
        for (int t : targets) {
            allMarked &= hasMark(nfd, t, '\u031B') || hasMark(nfd, t, '\u0306');
        }
        if (allMarked) {
            return nfd.replace("\u031B", "").replace("\u0306", "") + key;
        }
        String out = nfd;
        for (int i = targets.length - 1; i >= 0; i--) { // from the end, so earlier indexes stay valid
            int t = targets[i];
            if (!hasMark(out, t, '\u031B') && !hasMark(out, t, '\u0306')) {
                out = insertAfter(out, t, Character.toLowerCase(out.charAt(t)) == 'a' ? '\u0306' : '\u031B');
            }
        }
        return out;
    }

    private static int last(String s, char lower) {
        for (int i = s.length() - 1; i >= 0; i--) {
            if (Character.toLowerCase(s.charAt(i)) == lower) {
                return i;
            }
        }
        return -1;
    }

    private static String tone(String nfd, char lower, char key) {
        String bare = nfd.replaceAll("[\u0300\u0301\u0303\u0309\u0323]", "");
        int existing = -1;
        char existingMark = 0;
        for (int i = 0; i < nfd.length(); i++) {
            char c = nfd.charAt(i);
            if ("\u0300\u0301\u0303\u0309\u0323".indexOf(c) >= 0) {
                existing = i;
                existingMark = c;
            }
        }
        if (lower == 'z') {
            return existing >= 0 ? bare : null;
        }
        char mark = TONE_MARKS[TONES.indexOf(lower)];
        if (existingMark == mark) {
            return bare + key; // the same tone twice: undo it and type the letter
        }
        int at = toneVowel(bare);
        if (at < 0) {
            return null;
        }
        return insertAfter(bare, at, mark);
    }

    /**
     * The vowel that carries the tone (in NFD text without tones): a vowel with a hat, horn or breve
     * wins (ơ in "ươ"); otherwise in a final two-vowel group closed by a consonant the second, open the
     * first ("hoà" is written "hòa" in the older style most forms use), and "qu"/"gi" do not count.
     */
    static int toneVowel(String nfd) {
        int first = -1;
        int last = -1;
        for (int i = 0; i < nfd.length(); i++) {
            char c = nfd.charAt(i);
            if (!isVowel(c)) {
                continue;
            }
            char lc = Character.toLowerCase(c);
            if (i > 0 && lc == 'u' && Character.toLowerCase(nfd.charAt(i - 1)) == 'q') {
                continue;
            }
            if (i > 0 && lc == 'i' && Character.toLowerCase(nfd.charAt(i - 1)) == 'g' && hasVowelAfter(nfd, i)) {
                continue;
            }
            if (i + 1 < nfd.length() && (nfd.charAt(i + 1) == '\u0302' || nfd.charAt(i + 1) == '\u031B'
                    || nfd.charAt(i + 1) == '\u0306')) {
                last = i; // a modified vowel takes the tone; with two (ươ) the later one
                first = -2;
                continue;
            }
            if (first == -1) {
                first = i;
            }
            if (first != -2) {
                last = i;
            }
        }
        if (first == -2) {
            return last;
        }
        if (first < 0) {
            return -1;
        }
        int count = 0;
        for (int i = first; i <= last; i++) {
            if (isVowel(nfd.charAt(i))) {
                count++;
            }
        }
        boolean closed = last + 1 < nfd.length() && Character.isLetter(nfd.charAt(nfd.length() - 1))
                && !isVowel(nfd.charAt(nfd.length() - 1));
        if (count == 1) {
            return first;
        }
        if (count >= 3) {
            return nextVowel(nfd, first);
        }
        return closed ? last : first;
    }

    private static int nextVowel(String s, int from) {
        for (int i = from + 1; i < s.length(); i++) {
            if (isVowel(s.charAt(i))) {
                return i;
            }
        }
        return from;
    }

    private static boolean hasVowelAfter(String s, int i) {
        return i + 1 < s.length() && isVowel(s.charAt(i + 1));
    }

    private static boolean hasMark(String nfd, int i, char mark) {
        return i + 1 < nfd.length() && nfd.charAt(i + 1) == mark;
    }

    private static String insertAfter(String s, int i, char mark) {
        int at = i + 1;
        // Keep the modifier (hat, horn) next to its letter, the tone after it.
        while (at < s.length() && "\u0302\u031B\u0306".indexOf(s.charAt(at)) >= 0 && "\u0302\u031B\u0306".indexOf(mark) < 0) {
            at++;
        }
        return s.substring(0, at) + mark + s.substring(at);
    }

    private static boolean isVowel(char c) {
        return VOWELS.indexOf(c) >= 0;
    }

    private static int wordStart(String text) {
        int i = text.length();
        while (i > 0 && Character.isLetter(text.charAt(i - 1)) || i > 0 && Character.getType(text.charAt(i - 1)) == Character.NON_SPACING_MARK) {
            i--;
        }
        return i;
    }
}
