package vn.hanoi.branch.counter.dossier;

import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import vn.hanoi.branch.api.Dossiers;
import vn.hanoi.branch.i18n.I18n;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;

/**
 * What the citizen declared at the kiosk for the ticket being served: the procedure, each field with
 * its value, and the documents to check. Shown only while that ticket is at the counter.
 */
public final class DeclarationCard {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());

    private final VBox root = new VBox(8);
    private final VBox body = new VBox(8);

    /**
     * @param declaration the current ticket's declaration, or null
     * @param procedure   finds the procedure (labels, documents) of a declaration
     */
    public DeclarationCard(ObservableValue<Dossiers.Declaration> declaration,
                           Function<String, Dossiers.Procedure> procedure) {
        Label title = new Label(I18n.both("counter", "declaration.title"));
        title.getStyleClass().add("title");
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(260);
        root.getChildren().addAll(title, scroll);
        root.getStyleClass().add("card");
        root.setId("declaration");
        declaration.addListener((o, a, d) -> show(d, d == null ? null : procedure.apply(d.procedureCode())));
        show(declaration.getValue(), null);
    }

    private void show(Dossiers.Declaration d, Dossiers.Procedure p) {
        body.getChildren().clear();
        if (d == null) {
            Label none = new Label(I18n.both("counter", "declaration.none"));
            none.setId("declaration-none");
            none.setWrapText(true);
            body.getChildren().add(none);
            return;
        }
        Label name = new Label(d.procedureCode() + " – " + d.procedureNameVi()
                + (p != null && p.sample() ? " " + I18n.text("counter", I18n.VI, "declaration.sample") : ""));
        name.setId("declaration-procedure");
        name.getStyleClass().add("strong");
        name.setWrapText(true);
        Label when = new Label(I18n.text("counter", I18n.VI, d.fromCard() ? "declaration.fromCard" : "declaration.typed",
                TIME.format(d.declaredAt())));
        when.setWrapText(true);
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(4);
        int row = 0;
        if (p != null) {
            for (Dossiers.FormField f : p.form()) {
                String v = d.values().get(f.key());
                grid.addRow(row++, new Label(f.labelVi()), value(f.key(), v));
            }
        } else {
            for (var e : d.values().entrySet()) {
                grid.addRow(row++, new Label(e.getKey()), value(e.getKey(), e.getValue()));
            }
        }
        body.getChildren().addAll(name, when, grid);
        if (p != null && !p.documents().isEmpty()) {
            VBox docs = new VBox(2, new Label(I18n.text("counter", I18n.VI, "declaration.documents")));
            p.documents().forEach(doc -> docs.getChildren().add(new Label("☐ " + doc.nameVi()
                    + (doc.original() ? " (bản chính)" : " (bản sao)"))));
            docs.setPadding(new Insets(6, 0, 0, 0));
            body.getChildren().add(docs);
        }
    }

    private static Label value(String key, String v) {
        Label l = new Label(v == null ? "—" : v);
        l.setId("declared-" + key);
        l.getStyleClass().add("strong");
        l.setWrapText(true);
        return l;
    }

    public Node root() {
        return root;
    }
}
