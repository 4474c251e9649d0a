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
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import vn.hanoi.branch.dossier.FormCheck;
import vn.hanoi.branch.code.OurQr;
import vn.hanoi.branch.slip.Slip;
import vn.hanoi.branch.api.Dossiers;
import vn.hanoi.branch.api.Ticket;
import vn.hanoi.branch.client.DeskClient;
import vn.hanoi.branch.client.AgentException;
import vn.hanoi.branch.i18n.I18n;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Reception of a dossier at the counter, without UI: the procedure, the applicant (prefilled from what
 * the citizen declared at the kiosk), the checklist of documents handed in, fee and notes; sent to the
 * agent, which gives the code and the appointment date. Property changes on the FX thread.
 */
public final class ReceptionModel {
    /** The applicant's fields, checked with the same rules as the kiosk's forms. */
    static final List<Dossiers.FormField> APPLICANT_FORM = List.of(
            field("fullName", "Họ và tên người nộp", "Applicant's full name", Dossiers.FieldKind.TEXT, true, 80),
            field("idNumber", "Số định danh cá nhân", "Personal ID number", Dossiers.FieldKind.ID_NUMBER, false, 12),
            field("dateOfBirth", "Ngày sinh", "Date of birth", Dossiers.FieldKind.DATE, false, 10),
            field("phone", "Số điện thoại", "Phone number", Dossiers.FieldKind.PHONE, false, 12),
            field("address", "Địa chỉ", "Address", Dossiers.FieldKind.TEXT, false, 200));

    /** Where a slip goes (the counter's thermal printer, or a PDF for the office printer); answers what happened. */
    public interface SlipSink {
        /** @return {vi, en} message for the clerk */
        String[] print(Slip slip) throws Exception;
    }

    /** One line of the checklist. */
    public record DocumentLine(Dossiers.RequiredDocument document, BooleanProperty received, BooleanProperty original) {
    }

    private final Supplier<DeskClient> agent;
    private final Executor background;
    private final Executor ui;

    private final ObservableList<Dossiers.Procedure> procedures = FXCollections.observableArrayList();
    private final ObjectProperty<Dossiers.Procedure> procedure = new SimpleObjectProperty<>();
    private final StringProperty fullName = new SimpleStringProperty("");
    private final StringProperty idNumber = new SimpleStringProperty("");
    private final StringProperty dateOfBirth = new SimpleStringProperty("");
    private final StringProperty phone = new SimpleStringProperty("");
    private final StringProperty address = new SimpleStringProperty("");
    private final StringProperty fee = new SimpleStringProperty("0");
    private final StringProperty notes = new SimpleStringProperty("");
    private final BooleanProperty online = new SimpleBooleanProperty();
    private final ObservableList<DocumentLine> documents = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Dossiers.Dossier> received = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper slipMessage = new ReadOnlyStringWrapper("");
    private Supplier<Slip.Issuer> issuer;
    private SlipSink slips;
    private String lookupBase = OurQr.DEFAULT_BASE;
    private Long ticketId;

    public ReceptionModel(Supplier<DeskClient> agent, Executor background, Executor ui) {
        this.agent = agent;
        this.background = background;
        this.ui = ui;
        procedure.addListener((o, was, p) -> {
            documents.setAll(p == null ? List.of() : p.documents().stream()
                    .map(d -> new DocumentLine(d, new SimpleBooleanProperty(false), new SimpleBooleanProperty(d.original())))
                    .toList());
            fee.set(p == null ? "0" : Long.toString(p.feeVnd()));
        });
    }

    public ObservableList<Dossiers.Procedure> procedures() {
        return procedures;
    }

    public ObjectProperty<Dossiers.Procedure> procedureProperty() {
        return procedure;
    }

    public StringProperty fullNameProperty() {
        return fullName;
    }

    public StringProperty idNumberProperty() {
        return idNumber;
    }

    public StringProperty dateOfBirthProperty() {
        return dateOfBirth;
    }

    public StringProperty phoneProperty() {
        return phone;
    }

    public StringProperty addressProperty() {
        return address;
    }

    public StringProperty feeProperty() {
        return fee;
    }

    public StringProperty notesProperty() {
        return notes;
    }

    public BooleanProperty onlineProperty() {
        return online;
    }

    public ObservableList<DocumentLine> documents() {
        return documents;
    }

