package vn.hanoi.branch.counter.rating;

import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Arc;
import javafx.scene.shape.ArcType;
import javafx.scene.shape.Circle;
import javafx.scene.shape.StrokeLineCap;
import javafx.stage.Screen;
import javafx.stage.Stage;
import vn.hanoi.branch.counter.rating.CustomerModel.Phase;
import vn.hanoi.branch.api.CounterInfo;
import vn.hanoi.branch.api.Ratings.Level;
import vn.hanoi.branch.api.Ratings.Reason;
import vn.hanoi.branch.api.Ticket;

/**
 * The customer-facing window, meant for the counter's second monitor turned towards the citizen: the
 * number being served; after the clerk finishes a ticket, "Bạn có hài lòng với phục vụ của chúng tôi?"
 * with three large face buttons; the reasons after "not satisfied"; thanks. Vietnamese first, English
 * beneath; every touch target at least {@link #MIN_TOUCH_MM} mm on the screen it is shown on.
 *
 * <p>It is a separate, non-modal window: nothing in it waits for the agent or holds the clerk's desk.
 */
public final class CustomerWindow {
    /** Smallest side of anything the citizen taps, in millimetres (touch guidelines: 15 mm for the public). */
    public static final double MIN_TOUCH_MM = 15;
    private static final String STYLESHEET = Objects.requireNonNull(
            CustomerWindow.class.getResource("customer.css")).toExternalForm();
    static final String QUESTION_VI = "Bạn có hài lòng với phục vụ của chúng tôi?";
    static final String QUESTION_EN = "Are you satisfied with our service?";

    private final CustomerModel model;
    private final Runnable afterTouch;
    private final double dpi;
    private final BorderPane root = new BorderPane();

    /**
     * @param dpi        dots per inch of the monitor it will be shown on (touch target sizes)
     * @param afterTouch run after each tap, e.g. to give the keyboard focus back to the clerk's desk window
     */
    public CustomerWindow(CustomerModel model, double dpi, Runnable afterTouch) {
        this.model = model;
        this.afterTouch = afterTouch == null ? () -> { } : afterTouch;
        this.dpi = dpi > 0 ? dpi : 96;
        root.getStyleClass().add("customer");
        root.getStylesheets().add(STYLESHEET);
        root.setTop(header());
        Node idle = idle();
        Node ask = ask();
        Node reason = reasons();
        Node thanks = thanks();
        showIn(idle, Phase.IDLE);
        showIn(ask, Phase.ASK);
        showIn(reason, Phase.REASON);
        showIn(thanks, Phase.THANKS);
        root.setCenter(new StackPane(idle, ask, reason, thanks));
    }

    public Parent root() {
        return root;
    }

    /** Pixels for {@code mm} millimetres on this window's monitor. */
    public double px(double mm) {
        return Math.ceil(mm * dpi / 25.4);
    }

