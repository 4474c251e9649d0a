package vn.hanoi.branch.kiosk.settings;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import vn.hanoi.branch.kiosk.KioskView;
import vn.hanoi.branch.kiosk.lockdown.ItSignInScreen;
import vn.hanoi.branch.printer.escpos.PrinterProfile;
import vn.hanoi.branch.printer.escpos.VietnameseMode;
import vn.hanoi.branch.i18n.I18n;

import java.util.Collections;

/**
 * IT settings of the kiosk: printer port and profile, card reader, scanner port, agent address and
 * pairing, each with a Test button and its result beneath; Save writes the settings file and the kiosk
 * restarts its screens and devices. The controls only forward to {@link ItSettingsModel}.
 */
public final class ItSettingsScreen {
    private final BorderPane root = new BorderPane();

    /** @param onClose leave without saving (the kiosk restarts its devices as they were) */
    public ItSettingsScreen(ItSettingsModel model, Runnable onClose) {
        Label title = twoLines("settings.title");
        title.getStyleClass().add("primary");
        HBox top = new HBox(title);
        top.getStyleClass().add("header");

        ComboBox<String> printerPort = editable("printer-port", model.ports(), model.printerPortProperty());
        HBox profiles = new HBox(12);
        ToggleGroup group = new ToggleGroup();
        for (PrinterProfile p : PrinterProfile.all()) {
            ToggleButton b = new ToggleButton(p.id());
            b.setId("printer-profile-" + p.id());
            b.setToggleGroup(group);
            b.setUserData(p);
            b.setSelected(p.id().equals(model.printerProfileProperty().get().id()));
            profiles.getChildren().add(b);
        }
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                was.setSelected(true); // one profile is always chosen
            } else {
                model.printerProfileProperty().set((PrinterProfile) now.getUserData());
            }
        });
        TextField printerBaud = small("printer-baud", model.printerBaudProperty());
        VBox printer = section("settings.printer", model.printerResultProperty(), "printer-result",
                test("printer-test", model::testPrinter), printerPort, printerBaud, profiles);
        Label modeName = twoLines("settings.printer.vietnamese");
        modeName.setMinWidth(300);
        modeName.setMaxWidth(300);
        HBox modeRow = new HBox(16, modeName, vietnameseModes(model));
        modeRow.setAlignment(Pos.CENTER_LEFT);
        printer.getChildren().add(1, modeRow);

        ComboBox<String> reader = editable("card-reader", model.readers(), model.cardReaderProperty());
        VBox card = section("settings.card", model.cardResultProperty(), "card-result",
                test("card-test", model::testCardReader), reader);

        ComboBox<String> scannerPort = editable("scanner-port", model.ports(), model.scannerPortProperty());
        TextField scannerBaud = small("scanner-baud", model.scannerBaudProperty());
        VBox scanner = section("settings.scanner", model.scannerResultProperty(), "scanner-result",
                test("scanner-test", model::testScanner), scannerPort, scannerBaud);

        TextField url = new TextField();
        url.setId("agent-url");
        url.getStyleClass().add("settings-field");
        url.textProperty().bindBidirectional(model.agentUrlProperty());
        TextField code = small("pairing-code-it", model.pairingCodeProperty());
        code.setPromptText(I18n.text("kiosk", I18n.VI, "settings.pairingCode") + " / "
                + I18n.text("kiosk", I18n.EN, "settings.pairingCode"));
        Button pair = ItSignInScreen.button("agent-pair", "settings.pair");
        pair.disableProperty().bind(model.busyProperty());
        pair.setOnAction(e -> model.pair());
        VBox agent = section("settings.agent", model.agentResultProperty(), "agent-result",
                test("agent-test", model::testAgent), url, code, pair);

        VBox form = new VBox(20, printer, card, scanner, agent);
        form.setPadding(new Insets(16, 32, 16, 32));
        if (!model.fixedByCommandLine().isEmpty()) {
            Label fixed = twoLines("settings.fixed", String.join(", ", model.fixedByCommandLine()));
            fixed.setId("settings-fixed");
            fixed.getStyleClass().add("it-message");
            form.getChildren().addFirst(fixed);
        }
        // On a smaller window (--windowed) the form scrolls instead of squeezing the Test buttons off the edge.
        form.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ScrollPane scroll = new ScrollPane(form);
        scroll.setFitToWidth(true);

        Button save = ItSignInScreen.button("settings-save", "settings.save");
        save.disableProperty().bind(model.busyProperty());
        save.setOnAction(e -> model.save());
        Button close = ItSignInScreen.button("settings-close", "settings.close");
        close.getStyleClass().add("quiet");
        close.setOnAction(e -> onClose.run());
        Label saved = result("settings-save-result", model.saveResultProperty());
        HBox bottom = new HBox(24, save, close, saved);
        bottom.setAlignment(Pos.CENTER_LEFT);
        bottom.setPadding(new Insets(16, 32, 16, 32));

        root.setTop(top);
        root.setCenter(scroll);
        root.setBottom(bottom);
        root.setId("it-settings-screen");
        root.getStyleClass().add("it-settings");
        root.getStylesheets().add(KioskView.STYLESHEET);
        model.refreshLists();
    }

    /** One button per mode; those the chosen profile lacks are disabled. IT picks what read right on the test page. */
    private static HBox vietnameseModes(ItSettingsModel model) {
        HBox modes = new HBox(12);
        ToggleGroup group = new ToggleGroup();
        for (VietnameseMode m : VietnameseMode.values()) {
            ToggleButton b = new ToggleButton(m.id());
            b.setId("printer-vietnamese-" + m.id());
            b.setToggleGroup(group);
            b.setUserData(m);
            b.disableProperty().bind(Bindings.createBooleanBinding(
                    () -> !model.printerProfileProperty().get().modes().contains(m), model.printerProfileProperty()));
            modes.getChildren().add(b);
        }
        Runnable show = () -> group.getToggles().forEach(t -> t.setSelected(t.getUserData() == model.printerVietnameseProperty().get()));
        show.run();
        model.printerVietnameseProperty().addListener((o, was, now) -> show.run());
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                show.run(); // one mode is always chosen
            } else {
                model.printerVietnameseProperty().set((VietnameseMode) now.getUserData());
            }
        });
        return modes;
    }

    public Parent root() {
        return root;
    }

    private static VBox section(String key, ObservableValue<CheckResult> result, String resultId, Button test,
                                Node... fields) {
        Label name = twoLines(key);
        name.getStyleClass().add("settings-name");
        name.setMinWidth(300);
        name.setMaxWidth(300);
        HBox row = new HBox(16);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getChildren().add(name);
        Collections.addAll(row.getChildren(), fields);
        HBox.setHgrow(fields[0], Priority.ALWAYS);
        row.getChildren().add(test);
        VBox box = new VBox(8, row, result(resultId, result));
        box.getStyleClass().add("settings-section");
        return box;
    }

    private static Label result(String id, ObservableValue<CheckResult> result) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.textProperty().bind(Bindings.createStringBinding(
                () -> result.getValue() == null ? "" : result.getValue().both(), result));
        l.styleProperty().bind(Bindings.createStringBinding(() -> result.getValue() == null || result.getValue().ok()
                ? "-fx-text-fill: #0b3d91;" : "-fx-text-fill: #b00020;", result));
        l.getStyleClass().add("settings-result");
        return l;
    }

    private static Button test(String id, Runnable action) {
        Button b = ItSignInScreen.button(id, "settings.test");
        b.setOnAction(e -> action.run());
        return b;
    }

    /** A list to choose from that also takes a typed value (a pty, a reader not plugged in yet). */
    private static ComboBox<String> editable(String id, javafx.collections.ObservableList<String> items,
                                             javafx.beans.property.StringProperty value) {
        ComboBox<String> c = new ComboBox<>(items);
        c.setId(id);
        c.setEditable(true);
        c.getStyleClass().add("settings-field");
        c.setMaxWidth(Double.MAX_VALUE);
        // Value and editor start equal, so a device list arriving later never resets what is shown.
        c.setValue(value.get());
        c.getEditor().textProperty().bindBidirectional(value);
        c.valueProperty().addListener((o, was, now) -> {
            if (now != null) {
                value.set(now);
            }
        });
        return c;
    }

    private static TextField small(String id, javafx.beans.property.StringProperty value) {
        TextField t = new TextField();
        t.setId(id);
        t.getStyleClass().add("settings-small");
        t.textProperty().bindBidirectional(value);
        return t;
    }

    private static Label twoLines(String key, Object... args) {
        Label l = new Label(I18n.text("kiosk", I18n.VI, key, args) + "\n" + I18n.text("kiosk", I18n.EN, key, args));
        l.setWrapText(true);
        return l;
    }
}
