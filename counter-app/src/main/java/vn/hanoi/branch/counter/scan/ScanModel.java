package vn.hanoi.branch.counter.scan;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import vn.hanoi.branch.pdf.DocumentMeta;
import vn.hanoi.branch.scan.Images;
import vn.hanoi.branch.scan.PageCleanup;
import vn.hanoi.branch.pdf.PdfAWriter;
import vn.hanoi.branch.scan.ScanException;
import vn.hanoi.branch.scan.ScanSettings;
import vn.hanoi.branch.scan.ScanSource;
import vn.hanoi.branch.api.Dossiers;
import vn.hanoi.branch.api.Scans;
import vn.hanoi.branch.client.AgentClient;
import vn.hanoi.branch.client.AgentException;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Digitizing a dossier's papers at the counter, without UI. Pages arrive from the scan source on a
 * background thread, are cleaned up (crop, deskew, blank check), spooled to disk and only then shown.
 * The clerk orders, turns, deletes and rescans pages and assigns them to the documents of the
 * procedure's checklist, each with its colour mode; blank pages are set aside (not deleted: one click
 * keeps one). Save makes one PDF/A per document and stores it on the agent; a document shows as saved
 * only when the agent answered with the same SHA-256, and the spool goes once every document is saved.
 */
public final class ScanModel {
    /** One page on the strip. Its image lives in the spool; only a thumbnail is held in memory. */
    public static final class Page {
        private final String file;
        private final Image thumbnail;
        private final double skew;
        private final IntegerProperty quarterTurns = new SimpleIntegerProperty();
        private final StringProperty documentType = new SimpleStringProperty();
        private final BooleanProperty blank = new SimpleBooleanProperty();

        Page(String file, Image thumbnail, double skew, String documentType, int quarterTurns, boolean blank) {
            this.file = file;
            this.thumbnail = thumbnail;
            this.skew = skew;
            this.documentType.set(documentType);
            this.quarterTurns.set(quarterTurns);
            this.blank.set(blank);
        }

        public String file() {
            return file;
        }

        public Image thumbnail() {
            return thumbnail;
        }

        /** The skew the clean-up removed, in degrees. */
        public double skew() {
            return skew;
        }

        public IntegerProperty quarterTurnsProperty() {
            return quarterTurns;
        }

        public StringProperty documentTypeProperty() {
            return documentType;
        }

        /** Set aside by blank-page removal; not part of any document unless the clerk keeps it. */
        public BooleanProperty blankProperty() {
            return blank;
        }
    }

    public static final int THUMBNAIL_WIDTH = 150;

    private final AgentClient agent;
    private final ScanSource source;
    private final Path spoolRoot;
    private final Executor background;
    private final Executor ui;
    private final Supplier<String> clerk;
    private final Clock clock;
    private final int dpi;
    private final float jpegQuality;

    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Dossiers.Dossier> dossier = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Page> pages = FXCollections.observableArrayList();
    private final ObservableList<Dossiers.RequiredDocument> documents = FXCollections.observableArrayList();
    private final ObservableMap<String, ScanSettings.ColorMode> modes = FXCollections.observableHashMap();
    private final ObservableMap<String, Scans.StoredDocument> saved = FXCollections.observableHashMap();
    private final ObjectProperty<String> target = new SimpleObjectProperty<>();
    private final javafx.beans.property.ReadOnlyIntegerWrapper revision = new javafx.beans.property.ReadOnlyIntegerWrapper();
    private final ObjectProperty<Page> selected = new SimpleObjectProperty<>();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    /** Page files deleted or replaced on screen; removed from disk after the manifest that drops them. */
    private final List<String> dropped = new ArrayList<>();
    private ScanSpool spool;

    /**
     * @param spoolRoot  where pages wait until the agent has them (one folder per dossier)
     * @param background a single thread for scanning and saving (they never overlap)
     */
    public ScanModel(AgentClient agent, ScanSource source, Path spoolRoot, Executor background, Executor ui,
                     Supplier<String> clerk, Clock clock, int dpi, float jpegQuality) {
        this.agent = agent;
        this.source = source;
        this.spoolRoot = spoolRoot;
        this.background = background;
        this.ui = ui;
        this.clerk = clerk;
        this.clock = clock;
        this.dpi = dpi;
        this.jpegQuality = jpegQuality;
    }

