package vn.hanoi.branch.kiosk.ticket;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import vn.hanoi.branch.kiosk.KioskControls;
import vn.hanoi.branch.kiosk.Texts;
import vn.hanoi.branch.kiosk.identity.Citizen;
import vn.hanoi.branch.api.QueueSnapshot;
import vn.hanoi.branch.api.ServiceInfo;
import vn.hanoi.branch.i18n.I18n;

import java.util.List;
import java.util.Locale;

/** First screen: one big tile per open service, and the language switch. */
public final class ServicesScreen {
    private static final int COLUMNS = 2;

    private final TakeNumberModel model;
    private final Texts texts;
    private final BorderPane root = new BorderPane();
    private final GridPane tiles = new GridPane();

    public ServicesScreen(TakeNumberModel model, Texts texts) {
        this.model = model;
        this.texts = texts;
        root.setTop(KioskControls.header(model, texts));

        tiles.setHgap(32);
        tiles.setVgap(20);
        for (int i = 0; i < COLUMNS; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(100.0 / COLUMNS);
            tiles.getColumnConstraints().add(c);
        }
        VBox none = texts.both(model.session().languageProperty(), "none.title");
        none.visibleProperty().bind(Bindings.isEmpty(model.offer().services()));
        none.managedProperty().bind(none.visibleProperty());
        Button booking = KioskControls.quiet("booking", "choose.booking", texts, model, model::startBooking);
        Button lookup = KioskControls.quiet("lookup", "choose.lookup", texts, model, model::startLookup);
        HBox more = new HBox(32, booking, lookup);
        more.setAlignment(Pos.CENTER);
        VBox center = new VBox(16, identity(model, texts), texts.both(model.session().languageProperty(), "choose.title"), none, tiles, more);
        center.setPadding(new Insets(20, 64, 20, 64));
        center.setAlignment(Pos.TOP_CENTER);
        root.setCenter(center);
        model.offer().services().addListener((ListChangeListener<ServiceInfo>) c -> fill(model.offer().services()));
        fill(model.offer().services());
    }

    /**
     * Before a card: how to use it and the consent line. After: the greeting, where the data came from,
     * and the age priority. A message about a code or card that could not be read shows above both.
     */
    static Node identity(TakeNumberModel model, Texts texts) {
        var lang = model.session().languageProperty();
        var citizen = model.session().citizenProperty();
        VBox notice = Texts.both(lang, () -> model.session().noticeProperty().get() == null ? "" : model.session().noticeProperty().get()[0],
                () -> model.session().noticeProperty().get() == null ? "" : model.session().noticeProperty().get()[1], model.session().noticeProperty());
        notice.setId("notice");
        notice.getStyleClass().add("warning");
        notice.visibleProperty().bind(model.session().noticeProperty().isNotNull());
        notice.managedProperty().bind(notice.visibleProperty());

        VBox prompt = new VBox(8, texts.both(lang, "identity.prompt"), texts.both(lang, "identity.consent"));
        prompt.setId("identity-prompt");
        prompt.getStyleClass().add("identity");
        prompt.visibleProperty().bind(citizen.isNull());
        prompt.managedProperty().bind(prompt.visibleProperty());
        ((VBox) prompt.getChildren().get(1)).getStyleClass().add("consent");

        VBox greeting = Texts.both(lang,
                () -> citizen.get() == null ? "" : texts.get(I18n.VI, "identity.greeting", citizen.get().salutationVi()),
                () -> citizen.get() == null ? "" : texts.get(I18n.EN, "identity.greeting", citizen.get().salutationEn()),
                citizen);
        greeting.setId("greeting");
        VBox source = Texts.both(lang, () -> sourceText(model, texts, I18n.VI),
                () -> sourceText(model, texts, I18n.EN), citizen);
        source.setId("identity-source");
        Label elderly = new Label();
        elderly.setId("elderly");
        elderly.getStyleClass().add("priority-mark");
        elderly.textProperty().bind(Bindings.createStringBinding(
                () -> texts.get(lang.get(), "identity.elderly", model.session().priorityByAge().map(p -> p.minAge()).orElse(0)), lang, citizen));
        elderly.visibleProperty().bind(Bindings.createBooleanBinding(model.session()::elderlyByAge, citizen));
        elderly.managedProperty().bind(elderly.visibleProperty());
        VBox known = new VBox(8, greeting, source, elderly);
        known.setAlignment(Pos.CENTER);
        known.getStyleClass().add("identity");
        known.visibleProperty().bind(citizen.isNotNull());
        known.managedProperty().bind(known.visibleProperty());
        return new VBox(12, notice, prompt, known);
    }

