package vn.hanoi.branch.counter.admin;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import vn.hanoi.branch.counter.AgentTasks;
import vn.hanoi.branch.i18n.I18n;

import java.util.function.Consumer;
import java.util.function.Function;

/** The pieces every administration screen is made of, so they look and behave alike. */
final class AdminParts {
    private AdminParts() {
    }

    static String oneLine(String key, Object... args) {
        return I18n.both("counter", key, args).replace("\n", " / ");
    }

    static Label label(String key) {
        Label l = new Label(oneLine(key));
        l.getStyleClass().add("grid-head");
        return l;
    }

    static TextField field(String id, javafx.beans.property.StringProperty value) {
        TextField f = new TextField();
        f.setId(id);
        f.textProperty().bindBidirectional(value);
        return f;
    }

    /** A button that waits while the screen's request is on its way. */
    static Button action(String id, String key, AgentTasks tasks, Runnable onAction) {
        Button b = new Button(oneLine(key));
        b.setId(id);
        b.getStyleClass().add("op");
        b.disableProperty().bind(tasks.busyProperty());
        b.setOnAction(e -> onAction.run());
        return b;
    }

    /** The screen's message line: the agent's refusal or the confirmation, Vietnamese then English. */
    static Label message(String id, AgentTasks tasks) {
        Label m = new Label();
        m.setId(id);
        m.getStyleClass().add("message");
        m.setWrapText(true);
        m.textProperty().bind(tasks.messageProperty());
        return m;
    }

    /** A row of a chooser: "HT – Hộ tịch", marked when it is out of use. */
    static String row(Object key, String name, boolean active) {
        return key + " – " + name + (active ? "" : "  (" + oneLine("admin.inactive") + ")");
    }

    /**
     * The list an editing screen chooses from: a pick selects in the model, and the model's choice (kept across
     * reloads) shows as the list's selection. Keyboard: arrows move the choice.
     *
     * @param text   what a row says
     * @param cellId a row's node id, for tests and accessibility tools
     */
    static <T> ListView<T> chooser(String id, ObservableList<T> items, Function<T, String> text,
                                   Function<T, String> cellId, ReadOnlyObjectProperty<T> selected, Consumer<T> select) {
        ListView<T> list = new ListView<>(items);
        list.setId(id);
        list.setPrefWidth(300);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
                setId(empty || item == null ? null : cellId.apply(item));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, item) -> {
            if (item != null && item != selected.get()) {
                select.accept(item);
            }
        });
        selected.addListener((o, a, item) -> {
            if (item != null && list.getSelectionModel().getSelectedItem() != item) {
                list.getSelectionModel().select(item);
            }
        });
        return list;
    }

    /** Asks before something that cannot be undone; Cancel is the default, so Enter alone does nothing. */
    static boolean confirm(javafx.scene.Node owner, String text) {
        javafx.scene.control.Alert a = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION,
                text, javafx.scene.control.ButtonType.OK, javafx.scene.control.ButtonType.CANCEL);
        ((Button) a.getDialogPane().lookupButton(javafx.scene.control.ButtonType.OK)).setDefaultButton(false);
        ((Button) a.getDialogPane().lookupButton(javafx.scene.control.ButtonType.CANCEL)).setDefaultButton(true);
        if (owner.getScene() != null) {
            a.initOwner(owner.getScene().getWindow());
        }
        return a.showAndWait().filter(b -> b == javafx.scene.control.ButtonType.OK).isPresent();
    }
}