    public ReadOnlyBooleanProperty openProperty() {
        return open.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What went wrong, in both languages, or empty. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** What happened to the last slip, in both languages, or empty. */
    public ReadOnlyStringProperty slipMessageProperty() {
        return slipMessage.getReadOnlyProperty();
    }

    /** Sets who issues slips (branch, clerk, counter) and where they print. */
    public void configureSlips(Supplier<Slip.Issuer> issuer, SlipSink sink, String lookupBase) {
        this.issuer = issuer;
        this.slips = sink;
        this.lookupBase = lookupBase == null ? OurQr.DEFAULT_BASE : lookupBase;
    }

    /** Prints the receipt and appointment slip of the dossier just received (Ctrl+P). */
    public void printSlip() {
        Dossiers.Dossier d = received.get();
        Dossiers.Procedure p = procedure.get();
        if (d == null || p == null || slips == null || busy.get()) {
            return;
        }
        busy.set(true);
        slipMessage.set("");
        background.execute(() -> {
            String[] said;
            try {
                said = slips.print(Slip.receipt(issuer.get(), d, p, lookupBase));
            } catch (Exception e) {
                said = new String[] {"Không in được phiếu hẹn: " + e.getMessage(), "The slip was not printed: " + e.getMessage()};
            }
            String[] out = said;
            ui.execute(() -> {
                busy.set(false);
                slipMessage.set(out[0] + "\n" + out[1]);
            });
        });
    }

    /** The dossier once the agent has received it (code, appointment date), else null. */
    public ReadOnlyObjectProperty<Dossiers.Dossier> receivedProperty() {
        return received.getReadOnlyProperty();
    }

    /**
     * Opens the form for the ticket at the counter, prefilled from its declaration (or empty for a
     * citizen who did not declare). {@code catalog} is the branch's procedures.
     */
    public void start(Ticket ticket, Dossiers.Declaration declaration, List<Dossiers.Procedure> catalog) {
        clear();
        procedures.setAll(catalog);
        ticketId = ticket == null ? null : ticket.id();
        if (declaration != null) {
            Map<String, String> v = declaration.values();
            procedures.stream().filter(p -> p.code().equals(declaration.procedureCode())).findFirst().ifPresent(procedure::set);
            fullName.set(v.getOrDefault("applicantName", ""));
            idNumber.set(v.getOrDefault("applicantId", ""));
            dateOfBirth.set(v.getOrDefault("applicantDob", ""));
            phone.set(v.getOrDefault("phone", ""));
            address.set(v.getOrDefault("applicantAddress", ""));
        } else if (ticket != null) {
            procedures.stream().filter(p -> p.serviceCode().equals(ticket.serviceCode())).findFirst().ifPresent(procedure::set);
        }
        open.set(true);
    }

    /** Checks the form here (same rules as the agent), then asks the agent to receive the dossier. */
    public void submit() {
        if (!open.get() || busy.get() || received.get() != null) {
            return;
        }
        Dossiers.Procedure p = procedure.get();
        if (p == null) {
            message.set(I18n.both("counter", "reception.noProcedure"));
            return;
        }
        Map<String, String> applicant = Map.of("fullName", fullName.get(), "idNumber", idNumber.get(),
                "dateOfBirth", dateOfBirth.get(), "phone", phone.get(), "address", address.get());
        List<FormCheck.Problem> problems = FormCheck.check(APPLICANT_FORM, applicant);
        if (!problems.isEmpty()) {
            message.set(problems.get(0).messageVi() + "\n" + problems.get(0).messageEn());
            return;
        }
        long feeVnd;
        try {
            feeVnd = Long.parseLong(fee.get().replace(".", "").replace(",", "").strip());
        } catch (NumberFormatException e) {
            message.set(I18n.both("counter", "reception.badFee"));
            return;
        }
        Map<String, String> v = FormCheck.normalise(APPLICANT_FORM, applicant);
        Dossiers.Reception r = new Dossiers.Reception(ticketId, p.code(), new Dossiers.Applicant(v.get("fullName"),
                v.get("idNumber"), v.containsKey("dateOfBirth") ? LocalDate.parse(v.get("dateOfBirth"), FormCheck.DATE) : null,
                v.get("phone"), v.get("address")),
                documents.stream().map(d -> new Dossiers.ReceivedDocument(d.document().code(), d.received().get(),
                        d.original().get())).toList(), feeVnd, notes.get().isBlank() ? null : notes.get().strip(), online.get());
        busy.set(true);
        message.set("");
        background.execute(() -> {
            try {
                Dossiers.Dossier d = agent.get().receiveDossier(r);
                ui.execute(() -> {
                    busy.set(false);
                    received.set(d);
                });
            } catch (AgentException e) {
                ui.execute(() -> {
                    busy.set(false);
                    message.set(e.error().messageVi() + "\n" + e.error().messageEn());
                });
            }
        });
    }

    /** Closes the form; what was typed is dropped (it may hold personal data). */
    public void close() {
        clear();
    }

    private void clear() {
        open.set(false);
        ticketId = null;
        procedure.set(null);
        for (StringProperty s : List.of(fullName, idNumber, dateOfBirth, phone, address, notes)) {
            s.set("");
        }
        fee.set("0");
        online.set(false);
        documents.clear();
        message.set("");
        slipMessage.set("");
        received.set(null);
        busy.set(false);
    }

    private static Dossiers.FormField field(String key, String vi, String en, Dossiers.FieldKind kind, boolean required,
                                            int max) {
        return new Dossiers.FormField(key, vi, en, kind, required, null, max, List.of(), null);
    }
}
