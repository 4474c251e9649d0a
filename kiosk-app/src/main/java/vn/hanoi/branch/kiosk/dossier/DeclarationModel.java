package vn.hanoi.branch.kiosk.dossier;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import vn.hanoi.branch.dossier.FormCheck;
import vn.hanoi.branch.kiosk.identity.Citizen;
import vn.hanoi.branch.kiosk.identity.TelexComposer;
import vn.hanoi.branch.api.Dossiers;
import vn.hanoi.branch.api.Dossiers.FormField;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The self-declaration form on the kiosk: which procedure, the values (prefilled from the ID card),
 * the field being typed, and what to fix. Checked with the same {@link FormCheck} the agent uses.
 * All changes on the FX thread.
 */
public final class DeclarationModel {
    private final ReadOnlyObjectWrapper<Dossiers.Procedure> procedure = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<FormField> current = new ReadOnlyObjectWrapper<>();
    private final ObservableMap<String, String> values = FXCollections.observableHashMap();
    private final ObservableMap<String, FormCheck.Problem> problems = FXCollections.observableHashMap();
    private final ObservableMap<String, String> valuesView = FXCollections.unmodifiableObservableMap(values);
    private final ObservableMap<String, FormCheck.Problem> problemsView = FXCollections.unmodifiableObservableMap(problems);
    private final javafx.beans.property.BooleanProperty shift = new javafx.beans.property.SimpleBooleanProperty();
    private boolean fromCard;

    /** One capital letter next (a line starts with one by itself). */
    public javafx.beans.property.BooleanProperty shiftProperty() {
        return shift;
    }

    public ReadOnlyObjectProperty<Dossiers.Procedure> procedureProperty() {
        return procedure.getReadOnlyProperty();
    }

    /** The field the keyboard types into. */
    public ReadOnlyObjectProperty<FormField> currentProperty() {
        return current.getReadOnlyProperty();
    }

    public ObservableMap<String, String> values() {
        return valuesView;
    }

    public ObservableMap<String, FormCheck.Problem> problems() {
        return problemsView;
    }

    /** A new form for the procedure, prefilled from the card when the citizen used one. */
    public void start(Dossiers.Procedure p, Citizen citizen) {
        clear();
        fromCard = citizen != null;
        for (FormField f : p.form()) {
            if (citizen != null && f.prefill() != null) {
                String v = citizen.prefill(f.prefill());
                if (v != null) {
                    values.put(f.key(), v);
                }
            }
        }
        procedure.set(p);
        current.set(p.form().stream().filter(f -> !values.containsKey(f.key())).findFirst()
                .orElse(p.form().isEmpty() ? null : p.form().get(0)));
    }

    public void select(FormField f) {
        current.set(f);
    }

    /** A key of the on-screen keyboard: letters go through Telex, so "aa" gives "â". */
    public void type(char key) {
        FormField f = current.get();
        if (f == null || f.kind() == Dossiers.FieldKind.CHOICE) {
            return;
        }
        String now = values.getOrDefault(f.key(), "");
        char k = shift.get() || now.isEmpty() ? Character.toUpperCase(key) : key;
        shift.set(false);
        String next = Character.isLetter(k) && f.kind() == Dossiers.FieldKind.TEXT ? TelexComposer.type(now, k) : now + k;
        if (next.length() <= f.maxLength()) {
            set(f, next);
        }
    }

    public void backspace() {
        FormField f = current.get();
        if (f != null) {
            set(f, TelexComposer.backspace(values.getOrDefault(f.key(), "")));
        }
    }

    /** A choice button of a CHOICE field, then on to the next empty field. */
    public void choose(FormField f, String choice) {
        set(f, choice);
        nextEmpty();
    }

    public void clearField() {
        FormField f = current.get();
        if (f != null) {
            set(f, "");
        }
    }

    /** Moves to the next field that still needs a value (or the next field when all are filled). */
    public void nextEmpty() {
        List<FormField> form = procedure.get() == null ? List.of() : procedure.get().form();
        int at = form.indexOf(current.get());
        for (int i = 1; i <= form.size(); i++) {
            FormField f = form.get((at + i) % form.size());
            if (values.getOrDefault(f.key(), "").isBlank()) {
                current.set(f);
                return;
            }
        }
        if (!form.isEmpty()) {
            current.set(form.get((at + 1) % form.size()));
        }
    }

    /** Shows every problem; true when the form can be sent. The first field to fix becomes current. */
    public boolean check() {
        problems.clear();
        Dossiers.Procedure p = procedure.get();
        if (p == null) {
            return false;
        }
        List<FormCheck.Problem> found = FormCheck.check(p.form(), values);
        found.forEach(x -> problems.put(x.field(), x));
        if (!found.isEmpty()) {
            p.form().stream().filter(f -> f.key().equals(found.get(0).field())).findFirst().ifPresent(current::set);
        }
        return found.isEmpty();
    }

    public Dossiers.DeclarationRequest request() {
        Map<String, String> copy = new LinkedHashMap<>(values);
        return new Dossiers.DeclarationRequest(procedure.get().code(), copy, fromCard);
    }

    /** Forgets the form and its values (end of the session). */
    public void clear() {
        values.clear();
        problems.clear();
        procedure.set(null);
        current.set(null);
        fromCard = false;
    }

    private void set(FormField f, String v) {
        if (v.isEmpty()) {
            values.remove(f.key());
        } else {
            values.put(f.key(), v);
        }
        problems.remove(f.key());
    }
}
