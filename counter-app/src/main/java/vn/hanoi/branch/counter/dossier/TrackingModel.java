package vn.hanoi.branch.counter.dossier;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import vn.hanoi.branch.counter.AgentTasks;
import vn.hanoi.branch.code.OurQr;
import vn.hanoi.branch.i18n.I18n;
import vn.hanoi.branch.slip.Slip;
import vn.hanoi.branch.api.Dossiers;
import vn.hanoi.branch.client.AgentClient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Dossier tracking at the counter, without UI: the list (by state, or the overdue ones), one dossier
 * with its timeline (every open is a personal-data read the agent audits), and what a clerk does with
 * it: move it on, hand the result over at the counter or send it home, certify the electronic copy.
 */
public final class TrackingModel {
    private final AgentClient agent;
    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper();
    private final ObservableList<Dossiers.Summary> items = FXCollections.observableArrayList();
    private final ObjectProperty<Dossiers.State> filter = new SimpleObjectProperty<>();
    private final BooleanProperty overdueOnly = new SimpleBooleanProperty();
    private final ReadOnlyObjectWrapper<Dossiers.Dossier> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final AgentTasks tasks;

    public TrackingModel(AgentClient agent, Executor background, Executor ui) {
        this.agent = agent;
        this.tasks = new AgentTasks(background, ui, busy, message);
        filter.addListener((o, a, b) -> refresh());
        overdueOnly.addListener((o, a, b) -> refresh());
    }

    public ReadOnlyBooleanProperty openProperty() {
        return open.getReadOnlyProperty();
    }

    public ObservableList<Dossiers.Summary> items() {
        return items;
    }

    public ObjectProperty<Dossiers.State> filterProperty() {
        return filter;
    }

    public BooleanProperty overdueOnlyProperty() {
        return overdueOnly;
    }

    public ReadOnlyObjectProperty<Dossiers.Dossier> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public void show() {
        open.set(true);
        refresh();
    }

    /** Back to the desk; the dossier on screen (personal data) is dropped. */
    public void hide() {
        open.set(false);
        selected.set(null);
        items.clear();
        message.set("");
    }

    public void refresh() {
        if (!open.get()) {
            return;
        }
        Dossiers.State state = filter.get();
        boolean overdue = overdueOnly.get();
        run(() -> {
            List<Dossiers.Summary> list = agent.dossiers(state, overdue);
            return () -> items.setAll(list);
        });
    }

    /** Opens one dossier (the agent records the read). */
    public void select(Dossiers.Summary s) {
        if (s == null) {
            selected.set(null);
            return;
        }
        run(() -> {
            Dossiers.Dossier d = agent.dossier(s.id());
            return () -> selected.set(d);
        });
    }

    /**
     * Moves the dossier on. Asking for more documents or refusing needs a reason (the note), and prints
     * the matching slip for the citizen: the request lists what is missing, the refusal says why.
     */
    public void moveTo(Dossiers.State state, String noteVi) {
        Dossiers.Dossier d = selected.get();
        if (d == null) {
            return;
        }
        String note = noteVi == null || noteVi.isBlank() ? null : noteVi.strip();
        boolean slip = state == Dossiers.State.ADDITIONAL_DOCUMENTS_REQUESTED || state == Dossiers.State.REFUSED;
        if (slip && note == null) {
            message.set(I18n.both("counter", "tracking.reasonNeeded"));
            return;
        }
        run(() -> {
            agent.changeDossierState(d.id(), state, note, null);
            Dossiers.Dossier now = agent.dossier(d.id());
            String[] printed = slip && slips != null ? printSlip(now, state, note) : null;
            List<Dossiers.Summary> list = agent.dossiers(filter.get(), overdueOnly.get());
            return () -> {
                selected.set(now);
                items.setAll(list);
                if (printed != null) {
                    message.set(printed[0] + "\n" + printed[1]);
                }
            };
        });
    }

    private String[] printSlip(Dossiers.Dossier d, Dossiers.State state, String reason) {
        Dossiers.Procedure p = agent.procedures().stream().filter(x -> x.code().equals(d.procedureCode())).findFirst()
                .orElse(null);
        if (p == null) {
            return null;
        }
        Slip slip = state == Dossiers.State.REFUSED ? Slip.refusal(issuer.get(), d, p, reason, lookupBase)
                : Slip.additionalDocuments(issuer.get(), d, p, reason, lookupBase);
        try {
            return slips.print(slip);
        } catch (Exception e) {
            return new String[] {"Không in được phiếu: " + e.getMessage(), "The slip was not printed: " + e.getMessage()};
        }
    }

    private Supplier<Slip.Issuer> issuer;
    private ReceptionModel.SlipSink slips;
    private String lookupBase = OurQr.DEFAULT_BASE;

    /** Who issues slips and where they print (the same as the reception form's). */
    public void configureSlips(Supplier<Slip.Issuer> issuer, ReceptionModel.SlipSink sink, String lookupBase) {
        this.issuer = issuer;
        this.slips = sink;
        this.lookupBase = lookupBase == null ? OurQr.DEFAULT_BASE : lookupBase;
    }

    public void handOver(Dossiers.HandOverMethod method, String address, String phone) {
        Dossiers.Dossier d = selected.get();
        if (d != null) {
            after(() -> agent.handOver(d.id(), new Dossiers.HandOver(method, address, phone)), d.id());
        }
    }

    /** Has the agent sign the result document (a PDF from the department) as the certified copy. */
    public void certify(Path resultPdf) {
        Dossiers.Dossier d = selected.get();
        if (d == null || resultPdf == null) {
            return;
        }
        after(() -> {
            try {
                return agent.certifyCopy(d.id(), Files.readAllBytes(resultPdf));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, d.id());
    }

    /** Runs an action, then reloads the dossier and the list so the timeline shows what happened. */
    private void after(Supplier<?> action, long dossierId) {
        run(() -> {
            action.get();
            Dossiers.Dossier d = agent.dossier(dossierId);
            List<Dossiers.Summary> list = agent.dossiers(filter.get(), overdueOnly.get());
            return () -> {
                selected.set(d);
                items.setAll(list);
            };
        });
    }

    private void run(AgentTasks.Call call) {
        tasks.run(call);
    }
}
