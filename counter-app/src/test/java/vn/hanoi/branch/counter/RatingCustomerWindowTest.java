package vn.hanoi.branch.counter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.hanoi.branch.counter.FxSteps.click;
import static vn.hanoi.branch.counter.FxSteps.isShown;
import static vn.hanoi.branch.counter.FxSteps.text;
import static vn.hanoi.branch.counter.FxSteps.waitFor;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;
import vn.hanoi.branch.counter.rating.CustomerModel;
import vn.hanoi.branch.counter.rating.CustomerWindow;
import vn.hanoi.branch.api.DeviceKind;
import vn.hanoi.branch.api.Ratings;
import vn.hanoi.branch.api.Ticket;
import vn.hanoi.branch.client.AgentClient;
import vn.hanoi.branch.client.AgentException;

/**
 * The counter's customer-facing window against a real agent: the desk (left) and the window the
 * citizen touches (right) side by side on the headless screen.
 */
@ExtendWith(ApplicationExtension.class)
class RatingCustomerWindowTest {
    // A fresh agent for each test: the ratings and numbers of one test never meet another's.
    @RegisterExtension
    final CounterSceneExtension branch = new CounterSceneExtension().size(950, 760);

    private CustomerModel customer;
    private CustomerWindow window;

    /** The window on the right half of the screen, following the desk, with these waiting times. */
    private void openCustomerWindow(Duration ask) throws Exception {
        window = branch.scene().showCustomerWindow(new CustomerModel.Timing(ask, Duration.ofSeconds(20), Duration.ofSeconds(1)));
        customer = branch.scene().customer();
    }

    private void signIn(FxRobot robot, int counter) throws Exception {
        branch.scene().signInAtCounter(robot, counter);
    }

    /** The clerk calls the next number with the desk's button and waits for it on the desk. */
    private void callNextAtDesk(FxRobot robot, Ticket expected) throws Exception {
        click(robot, "#next");
        waitFor(() -> text(robot, "#current-number").equals(expected.displayNumber()));
    }

    @Test
    void afterTheClerkFinishesTheWindowAsksAndAVerySatisfiedTapIsStoredForThatTicket(FxRobot robot) throws Exception {
        signIn(robot, 1);
        openCustomerWindow(Duration.ofSeconds(30));
        Ticket first = branch.kiosk().issueTicket(1, UUID.randomUUID().toString());
        Ticket second = branch.kiosk().issueTicket(1, UUID.randomUUID().toString());
        assertThat(text(robot, "#customer-counter")).isEqualTo("Quầy 1 / Counter 1");
        assertThat(text(robot, "#customer-number")).isEqualTo("—");

        callNextAtDesk(robot, first);
        waitFor(() -> text(robot, "#customer-number").equals(first.displayNumber()));
        click(robot, "#finish");

        waitFor(() -> isShown(robot, "#customer-ask"));
        assertThat(text(robot, "#customer-question")).isEqualTo("Bạn có hài lòng với phục vụ của chúng tôi?");
        assertThat(text(robot, "#customer-asked-number")).contains(first.displayNumber());
        assertTouchTargets(robot, "#rate-VERY_SATISFIED", "#rate-SATISFIED", "#rate-NOT_SATISFIED");
        // The desk goes on while the citizen thinks: the clerk calls the next number.
        callNextAtDesk(robot, second);
        assertThat(isShown(robot, "#customer-ask")).isTrue();

        click(robot, "#rate-VERY_SATISFIED");

        waitFor(() -> isShown(robot, "#customer-thanks"));
        assertThat(text(robot, "#customer-thanks")).isEqualTo("Cảm ơn quý khách!");
        waitFor(() -> customer.lastSentProperty().get() != null);
        Ratings.Rating stored = branch.kiosk().rating(first.id());
        assertThat(stored.level()).isEqualTo(Ratings.Level.VERY_SATISFIED);
        assertThat(stored.counterNumber()).isEqualTo(1);
        assertThat(stored.deviceKind()).isEqualTo(DeviceKind.COUNTER);
        assertNotRated(second);
        // Thanks, then back to the number being served now.
        waitFor(() -> isShown(robot, "#customer-idle"));
        assertThat(text(robot, "#customer-number")).isEqualTo(second.displayNumber());
    }

