package vn.hanoi.branch.kiosk.ticket;

import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import vn.hanoi.branch.code.CodeSyntax;

import java.util.function.Consumer;

/**
 * The booking screen's view model: the code typed on the on-screen keypad of the characters booking
 * codes use ({@link CodeSyntax#BOOKING_ALPHABET}), and the check-in with it.
 */
public final class BookingModel {
    private static final String KEYS = CodeSyntax.BOOKING_ALPHABET;
    private static final int CODE_LENGTH = CodeSyntax.BOOKING_LENGTH;

    private final ReadOnlyStringWrapper code = new ReadOnlyStringWrapper("");
    private final BooleanBinding complete = code.length().isEqualTo(CODE_LENGTH);
    private final Consumer<String> checkIn;

    BookingModel(Consumer<String> checkIn) {
        this.checkIn = checkIn;
    }

    /** Keys of the keypad. */
    public static String keys() {
        return KEYS;
    }

    public ReadOnlyStringProperty codeProperty() {
        return code.getReadOnlyProperty();
    }

    /** True when the code has all its characters (the check-in button is enabled). */
    public BooleanBinding completeProperty() {
        return complete;
    }

    public void type(char key) {
        if (code.get().length() < CODE_LENGTH && KEYS.indexOf(key) >= 0) {
            code.set(code.get() + key);
        }
    }

    public void clear() {
        code.set("");
    }

    public void submit() {
        if (complete.get()) {
            checkIn.accept(code.get());
        }
    }
}
