package vn.hanoi.branch.kiosk.ticket;

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
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import vn.hanoi.branch.kiosk.Texts;
import vn.hanoi.branch.shared.api.ServiceInfo;

import java.util.List;

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
        root.setTop(header(model, texts));

        tiles.setHgap(32);
        tiles.setVgap(32);
        for (int i = 0; i < COLUMNS; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(100.0 / COLUMNS);
            tiles.getColumnConstraints().add(c);
        }
        VBox none = texts.both(model.languageProperty(), "none.title");
        none.visibleProperty().bind(javafx.beans.binding.Bindings.isEmpty(model.services()));
        Button booking = new Button();
        booking.setId("booking");
        booking.getStyleClass().add("quiet");
        booking.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> texts.get(model.languageProperty().get(), "choose.booking"), model.languageProperty()));
        booking.setOnAction(e -> model.startBooking());
        VBox center = new VBox(32, texts.both(model.languageProperty(), "choose.title"), none, tiles, booking);
        center.setPadding(new Insets(32, 64, 32, 64));
        center.setAlignment(Pos.TOP_CENTER);
        root.setCenter(center);
        model.services().addListener((ListChangeListener<ServiceInfo>) c -> fill(model.services()));
        fill(model.services());
    }

    /** Branch name on the left, language switch on the right: shared by the kiosk screens. */
    static Node header(TakeNumberModel model, Texts texts) {
        Label branch = new Label();
        branch.getStyleClass().add("branch");
        branch.textProperty().bind(model.branchNameProperty());
        Button lang = new Button();
        lang.setId("language");
        lang.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> texts.get(model.languageProperty().get(), "language.switch"), model.languageProperty()));
        lang.setOnAction(e -> model.toggleLanguage());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox h = new HBox(16, branch, gap, lang);
        h.setAlignment(Pos.CENTER_LEFT);
        h.getStyleClass().add("header");
        return h;
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
        VBox names = Texts.both(model.languageProperty(), s::nameVi, s::nameEn);
        names.setAlignment(Pos.CENTER_LEFT);
        Label wait = new Label();
        wait.setId("wait-" + s.code());
        wait.getStyleClass().add("wait");
        wait.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            Integer m = model.estimates().get(s.id());
            return m == null ? "" : texts.get(model.languageProperty().get(), "choose.wait", m);
        }, model.estimates(), model.languageProperty()));
        names.getChildren().add(wait);
        HBox.setHgrow(names, Priority.ALWAYS);
        HBox content = new HBox(24, names);
        content.setAlignment(Pos.CENTER_LEFT);
        Button b = new Button();
        b.setGraphic(content);
        b.setId("service-" + s.code());
        b.getStyleClass().setAll("tile");
        b.setMaxWidth(Double.MAX_VALUE);
        b.setOnAction(e -> model.choose(s));
        return b;
    }

    public Node root() {
        return root;
    }
}