    public ReadOnlyBooleanProperty openProperty() {
        return open.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** 0..1 while saving; -1 (indeterminate) while the feeder runs. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The last error, Vietnamese then English; empty when all is well. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Dossiers.Dossier> dossierProperty() {
        return dossier.getReadOnlyProperty();
    }

    public ObservableList<Page> pages() {
        return pages;
    }

    /** The procedure's checklist: what pages can be assigned to. */
    public ObservableList<Dossiers.RequiredDocument> documents() {
        return documents;
    }

    /** The documents the agent confirmed, by checklist code. */
    public ObservableMap<String, Scans.StoredDocument> saved() {
        return saved;
    }

    /** The document new pages go to. */
    public ObjectProperty<String> targetDocumentProperty() {
        return target;
    }

    public ObjectProperty<Page> selectedProperty() {
        return selected;
    }

    /** Goes up on every change of pages or documents (what the checklist panel redraws on). */
    public javafx.beans.property.ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    public String sourceName() {
        return source.name();
    }

    /** B/W, grey (the default: stamps and signatures stay readable) or colour, per document. */
    public ScanSettings.ColorMode mode(String documentType) {
        return modes.getOrDefault(documentType, ScanSettings.ColorMode.GRAY);
    }

    public ObservableMap<String, ScanSettings.ColorMode> modes() {
        return modes;
    }

    /** Opens the dossier's scan screen, with the pages a previous run spooled and did not save. */
    public void open(Dossiers.Dossier d, Dossiers.Procedure procedure) {
        dossier.set(d);
        documents.setAll(procedure == null ? List.of() : procedure.documents());
        pages.clear();
        dropped.clear();
        saved.clear();
        modes.clear();
        message.set("");
        status.set("");
        target.set(documents.isEmpty() ? null : documents.getFirst().code());
        spool = new ScanSpool(spoolRoot, d.code());
        open.set(true);
        ScanSpool s = spool;
        work(() -> {
            Optional<ScanSpool.Manifest> m = s.load();
            List<Page> restored = new ArrayList<>();
            if (m.isPresent()) {
                for (ScanSpool.PageEntry e : m.get().pages()) {
                    restored.add(new Page(e.file(), thumbnail(s.read(e.file())), e.skew(),
                            e.documentType() == null ? target.get() : e.documentType(), e.quarterTurns(), e.blank()));
                }
            }
            List<Scans.StoredDocument> onAgent = agent.scans(d.id());
            return () -> {
                if (m.isPresent()) {
                    modes.putAll(m.get().modes());
                    pages.setAll(restored);
                    // A document counts as saved only if the agent still has the hash we recorded.
                    m.get().savedSha256().forEach((type, sha) -> onAgent.stream()
                            .filter(x -> x.documentType().equals(type) && x.sha256().equals(sha)).findFirst()
                            .ifPresent(x -> saved.put(type, x)));
                    status.set(restored.isEmpty() ? "" : restored.size() + " trang chưa lưu được mở lại / "
                            + restored.size() + " unsaved pages reopened");
                }
            };
        });
    }

    /** Back to the dossier. The spool stays on disk until every document is saved. */
    public void close() {
        cancel();
        open.set(false);
        pages.clear();
        selected.set(null);
    }

    /** Scans a batch from the feeder into the target document. */
    public void scanBatch() {
        scan(ScanSettings.Source.ADF, -1);
    }

    /** Scans one page on the flatbed in place of {@code page}. */
    public void rescan(Page page) {
        int i = pages.indexOf(page);
        if (i >= 0) {
            scan(ScanSettings.Source.FLATBED, i);
        }
    }

    /** Stops a running batch after the page being read (pages already read are kept). */
    public void cancel() {
        cancelled.set(true);
    }

    private void scan(ScanSettings.Source where, int replaceAt) {
        if (busy.get() || spool == null) {
            return;
        }
        String doc = replaceAt >= 0 ? pages.get(replaceAt).documentTypeProperty().get() : target.get();
        ScanSettings settings = new ScanSettings(where, dpi,
                mode(doc) == ScanSettings.ColorMode.COLOR ? ScanSettings.ColorMode.COLOR : ScanSettings.ColorMode.GRAY);
        ScanSpool s = spool;
        cancelled.set(false);
        progress.set(-1);
        int[] count = {0};
        work(() -> {
            int n = source.scan(settings, raw -> {
                PageCleanup.Cleaned c = PageCleanup.clean(raw, settings.dpi());
                String file = s.addPage(c.image()); // on disk before it is on screen
                Image thumb = thumbnail(c.image());
                count[0]++;
                int seen = count[0];
                ui.execute(() -> {
                    Page p = new Page(file, thumb, c.skewDegrees(), doc, 0, c.blank());
                    if (replaceAt >= 0 && replaceAt < pages.size()) {
                        dropped.add(pages.set(replaceAt, p).file());
                        selected.set(p);
                    } else {
                        pages.add(p);
                    }
                    if (doc != null) {
                        saved.remove(doc);
                    }
                    status.set("Đã quét " + seen + " trang / " + seen + " pages scanned");
                    persist();
                });
            }, cancelled::get);
            return () -> {
                progress.set(0);
                status.set((cancelled.get() ? "Đã dừng; " : "") + "đã quét " + n + " trang / "
                        + (cancelled.get() ? "stopped; " : "") + n + " pages scanned");
            };
        });
    }

    /** Moves a page by {@code delta} places (Alt+Left / Alt+Right). */
    public void move(Page page, int delta) {
        int from = pages.indexOf(page);
        if (from >= 0) {
            moveTo(from, Math.max(0, Math.min(pages.size() - 1, from + delta)));
        }
    }

    /** Moves the page at {@code from} to {@code to} (drag and drop on the strip). */
    public void moveTo(int from, int to) {
        if (busy.get() || from == to || from < 0 || to < 0 || from >= pages.size() || to >= pages.size()) {
            return;
        }
        Page p = pages.remove(from);
        pages.add(to, p);
        selected.set(p);
        changed(p.documentTypeProperty().get());
    }

    /** A quarter turn clockwise. */
    public void rotate(Page page) {
        if (busy.get() || !pages.contains(page)) {
            return;
        }
        page.quarterTurnsProperty().set((page.quarterTurnsProperty().get() + 1) % 4);
        changed(page.documentTypeProperty().get());
    }

    public void delete(Page page) {
        if (busy.get()) {
            return;
        }
        int i = pages.indexOf(page);
        if (i >= 0) {
            pages.remove(i);
            dropped.add(page.file());
            selected.set(pages.isEmpty() ? null : pages.get(Math.min(i, pages.size() - 1)));
            changed(page.documentTypeProperty().get());
        }
    }

    /** Undoes blank-page removal for one page (or sets one aside by hand). */
    public void toggleBlank(Page page) {
        if (busy.get() || !pages.contains(page)) {
            return;
        }
        page.blankProperty().set(!page.blankProperty().get());
        changed(page.documentTypeProperty().get());
    }

    public void assign(Page page, String documentType) {
        if (busy.get() || !pages.contains(page) || documentType == null) {
            return;
        }
        String was = page.documentTypeProperty().get();
        page.documentTypeProperty().set(documentType);
        changed(was);
        changed(documentType);
    }

    public void setMode(String documentType, ScanSettings.ColorMode mode) {
        if (busy.get() || documentType == null || mode == null || mode == mode(documentType)) {
            return;
        }
        modes.put(documentType, mode);
        changed(documentType);
    }

    /** The pages of a document, in strip order, without those set aside as blank. */
    public List<Page> pagesOf(String documentType) {
        return pages.stream().filter(p -> !p.blankProperty().get() && documentType.equals(p.documentTypeProperty().get()))
                .toList();
    }

    /**
     * Makes one PDF/A per document that has pages and stores each on the agent (documents already saved
     * and unchanged are skipped). A document shows as saved only once the agent answered with our hash.
     */
    public void save() {
        Dossiers.Dossier d = dossier.get();
        if (busy.get() || d == null || spool == null) {
            return;
        }
        Map<String, List<ScanSpool.PageEntry>> work = new LinkedHashMap<>();
        Map<String, String> names = new HashMap<>();
        for (Dossiers.RequiredDocument doc : documents) {
            names.put(doc.code(), doc.nameVi());
            if (saved.containsKey(doc.code())) {
                continue;
            }
            List<ScanSpool.PageEntry> entries = pagesOf(doc.code()).stream().map(ScanModel::entry).toList();
            if (!entries.isEmpty()) {
                work.put(doc.code(), entries);
            }
        }
        if (work.isEmpty()) {
            status.set("Không có giấy tờ nào cần lưu / Nothing to save");
            return;
        }
        Map<String, ScanSettings.ColorMode> modeSnapshot = new HashMap<>();
        work.keySet().forEach(k -> modeSnapshot.put(k, mode(k)));
        ScanSpool s = spool;
        String who = clerk.get();
        cancelled.set(false);
        progress.set(0);
        work(() -> {
            int done = 0;
            for (Map.Entry<String, List<ScanSpool.PageEntry>> e : work.entrySet()) {
                if (cancelled.get()) {
                    break;
                }
                String type = e.getKey();
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                DocumentMeta meta = new DocumentMeta(d.code(), type, names.get(type), who, clock.instant());
                PdfAWriter.Written w = new PdfAWriter(jpegQuality).write(() -> images(s, e.getValue()), modeSnapshot.get(type),
                        dpi, meta, out);
                Scans.StoredDocument stored = agent.storeScan(d.id(), type, out.toByteArray(), w.sha256());
                if (!stored.sha256().equals(w.sha256())) {
                    throw new IOException("the agent stored a different hash for " + type);
                }
                done++;
                double p = done / (double) work.size();
                ui.execute(() -> {
                    saved.put(type, stored);
                    progress.set(p);
                    persist();
                });
            }
            int count = done;
            return () -> {
                if (allSaved()) {
                    try {
                        s.delete();
                    } catch (IOException ex) {
                        message.set("Không xóa được thư mục tạm: " + ex.getMessage() + "\nThe spool folder was not removed: "
                                + ex.getMessage());
                    }
                }
                status.set("Đã lưu " + count + " giấy tờ lên máy chủ chi nhánh / " + count + " documents saved on the branch server");
            };
        });
    }

    /** Every document with pages is saved on the agent. */
    public boolean allSaved() {
        return documents.stream().map(Dossiers.RequiredDocument::code).filter(c -> !pagesOf(c).isEmpty())
                .allMatch(saved::containsKey);
    }

    private static Iterator<BufferedImage> images(ScanSpool s, List<ScanSpool.PageEntry> entries) {
        Iterator<ScanSpool.PageEntry> it = entries.iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public BufferedImage next() {
                ScanSpool.PageEntry e = it.next();
                try {
                    return Images.quarterTurns(s.read(e.file()), e.quarterTurns());
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            }
        };
    }

    private void changed(String documentType) {
        if (documentType != null) {
            saved.remove(documentType);
        }
        persist();
    }

    /** Writes the manifest (order, assignments, turns, modes, what is saved) so a restart finds it all. */
    private void persist() {
        revision.set(revision.get() + 1);
        Dossiers.Dossier d = dossier.get();
        if (spool == null || d == null) {
            return;
        }
        Map<String, String> savedSha = new HashMap<>();
        saved.forEach((k, v) -> savedSha.put(k, v.sha256()));
        try {
            spool.save(new ScanSpool.Manifest(d.id(), d.code(), pages.stream().map(ScanModel::entry).toList(),
                    new HashMap<>(modes), savedSha), List.copyOf(dropped));
            dropped.clear();
        } catch (IOException e) {
            message.set("Không ghi được thư mục tạm của máy quét: " + e.getMessage() + "\nCannot write the scan spool: "
                    + e.getMessage());
        }
    }

    private static ScanSpool.PageEntry entry(Page p) {
        return new ScanSpool.PageEntry(p.file(), p.documentTypeProperty().get(), p.quarterTurnsProperty().get(),
                p.blankProperty().get(), p.skew());
    }

    static Image thumbnail(BufferedImage img) {
        return SwingFXUtils.toFXImage(Images.thumbnail(img, THUMBNAIL_WIDTH), null);
    }

    @FunctionalInterface
    private interface Work {
        Runnable call() throws Exception;
    }

    /** Runs off the FX thread with the busy flag up; errors become the bilingual message. */
    private void work(Work w) {
        busy.set(true);
        message.set("");
        background.execute(() -> {
            Runnable apply;
            try {
                apply = w.call();
            } catch (ScanException e) {
                apply = () -> message.set(e.bilingual());
            } catch (AgentException e) {
                apply = () -> message.set(e.error().messageVi() + "\n" + e.error().messageEn());
            } catch (Exception e) {
                String why = e.getMessage();
                apply = () -> message.set("Có lỗi khi xử lý trang quét: " + why + "\nScanned pages could not be processed: " + why);
            }
            Runnable last = apply;
            ui.execute(() -> {
                busy.set(false);
                if (progress.get() < 0) {
                    progress.set(0);
                }
                last.run();
            });
        });
    }
}
