package vn.hanoi.branch.kiosk;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import vn.hanoi.branch.i18n.I18n;

import java.util.Locale;
import java.util.function.Supplier;

/**
 * Kiosk texts in both languages. Every message is shown twice: the chosen language large, the other
 * one small beneath it, so that a citizen who cannot find the language switch still understands.
 */
public final class Texts {
    public String get(Locale language, String key, Object... args) {
        return I18n.text("kiosk", language, key, args);
    }

    /** A two-line label for a bundle key. */
    public VBox both(ObjectProperty<Locale> language, String key, Object... args) {
        return both(language, () -> get(I18n.VI, key, args), () -> get(I18n.EN, key, args));
    }

    /**
     * A two-line label for texts computed from the model; {@code deps} are the observables the texts
     * depend on besides the language.
     */
    public static VBox both(ObjectProperty<Locale> language, Supplier<String> vi, Supplier<String> en,
                            ObservableValue<?>... deps) {
        Label primary = new Label();
        Label secondary = new Label();
        primary.getStyleClass().add("primary");
        secondary.getStyleClass().add("secondary");
        primary.setWrapText(true);
        secondary.setWrapText(true);
        ObservableValue<?>[] all = new ObservableValue<?>[deps.length + 1];
        all[0] = language;
        System.arraycopy(deps, 0, all, 1, deps.length);
        primary.textProperty().bind(Bindings.createStringBinding(
                () -> I18n.EN.equals(language.get()) ? en.get() : vi.get(), all));
        secondary.textProperty().bind(Bindings.createStringBinding(
                () -> I18n.EN.equals(language.get()) ? vi.get() : en.get(), all));
        VBox box = new VBox(4, primary, secondary);
        box.setAlignment(Pos.CENTER);
        return box;
    }
}
