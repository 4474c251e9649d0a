package vn.hanoi.branch.counter.desk;

import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import vn.hanoi.branch.api.QueueSnapshot.ServiceWaiting;
import vn.hanoi.branch.i18n.I18n;

import java.util.ArrayList;
import java.util.List;

/** The waiting line of the desk as the agent counts it: one bar per service with the estimate, the counter's own in bold. */
final class WaitingPane {
    private static final double BAR_MAX_PX = 220;

    private record Row(long serviceId, Label count, Region bar, Label estimate) {
    }

    private final DeskModel model;
    private final GridPane grid = new GridPane();
    private final List<Row> rows = new ArrayList<>();
    private final VBox root;

    WaitingPane(DeskModel model) {
        this.model = model;
        grid.setHgap(12);
        grid.setVgap(10);
        Label title = new Label(I18n.both("counter", "desk.waiting"));
        title.getStyleClass().add("title");
        root = new VBox(12, title, grid);
        root.getStyleClass().add("card");
        model.waiting().addListener((ListChangeListener<ServiceWaiting>) c -> fill());
        model.counterProperty().addListener((o, a, b) -> {
            rows.clear(); // bold rows follow the counter: rebuild
            fill();
        });
    }

    Node root() {
        return root;
    }

    /**
     * Updates the bars in place; rows are rebuilt only when the services or their order change, so
     * that a count is never briefly missing from the scene while the line moves.
     */
    private void fill() {
        var list = model.waiting();
        boolean same = rows.size() == list.size();
        for (int i = 0; same && i < list.size(); i++) {
            same = rows.get(i).serviceId() == list.get(i).serviceId();
        }
        if (!same) {
            grid.getChildren().clear();
            rows.clear();
            int row = 0;
            for (ServiceWaiting w : list) {
                boolean mine = model.serves(w.serviceId());
                Label name = new Label(w.nameVi() + "\n" + w.nameEn());
                name.setStyle(mine ? "-fx-font-weight: bold;" : "-fx-opacity: 0.7;");
                Label count = new Label();
                count.setId("waiting-" + w.code());
                count.getStyleClass().add("count");
                Region bar = new Region();
                bar.getStyleClass().add("bar");
                if (!mine) {
                    bar.getStyleClass().add("other");
                }
                bar.setMaxWidth(Region.USE_PREF_SIZE);
                Label estimate = new Label();
                estimate.setId("estimate-" + w.code());
                estimate.getStyleClass().add("estimate");
                grid.addRow(row++, name, count, bar, estimate);
                rows.add(new Row(w.serviceId(), count, bar, estimate));
            }
        }
        int max = Math.max(1, list.stream().mapToInt(ServiceWaiting::waiting).max().orElse(1));
        for (int i = 0; i < list.size(); i++) {
            ServiceWaiting w = list.get(i);
            Row r = rows.get(i);
            r.count().setText(Integer.toString(w.waiting()));
            r.bar().setPrefWidth(Math.max(4, BAR_MAX_PX * w.waiting() / max));
            r.estimate().setText(w.estimateMinutes() == null || w.waiting() == 0 ? ""
                    : I18n.both("counter", "desk.estimate", w.estimateMinutes()));
        }
    }
}
