package vn.hanoi.branch.counter.scan;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.image.ImageView;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import vn.hanoi.branch.scan.ScanSettings;
import vn.hanoi.branch.api.Dossiers;
import vn.hanoi.branch.i18n.I18n;

import java.util.Locale;

/**
 * The scan screen over the desk: the page strip (drag to reorder, Alt+Left/Right, Delete, Ctrl+R), the
 * document new pages go into and its colour mode, the checklist with what is saved, progress and stop,
 * save. Every action is a call on {@link ScanModel}; nothing is decided here.
 */
public final class ScanScreen {
    private final ScanModel model;
    private final BorderPane root = new BorderPane();
    private final ListView<ScanModel.Page> strip = new ListView<>();

    public ScanScreen(ScanModel model) {
        this.model = model;
        root.setId("scan-screen");
        root.getStyleClass().add("scan-screen");
        root.setStyle("-fx-background-color: white;");
        root.setPadding(new Insets(16));
        root.visibleProperty().bind(model.openProperty());
        root.managedProperty().bind(root.visibleProperty());
        root.setTop(header());
        root.setCenter(center());
        root.setBottom(footer());
    }

    public BorderPane root() {
        return root;
    }

    private static String both(String key, Object... args) {
        return I18n.both("counter", key, args).replace("\n", " / ");
    }

    private VBox header() {
        Label title = new Label();
        title.setId("scan-title");
        title.setStyle("-fx-font-size: 18px; -fx-font-weight: bold;");
        title.textProperty().bind(Bindings.createStringBinding(() -> model.dossierProperty().get() == null ? ""
                : both("scan.title", model.dossierProperty().get().code()), model.dossierProperty()));
        Label source = new Label(both("scan.source", model.sourceName()));

        BooleanBinding busy = model.busyProperty().or(model.openProperty().not());
        BooleanBinding noPage = model.selectedProperty().isNull().or(busy);
        Button scan = button("scan-batch", "scan.batch", busy.or(model.targetDocumentProperty().isNull()));
        scan.setOnAction(e -> model.scanBatch());
        Button stop = button("scan-stop", "scan.stop", model.busyProperty().not());
        stop.setOnAction(e -> model.cancel());
        Button rescan = button("scan-rescan", "scan.rescan", noPage);
        rescan.setOnAction(e -> model.rescan(model.selectedProperty().get()));
        Button rotate = button("scan-rotate", "scan.rotate", noPage);
        rotate.setOnAction(e -> model.rotate(model.selectedProperty().get()));
        Button delete = button("scan-delete", "scan.delete", noPage);
        delete.setOnAction(e -> model.delete(model.selectedProperty().get()));
        Button left = button("scan-left", "scan.left", noPage);
        left.setOnAction(e -> model.move(model.selectedProperty().get(), -1));
        Button right = button("scan-right", "scan.right", noPage);
        right.setOnAction(e -> model.move(model.selectedProperty().get(), +1));
        Button keep = button("scan-keep-blank", "scan.keepBlank", noPage);
        keep.setOnAction(e -> model.toggleBlank(model.selectedProperty().get()));
        HBox tools = new HBox(8, scan, stop, rescan, rotate, delete, left, right, keep);
        tools.setAlignment(Pos.CENTER_LEFT);

        ComboBox<Dossiers.RequiredDocument> into = documentChoice("scan-target");
        into.getSelectionModel().selectedItemProperty().addListener((o, a, b) ->
                model.targetDocumentProperty().set(b == null ? null : b.code()));
        model.targetDocumentProperty().addListener((o, a, b) -> select(into, b));
        model.documents().addListener((javafx.collections.ListChangeListener<Dossiers.RequiredDocument>) c ->
                select(into, model.targetDocumentProperty().get()));

        ComboBox<ScanSettings.ColorMode> mode = new ComboBox<>();
        mode.setId("scan-mode");
        mode.getItems().setAll(ScanSettings.ColorMode.values());
        mode.setConverter(new StringConverter<>() {
            @Override
            public String toString(ScanSettings.ColorMode m) {
                return m == null ? "" : both("mode." + m.name());
            }

            @Override
            public ScanSettings.ColorMode fromString(String s) {
                return null;
            }
        });
        Runnable showMode = () -> mode.getSelectionModel().select(model.mode(model.targetDocumentProperty().get()));
        model.targetDocumentProperty().addListener((o, a, b) -> showMode.run());
        model.modes().addListener((javafx.collections.MapChangeListener<String, ScanSettings.ColorMode>) c -> showMode.run());
        mode.setOnAction(e -> model.setMode(model.targetDocumentProperty().get(), mode.getValue()));
        mode.disableProperty().bind(busy);

        ComboBox<Dossiers.RequiredDocument> assign = documentChoice("scan-assign");
        assign.disableProperty().bind(noPage);
        assign.setOnAction(e -> {
            if (assign.getValue() != null) {
                model.assign(model.selectedProperty().get(), assign.getValue().code());
            }
        });
        model.selectedProperty().addListener((o, a, b) -> select(assign, b == null ? null : b.documentTypeProperty().get()));

        HBox choices = new HBox(8, new Label(both("scan.into")), into, new Label(both("scan.mode")), mode,
                new Label(both("scan.assign")), assign);
        choices.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(8, title, source, tools, choices);
        top.setPadding(new Insets(0, 0, 12, 0));
        return top;
    }

