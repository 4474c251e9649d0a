package vn.hanoi.branch.i18n;

import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Message bundles of the apps, under {@code i18n/<name>.properties} (Vietnamese, the default) and
 * {@code i18n/<name>_en.properties} (English). Vietnamese is the base bundle so a missing English key
 * shows Vietnamese, never a key name; the machine's own locale is ignored.
 */
public final class I18n {
    public static final Locale VI = Locale.forLanguageTag("vi-VN");
    public static final Locale EN = Locale.ENGLISH;

    private static final ResourceBundle.Control NO_SYSTEM_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private I18n() {
    }

    public static ResourceBundle bundle(String name, Locale locale) {
        return ResourceBundle.getBundle("i18n." + name, locale, I18n.class.getClassLoader(), NO_SYSTEM_FALLBACK);
    }

    /** A message in Vietnamese with its English translation on the next line, for staff screens. */
    public static String both(String name, String key, Object... args) {
        return text(name, VI, key, args) + "\n" + text(name, EN, key, args);
    }

    /** One message in one language, with {@code {0}}-style arguments filled in. */
    public static String text(String name, Locale language, String key, Object... args) {
        Locale l = EN.equals(language) ? EN : VI;
        String pattern = bundle(name, l).getString(key);
        return args.length == 0 ? pattern : new java.text.MessageFormat(pattern, l).format(args);
    }
}
