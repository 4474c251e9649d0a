package vn.hanoi.branch.kiosk.settings;

import vn.hanoi.branch.i18n.I18n;

/** What a device test found, in Vietnamese and English, and whether the device is fit for work. */
public record CheckResult(boolean ok, String vi, String en) {

    /** A result from a kiosk bundle key, the same arguments in both languages. */
    static CheckResult of(boolean ok, String key, Object... args) {
        return new CheckResult(ok, I18n.text("kiosk", I18n.VI, key, args), I18n.text("kiosk", I18n.EN, key, args));
    }

    /** A test still running. */
    static CheckResult running() {
        return of(true, "settings.running");
    }

    public String both() {
        return vi + "\n" + en;
    }
}