    /**
     * Shows the window on {@code screen}: full screen without an exit hint on a monitor of its own, else
     * a normal window of {@code width}×{@code height} on it. Call on the FX thread.
     */
    public Stage show(Stage stage, Screen screen, boolean fullScreen, double width, double height) {
        Rectangle2D b = screen.getVisualBounds();
        stage.setTitle("Đánh giá mức độ hài lòng / Satisfaction");
        stage.setScene(new Scene(root, Math.min(width, b.getWidth()), Math.min(height, b.getHeight())));
        stage.setX(b.getMinX() + Math.max(0, (b.getWidth() - stage.getScene().getWidth()) / 2));
        stage.setY(b.getMinY() + Math.max(0, (b.getHeight() - stage.getScene().getHeight()) / 2));
        if (fullScreen) {
            stage.setX(b.getMinX());
            stage.setY(b.getMinY());
            stage.setFullScreenExitHint("");
            stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH); // citizens have no business closing it
            stage.setFullScreen(true);
        }
        stage.show();
        return stage;
    }

    // ---- the four views ----

    private Node header() {
        Label counter = new Label();
        counter.setId("customer-counter");
        counter.textProperty().bind(Bindings.createStringBinding(() -> {
            CounterInfo c = model.counterProperty().get();
            return c == null ? "Trung tâm Phục vụ hành chính công / Public Service Center"
                    : "Quầy " + c.number() + " / Counter " + c.number();
        }, model.counterProperty()));
        HBox header = new HBox(counter);
        header.setAlignment(Pos.CENTER);
        header.getStyleClass().add("header");
        return header;
    }

    private Node idle() {
        Label vi = text("vi", "Đang phục vụ số");
        Label en = text("en", "Now serving");
        Label number = new Label();
        number.setId("customer-number");
        number.getStyleClass().add("number");
        number.textProperty().bind(Bindings.createStringBinding(() -> {
            Ticket t = model.servingProperty().get();
            return t == null ? "—" : t.displayNumber();
        }, model.servingProperty()));
        Label hint = text("en", "");
        hint.textProperty().bind(Bindings.createStringBinding(() -> model.servingProperty().get() == null
                ? "Mời quý khách chờ gọi số / Please wait for your number to be called"
                : "Xin mời công dân có số trên đến quầy / The citizen with this number, please come to the counter",
                model.servingProperty()));
        VBox box = column(vi, en, number, hint);
        box.setId("customer-idle");
        return box;
    }

    private Node ask() {
        Label number = new Label();
        number.setId("customer-asked-number");
        number.getStyleClass().add("asked-number");
        number.textProperty().bind(Bindings.createStringBinding(() -> {
            Ticket t = model.askedProperty().get();
            return t == null ? "" : "Số " + t.displayNumber() + " / Number " + t.displayNumber();
        }, model.askedProperty()));
        Label vi = text("vi", QUESTION_VI);
        vi.setId("customer-question");
        vi.setWrapText(true);
        Label en = text("en", QUESTION_EN);
        HBox buttons = new HBox(30);
        buttons.setAlignment(Pos.CENTER);
        for (Level l : Level.values()) {
            Button b = touch("rate-" + l.name(), l.textVi, l.textEn, face(l), px(35), px(35), () -> model.choose(l));
            b.getStyleClass().addAll("rate", "rate-" + l.name());
            b.setPrefSize(340, 340);
            HBox.setHgrow(b, Priority.ALWAYS);
            buttons.getChildren().add(b);
        }
        VBox box = column(number, vi, en, buttons, countdown("customer-countdown"));
        box.setId("customer-ask");
        return box;
    }

    private Node reasons() {
        Label vi = text("vi", "Xin cho biết lý do chưa hài lòng");
        Label en = text("en", "Please tell us what was not good");
        GridPane grid = new GridPane();
        grid.setHgap(20);
        grid.setVgap(20);
        grid.setAlignment(Pos.CENTER);
        int i = 0;
        for (Reason r : Reason.values()) {
            Button b = touch("reason-" + r.name(), r.textVi, r.textEn, null, px(60), px(MIN_TOUCH_MM),
                    () -> model.chooseReason(r));
            b.getStyleClass().add("reason");
            b.setPrefSize(480, 110);
            grid.add(b, i % 2, i / 2);
            i++;
        }
        Button skip = touch("reason-skip", "Bỏ qua", "Skip", null, px(60), px(MIN_TOUCH_MM), model::skipReason);
        skip.getStyleClass().add("skip");
        skip.setPrefSize(480, 110);
        grid.add(skip, i % 2, i / 2);
        VBox box = column(vi, en, grid, countdown("customer-reason-countdown"));
        box.setId("customer-reason");
        return box;
    }

    private Node thanks() {
        Label vi = text("thanks", "Cảm ơn quý khách!");
        vi.setId("customer-thanks");
        Label en = text("en", "Thank you! Your opinion helps us serve better.");
        Label more = text("en", "Ý kiến của quý khách giúp chúng tôi phục vụ tốt hơn.");
        VBox box = column(vi, more, en);
        box.setId("customer-thanks-pane");
        return box;
    }

    // ---- parts ----

    private void showIn(Node n, Phase p) {
        n.visibleProperty().bind(model.phaseProperty().isEqualTo(p));
    }

    private static Label text(String style, String s) {
        Label l = new Label(s);
        l.getStyleClass().add(style);
        l.setWrapText(true);
        l.setMaxWidth(Double.MAX_VALUE);
        return l;
    }

    private static VBox column(Node... nodes) {
        VBox box = new VBox(24, nodes);
        box.setAlignment(Pos.CENTER);
        box.setPadding(new Insets(30));
        return box;
    }

    private Label countdown(String id) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("countdown");
        l.textProperty().bind(Bindings.createStringBinding(() -> {
            int s = model.secondsLeftProperty().get();
            return "Còn " + s + " giây / " + s + " s left";
        }, model.secondsLeftProperty()));
        return l;
    }

    private Button touch(String id, String vi, String en, Node graphic, double minWidth, double minHeight,
                         Runnable action) {
        Label top = text("vi", vi);
        Label bottom = text("en", en);
        VBox content = graphic == null ? new VBox(6, top, bottom) : new VBox(10, graphic, top, bottom);
        content.setAlignment(Pos.CENTER);
        Button b = new Button();
        b.setId(id);
        b.setGraphic(content);
        b.setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        b.setAccessibleText(vi + " / " + en);
        b.setFocusTraversable(false); // the keyboard belongs to the clerk's desk
        b.setMinSize(Math.max(minWidth, px(MIN_TOUCH_MM)), Math.max(minHeight, px(MIN_TOUCH_MM)));
        b.setMaxSize(Double.MAX_VALUE, Region.USE_PREF_SIZE);
        b.setOnAction(e -> {
            action.run();
            afterTouch.run();
        });
        return b;
    }

    /** A face drawn with shapes (no emoji font needed): a big smile, a smile, a frown. */
    static Node face(Level level) {
        Circle head = new Circle(0, 0, 52, Color.WHITE);
        Color ink = Color.web("#111111");
        Circle left = new Circle(-18, -14, 7, ink);
        Circle right = new Circle(18, -14, 7, ink);
        Arc mouth = switch (level) {
            case VERY_SATISFIED -> new Arc(0, 4, 28, 24, 190, 160);
            case SATISFIED -> new Arc(0, 10, 24, 12, 205, 130);
            case NOT_SATISFIED -> new Arc(0, 34, 24, 14, 25, 130);
        };
        mouth.setType(ArcType.OPEN);
        mouth.setFill(level == Level.VERY_SATISFIED ? ink : Color.TRANSPARENT);
        mouth.setStroke(ink);
        mouth.setStrokeWidth(6);
        mouth.setStrokeLineCap(StrokeLineCap.ROUND);
        Group g = new Group(head, left, right, mouth);
        g.setId("face-" + level.name());
        return g;
    }
}