    private static String sourceText(TakeNumberModel model, Texts texts, Locale l) {
        var c = model.session().citizenProperty().get();
        if (c == null) {
            return "";
        }
        String from = texts.get(l, c.source() == Citizen.Source.CHIP
                ? "identity.verified.chip" : "identity.verified.qr");
        String verdict = I18n.EN.equals(l) ? c.verdictEn() : c.verdictVi();
        return verdict == null ? from : from + " – " + verdict;
    }

    private void fill(List<ServiceInfo> services) {
        tiles.getChildren().clear();
        for (int i = 0; i < services.size(); i++) {
            tiles.add(tile(services.get(i)), i % COLUMNS, i / COLUMNS);
        }
    }

    private Button tile(ServiceInfo s) {
        Label prefix = new Label(s.prefix() + s.numberStart());
        prefix.getStyleClass().add("prefix");
        VBox names = Texts.both(model.session().languageProperty(), s::nameVi, s::nameEn);
        names.setAlignment(Pos.CENTER_LEFT);
        Label wait = new Label();
        wait.setId("wait-" + s.code());
        wait.getStyleClass().add("wait");
        wait.textProperty().bind(Bindings.createStringBinding(() -> {
            Integer m = model.offer().estimates().get(s.id());
            return m == null ? "" : texts.get(model.session().languageProperty().get(), "choose.wait", m);
        }, model.offer().estimates(), model.session().languageProperty()));
        // The hours as the agent has them now: IT or a supervisor may change them while the kiosk runs.
        Label hours = new Label();
        hours.setId("hours-" + s.code());
        hours.getStyleClass().add("wait");
        hours.textProperty().bind(Bindings.createStringBinding(() -> texts.get(model.session().languageProperty().get(),
                "choose.hours", s.opensAt(), s.closesAt()), model.session().languageProperty()));
        // Closed, or no numbers left today: the agent's words, and the tile cannot be tapped.
        var availability = Bindings.valueAt(model.offer().availability(), s.id());
        VBox why = Texts.both(model.session().languageProperty(), () -> refusal(availability.get(), I18n.VI),
                () -> refusal(availability.get(), I18n.EN), availability);
        why.setId("why-" + s.code());
        why.getStyleClass().add("warning");
        why.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> availability.get() != null && !availability.get().open(), availability));
        why.managedProperty().bind(why.visibleProperty());
        names.getChildren().addAll(wait, hours, why);
        HBox.setHgrow(names, Priority.ALWAYS);
        HBox content = new HBox(24, names);
        content.setAlignment(Pos.CENTER_LEFT);
        Button b = new Button();
        b.setGraphic(content);
        b.setId("service-" + s.code());
        b.getStyleClass().setAll("tile");
        b.setMaxWidth(Double.MAX_VALUE);
        b.setOnAction(e -> model.choose(s));
        b.disableProperty().bind(why.visibleProperty());
        return b;
    }

    private static String refusal(QueueSnapshot.Availability a, Locale l) {
        return a == null || a.open() ? "" : I18n.EN.equals(l) ? a.en() : a.vi();
    }

    public Node root() {
        return root;
    }
}