    private ComboBox<Dossiers.RequiredDocument> documentChoice(String id) {
        ComboBox<Dossiers.RequiredDocument> c = new ComboBox<>(model.documents());
        c.setId(id);
        c.setConverter(new StringConverter<>() {
            @Override
            public String toString(Dossiers.RequiredDocument d) {
                return d == null ? "" : d.nameVi();
            }

            @Override
            public Dossiers.RequiredDocument fromString(String s) {
                return null;
            }
        });
        return c;
    }

    private void select(ComboBox<Dossiers.RequiredDocument> box, String code) {
        box.getItems().stream().filter(d -> d.code().equals(code)).findFirst()
                .ifPresentOrElse(d -> box.getSelectionModel().select(d), () -> box.getSelectionModel().clearSelection());
    }

    private HBox center() {
        strip.setId("scan-pages");
        strip.setOrientation(Orientation.HORIZONTAL);
        strip.setItems(model.pages());
        strip.setPrefHeight(300);
        strip.setCellFactory(v -> new PageCell());
        strip.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                model.selectedProperty().set(b);
            }
        });
        model.selectedProperty().addListener((o, a, b) -> {
            if (b != null && strip.getSelectionModel().getSelectedItem() != b) {
                strip.getSelectionModel().select(b);
            }
        });
        strip.setOnKeyPressed(e -> {
            ScanModel.Page p = model.selectedProperty().get();
            if (p == null) {
                return;
            }
            if (e.isAltDown() && e.getCode() == KeyCode.LEFT) {
                model.move(p, -1);
                e.consume();
            } else if (e.isAltDown() && e.getCode() == KeyCode.RIGHT) {
                model.move(p, +1);
                e.consume();
            } else if (e.getCode() == KeyCode.DELETE) {
                model.delete(p);
                e.consume();
            } else if (e.isShortcutDown() && e.getCode() == KeyCode.R) {
                model.rotate(p);
                e.consume();
            }
        });

        ListView<Dossiers.RequiredDocument> docs = new ListView<>(model.documents());
        docs.setId("scan-docs");
        docs.setPrefWidth(340);
        docs.setCellFactory(v -> new ListCell<>() {
            private final Label line = new Label();

            @Override
            protected void updateItem(Dossiers.RequiredDocument d, boolean empty) {
                super.updateItem(d, empty);
                line.textProperty().unbind();
                if (empty || d == null) {
                    setGraphic(null);
                    return;
                }
                line.setId("scan-doc-" + d.code());
                line.textProperty().bind(Bindings.createStringBinding(() -> {
                    int n = model.pagesOf(d.code()).size();
                    var s = model.saved().get(d.code());
                    return d.nameVi() + "\n" + n + " trang / pages - " + both("mode." + model.mode(d.code()).name()) + " - "
                            + (s != null ? both("scan.saved") + " " + s.sha256().substring(0, 12) : both("scan.notSaved"));
                }, model.pages(), model.saved(), model.modes(), model.revisionProperty()));
                setGraphic(line);
            }
        });
        HBox center = new HBox(12, strip, docs);
        HBox.setHgrow(strip, Priority.ALWAYS);
        return center;
    }

    private VBox footer() {
        ProgressBar bar = new ProgressBar();
        bar.setId("scan-progress");
        bar.progressProperty().bind(model.progressProperty());
        bar.visibleProperty().bind(model.busyProperty());
        bar.setPrefWidth(300);
        Label status = new Label();
        status.setId("scan-status");
        status.textProperty().bind(model.statusProperty());
        Label message = new Label();
        message.setId("scan-message");
        message.setWrapText(true);
        message.setStyle("-fx-text-fill: #b00020;");
        message.textProperty().bind(model.messageProperty());
        Button save = button("scan-save", "scan.save", model.busyProperty().or(Bindings.isEmpty(model.pages())));
        save.setDefaultButton(false);
        save.setOnAction(e -> model.save());
        Button close = button("scan-close", "scan.close", model.busyProperty());
        close.setOnAction(e -> model.close());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox row = new HBox(12, bar, status, gap, save, close);
        row.setAlignment(Pos.CENTER_LEFT);
        VBox v = new VBox(8, message, row);
        v.setPadding(new Insets(12, 0, 0, 0));
        return v;
    }

    private static Button button(String id, String key, javafx.beans.value.ObservableBooleanValue disabled) {
        Button b = new Button(both(key));
        b.setId(id);
        b.disableProperty().bind(disabled);
        return b;
    }

    /** A page on the strip: its thumbnail turned as the clerk turned it, its document, dragged to reorder. */
    private final class PageCell extends ListCell<ScanModel.Page> {
        private final ImageView view = new ImageView();
        private final Label caption = new Label();
        private final VBox box = new VBox(4, view, caption);

        PageCell() {
            box.setAlignment(Pos.CENTER);
            caption.setWrapText(true);
            caption.setMaxWidth(ScanModel.THUMBNAIL_WIDTH + 20);
            setOnDragDetected(e -> {
                if (getItem() == null || model.busyProperty().get()) {
                    return;
                }
                var db = startDragAndDrop(TransferMode.MOVE);
                ClipboardContent c = new ClipboardContent();
                c.putString(Integer.toString(getIndex()));
                db.setContent(c);
                db.setDragView(view.snapshot(null, null));
                e.consume();
            });
            setOnDragOver(e -> {
                if (e.getGestureSource() != this && e.getDragboard().hasString()) {
                    e.acceptTransferModes(TransferMode.MOVE);
                }
                e.consume();
            });
            setOnDragDropped(e -> {
                boolean done = false;
                if (e.getDragboard().hasString()) {
                    int from = Integer.parseInt(e.getDragboard().getString());
                    int to = getItem() == null ? model.pages().size() - 1 : getIndex();
                    model.moveTo(from, to);
                    done = true;
                }
                e.setDropCompleted(done);
                e.consume();
            });
        }

        @Override
        protected void updateItem(ScanModel.Page p, boolean empty) {
            super.updateItem(p, empty);
            view.rotateProperty().unbind();
            caption.textProperty().unbind();
            if (empty || p == null) {
                setGraphic(null);
                setId(null);
                return;
            }
            setId("scan-page-" + getIndex());
            view.setImage(p.thumbnail());
            view.rotateProperty().bind(p.quarterTurnsProperty().multiply(90));
            caption.textProperty().bind(Bindings.createStringBinding(() -> (getIndex() + 1) + ". "
                    + (p.blankProperty().get() ? both("scan.blank") : documentName(p.documentTypeProperty().get())),
                    p.blankProperty(), p.documentTypeProperty()));
            setGraphic(box);
        }

        private String documentName(String code) {
            return model.documents().stream().filter(d -> d.code().equals(code)).map(Dossiers.RequiredDocument::nameVi)
                    .findFirst().orElse(code == null ? "" : code.toLowerCase(Locale.ROOT));
        }
    }
}
