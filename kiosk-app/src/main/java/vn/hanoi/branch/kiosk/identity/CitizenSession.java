package vn.hanoi.branch.kiosk.identity;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import vn.hanoi.branch.api.PriorityClass;
import vn.hanoi.branch.i18n.I18n;
import vn.hanoi.branch.ticket.PriorityByAge;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the kiosk holds of the citizen in front of it, for this session only: the language they chose,
 * who they are once they showed their ID card (chip or QR), and a short message for the current screen.
 * {@link #end()} forgets all of it. Changes on the FX thread.
 */
public final class CitizenSession {
    private final ReadOnlyObjectWrapper<Citizen> citizen = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<String[]> notice = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<Locale> language = new SimpleObjectProperty<>(I18n.VI);
    private final List<PriorityClass> priorityClasses;
    private final Clock clock;

    /** @param priorityClasses the branch's priority groups, as the agent gives them (filled later) */
    public CitizenSession(List<PriorityClass> priorityClasses, Clock clock) {
        this.priorityClasses = priorityClasses;
        this.clock = clock;
    }

    /** The citizen identified by ID card or its QR in this session, or null. */
    public ReadOnlyObjectProperty<Citizen> citizenProperty() {
        return citizen.getReadOnlyProperty();
    }

    /** A short message for the current screen ({vi, en}), e.g. a QR that could not be read; or null. */
    public ReadOnlyObjectProperty<String[]> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ObjectProperty<Locale> languageProperty() {
        return language;
    }

    public void toggleLanguage() {
        language.set(I18n.VI.equals(language.get()) ? I18n.EN : I18n.VI);
    }

    /** Shows a short message on the current screen, e.g. why a scanned code or a card was not read. */
    public void tell(String vi, String en) {
        notice.set(vi == null ? null : new String[] {vi, en});
    }

    public void clearNotice() {
        notice.set(null);
    }

    /** The card was read: its data serves this session only. */
    public void identify(Citizen c) {
        citizen.set(c);
        notice.set(null);
    }

    /** True when the citizen's age, known from the card, gives the elderly priority by itself. */
    public boolean elderlyByAge() {
        return priorityByAge().isPresent();
    }

    /** The branch's priority group the card's date of birth gives (the agent decides the same way). */
    public Optional<PriorityClass> priorityByAge() {
        Citizen c = citizen.get();
        return c == null ? Optional.empty() : PriorityByAge.of(priorityClasses, c.dateOfBirth(), LocalDate.now(clock));
    }

    /** True when something of the citizen is on the kiosk: another language, card data or a message. */
    public boolean active() {
        return !I18n.VI.equals(language.get()) || citizen.get() != null || notice.get() != null;
    }

    /** End of the citizen's session: card data and messages dropped, back to Vietnamese. */
    public void end() {
        citizen.set(null);
        notice.set(null);
        language.set(I18n.VI);
    }
}
