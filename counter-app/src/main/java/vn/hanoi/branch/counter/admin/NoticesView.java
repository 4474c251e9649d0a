package vn.hanoi.branch.counter.admin;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;

import static vn.hanoi.branch.counter.admin.AdminParts.oneLine;

/** The hall screens' ticker as text, one notice a line, "Tiếng Việt ~ English". */
final class NoticesView {
    private final VBox root;

    NoticesView(NoticesModel model) {
        Label how = new Label(oneLine("admin.notices.how"));
        how.setWrapText(true);
        TextArea text = new TextArea();
        text.setId("notices-text");
        text.setPrefRowCount(8);
        text.textProperty().bindBidirectional(model.textProperty());
        root = new VBox(12, how, text, AdminParts.action("notices-save", "admin.save", model.tasks(), model::save),
                AdminParts.message("notices-message", model.tasks()));
        root.setPadding(new Insets(12, 20, 12, 20));
    }

    Node root() {
        return root;
    }
}
