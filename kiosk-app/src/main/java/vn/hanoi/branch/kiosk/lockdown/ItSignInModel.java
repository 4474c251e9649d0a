package vn.hanoi.branch.kiosk.lockdown;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hanoi.branch.api.Role;
import vn.hanoi.branch.api.Sessions;
import vn.hanoi.branch.client.KioskClient;
import vn.hanoi.branch.client.StaffSession;
import vn.hanoi.branch.client.AgentException;
import vn.hanoi.branch.i18n.I18n;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * IT sign-in at the kiosk, checked by the agent: the account must exist, the PIN or password match,
 * and the role be IT (a clerk or supervisor is refused: they have no business outside the kiosk).
 * After {@link #MAX_FAILURES} failures in a row the kiosk itself refuses for {@link #LOCKOUT}, on top
 * of the agent's per-account lockout, so guessing at a public kiosk is slow whatever the username.
 * The session lives on a separate client of the kiosk's device, never on the client the citizens'
 * screens use, and ends when IT leaves.
 */
public final class ItSignInModel {
    public static final int MAX_FAILURES = 3;
    public static final Duration LOCKOUT = Duration.ofSeconds(60);
    private static final Logger LOG = LoggerFactory.getLogger(ItSignInModel.class);
    private static final String BUNDLE = "kiosk";

    private final Supplier<KioskClient> kioskClient;
    private final Executor background;
    private final Executor ui;
    private final Clock clock;
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty pin = new SimpleStringProperty("");
    private final SimpleObjectProperty<String[]> message = new SimpleObjectProperty<>();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final SimpleObjectProperty<Sessions.User> signedIn = new SimpleObjectProperty<>();
    private final SimpleObjectProperty<Field> typing = new SimpleObjectProperty<>(Field.USERNAME);
    private final BooleanProperty shifted = new SimpleBooleanProperty();
    private int failures;
    private Instant lockedUntil = Instant.MIN;
    private StaffSession session;

    /**
     * @param kioskClient the kiosk's paired client, or null while the kiosk is not paired
     */
    public ItSignInModel(Supplier<KioskClient> kioskClient, Executor background, Executor ui, Clock clock) {
        this.kioskClient = kioskClient;
        this.background = background;
        this.ui = ui;
        this.clock = clock;
    }

    /** The two fields the on-screen keyboard types into. */
    public enum Field { USERNAME, PIN }

    /** Where the on-screen keyboard types (a touch on a field moves it there). */
    public SimpleObjectProperty<Field> typingProperty() {
        return typing;
    }

    /** The next letter typed on the on-screen keyboard is a capital. */
    public BooleanProperty shiftedProperty() {
        return shifted;
    }

    /** A key of the on-screen keyboard (a kiosk has no keyboard of its own). */
    public void type(char c) {
        StringProperty field = typing.get() == Field.PIN ? pin : username;
        char typed = shifted.get() ? Character.toUpperCase(c) : c;
        shifted.set(false);
        field.set((field.get() == null ? "" : field.get()) + typed);
    }

    public void backspace() {
        StringProperty field = typing.get() == Field.PIN ? pin : username;
        String v = field.get() == null ? "" : field.get();
        if (!v.isEmpty()) {
            field.set(v.substring(0, v.length() - 1));
        }
    }

    /** The Next key: from the username to the PIN, and from the PIN to signing in. */
    public void next() {
        if (typing.get() == Field.USERNAME) {
            typing.set(Field.PIN);
        } else {
            signIn();
        }
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty pinProperty() {
        return pin;
    }

    /** Vietnamese and English text of the last refusal, or null. */
    public ReadOnlyObjectProperty<String[]> messageProperty() {
        return message;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    /** The IT person signed in, or null. */
    public ReadOnlyObjectProperty<Sessions.User> signedInProperty() {
        return signedIn;
    }

    /** Checks the account with the agent; the answer arrives on the UI thread. */
    public void signIn() {
        if (busy.get()) {
            return;
        }
        Instant now = clock.instant();
        if (now.isBefore(lockedUntil)) {
            long seconds = Math.max(1, Duration.between(now, lockedUntil).toSeconds());
            say("it.locked", seconds);
            return;
        }
        KioskClient kiosk = kioskClient.get();
        if (kiosk == null) {
            say("it.notPaired");
            return;
        }
        String user = username.get() == null ? "" : username.get().strip();
        String secret = pin.get() == null ? "" : pin.get();
        if (user.isEmpty() || secret.isEmpty()) {
            say("it.missing");
            return;
        }
        busy.set(true);
        message.set(null);
        background.execute(() -> {
            try {
                // A session of its own: the kiosk's client keeps acting as the kiosk.
                StaffSession s = kiosk.login(user, secret);
                if (s.user().role() != Role.IT) {
                    s.logout();
                    LOG.info("IT sign-in refused: account role {} is not IT", s.user().role());
                    ui.execute(() -> failed(new String[] {I18n.text(BUNDLE, I18n.VI, "it.notIt"),
                            I18n.text(BUNDLE, I18n.EN, "it.notIt")}, true));
                    return;
                }
                LOG.info("IT signed in at the kiosk (user id {})", s.user().id());
                ui.execute(() -> {
                    busy.set(false);
                    failures = 0;
                    pin.set("");
                    session = s;
                    signedIn.set(s.user());
                });
            } catch (AgentException e) {
                // Unreachable agent or server trouble is nobody's guess: it does not count toward the lockout.
                boolean refused = !e.isUnreachable() && e.status() >= 400 && e.status() < 500;
                ui.execute(() -> failed(new String[] {e.error().messageVi(), e.error().messageEn()}, refused));
            }
        });
    }

    /** Ends the IT session (back to the citizens' screens, or before exit). */
    public void signOut() {
        StaffSession c = session;
        session = null;
        signedIn.set(null);
        typing.set(Field.USERNAME);
        username.set("");
        pin.set("");
        message.set(null);
        if (c != null) {
            background.execute(() -> {
                try {
                    c.logout();
                } catch (AgentException e) {
                    LOG.info("IT sign-out not confirmed by the agent ({}); the session expires by itself", e.error().code());
                }
            });
        }
    }

    private void failed(String[] text, boolean counts) {
        busy.set(false);
        pin.set("");
        if (counts && ++failures >= MAX_FAILURES) {
            failures = 0;
            lockedUntil = clock.instant().plus(LOCKOUT);
            say("it.locked", LOCKOUT.toSeconds());
            return;
        }
        message.set(text);
    }

    private void say(String key, Object... args) {
        message.set(new String[] {I18n.text(BUNDLE, I18n.VI, key, args), I18n.text(BUNDLE, I18n.EN, key, args)});
    }
}