    @Test
    void withoutAnAnswerTheQuestionGoesAwayAndNothingIsStored(FxRobot robot) throws Exception {
        signIn(robot, 2);
        openCustomerWindow(Duration.ofSeconds(2));
        Ticket t = branch.kiosk().issueTicket(2, UUID.randomUUID().toString());
        callNextAtDesk(robot, t);

        // Finished through the API (another session): the agent's stream tells the desk, the window asks.
        AgentClient elsewhere = branch.agent().clerkClient();
        elsewhere.serve(t.id());
        elsewhere.finish(t.id());

        waitFor(() -> isShown(robot, "#customer-ask"));
        assertThat(text(robot, "#customer-asked-number")).contains(t.displayNumber());
        assertThat(text(robot, "#customer-countdown")).matches("Còn [12] giây / [12] s left");
        waitFor(() -> isShown(robot, "#customer-idle"));
        assertThat(customer.phaseProperty().get()).isEqualTo(CustomerModel.Phase.IDLE);
        assertThat(text(robot, "#customer-number")).isEqualTo("—");
        // Nothing on its way either.
        Awaitility.await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertNotRated(t));
        assertThat(customer.lastSentProperty().get()).isNull();
    }

    @Test
    void notSatisfiedAsksForAReasonAndStoresBoth(FxRobot robot) throws Exception {
        signIn(robot, 3);
        openCustomerWindow(Duration.ofSeconds(30));
        Ticket t = branch.kiosk().issueTicket(2, UUID.randomUUID().toString());
        callNextAtDesk(robot, t);
        click(robot, "#serve");
        click(robot, "#finish");
        waitFor(() -> isShown(robot, "#customer-ask"));

        click(robot, "#rate-NOT_SATISFIED");
        waitFor(() -> isShown(robot, "#customer-reason"));
        assertThat(customer.lastSentProperty().get()).as("sent once, with the reason").isNull();
        assertTouchTargets(robot, "#reason-WAITED_TOO_LONG", "#reason-STAFF_ATTITUDE", "#reason-UNCLEAR_GUIDANCE",
                "#reason-PROCEDURE_TOO_COMPLEX", "#reason-OTHER", "#reason-skip");
        click(robot, "#reason-STAFF_ATTITUDE");

        waitFor(() -> isShown(robot, "#customer-thanks"));
        waitFor(() -> customer.lastSentProperty().get() != null);
        Ratings.Rating stored = branch.kiosk().rating(t.id());
        assertThat(stored.level()).isEqualTo(Ratings.Level.NOT_SATISFIED);
        assertThat(stored.reason()).isEqualTo(Ratings.Reason.STAFF_ATTITUDE);
        assertThat(stored.counterNumber()).isEqualTo(3);
        assertThat(stored.serviceCode()).isEqualTo("CT");
        assertThat(branch.agent().staffClient(vn.hanoi.branch.api.Role.SUPERVISOR).ratingSummary(null, null).overall())
                .isEqualTo(new Ratings.Counts(0, 0, 1, 1, 0.0, false));
        waitFor(() -> isShown(robot, "#customer-idle"));
    }

    private void assertNotRated(Ticket t) {
        assertThatThrownBy(() -> branch.kiosk().rating(t.id())).isInstanceOfSatisfying(AgentException.class,
                e -> assertThat(e.status()).isEqualTo(404));
    }

    /** Every target is shown and at least 15 mm wide and high on this screen. */
    private void assertTouchTargets(FxRobot robot, String... queries) throws Exception {
        double min = window.px(CustomerWindow.MIN_TOUCH_MM);
        for (String q : queries) {
            waitFor(() -> isShown(robot, q) && robot.lookup(q).query().getLayoutBounds().getWidth() > 0);
            Bounds b = WaitForAsyncUtils.asyncFx(() -> robot.lookup(q).<Node>query().getLayoutBounds())
                    .get(5, TimeUnit.SECONDS);
            assertThat(b.getWidth()).as(q + " width").isGreaterThanOrEqualTo(min);
            assertThat(b.getHeight()).as(q + " height").isGreaterThanOrEqualTo(min);
        }
    }
}
