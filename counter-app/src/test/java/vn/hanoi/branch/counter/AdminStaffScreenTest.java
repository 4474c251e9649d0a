package vn.hanoi.branch.counter;

import javafx.scene.Node;
import javafx.scene.control.TableCell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import vn.hanoi.branch.api.Role;
import vn.hanoi.branch.api.Sessions;
import vn.hanoi.branch.counter.login.SignInModel;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hanoi.branch.counter.FxSteps.click;
import static vn.hanoi.branch.counter.FxSteps.isShown;
import static vn.hanoi.branch.counter.FxSteps.text;
import static vn.hanoi.branch.counter.FxSteps.type;
import static vn.hanoi.branch.counter.FxSteps.waitFor;

/**
 * IT's accounts screen against a real agent: IT adds a clerk and later resets the clerk's password; the
 * clerk's next sign-in at the counter demands a new password before anything else. A clerk sees no
 * administration at all.
 */
@ExtendWith(ApplicationExtension.class)
class AdminStaffScreenTest {
    @RegisterExtension
    static final CounterSceneExtension branch = new CounterSceneExtension().size(1280, 900);

    @Test
    void aResetPasswordMustBeChangedAtTheCountersNextSignIn(FxRobot robot) throws Exception {
        Sessions.Login it = branch.agent().staffAccount(Role.IT);
        branch.scene().signIn(robot, it.username(), it.password());
        click(robot, "#admin-tab");
        click(robot, "#admin-staff-tab");
        type(robot, "#staff-new-username", "canbo9");
        type(robot, "#staff-new-name", "Lê Văn C");
        type(robot, "#staff-new-password", "mat-khau-dau-tien");
        click(robot, "#staff-add");
        waitFor(() -> text(robot, "#staff-message").startsWith("Đã thêm"));

        // The clerk forgot the password: IT picks the account and gives a temporary one.
        waitFor(() -> robot.lookup(n -> n instanceof TableCell<?, ?> c && "canbo9".equals(c.getText())).tryQuery().isPresent());
        robot.clickOn(robot.lookup(n -> n instanceof TableCell<?, ?> c && "canbo9".equals(c.getText())).<Node>query());
        type(robot, "#staff-temporary-password", "tam-thoi-9999");
        click(robot, "#staff-reset");
        waitFor(() -> text(robot, "#staff-message").startsWith("Đã đặt lại"));
        click(robot, "#supervisor-logout");
        waitFor(() -> branch.scene().signIn().stepProperty().get() == SignInModel.Step.LOGIN);

        type(robot, "#username", "canbo9");
        type(robot, "#password", "tam-thoi-9999");
        click(robot, "#login");
        waitFor(() -> isShown(robot, "#password-change"));
        assertThat(branch.scene().signIn().stepProperty().get()).isEqualTo(SignInModel.Step.CHANGE_PASSWORD);

        type(robot, "#password-current", "tam-thoi-9999");
        type(robot, "#password-new", "mat-khau-moi-9999");
        type(robot, "#password-repeat", "mat-khau-moi-9999");
        click(robot, "#password-change");
        waitFor(() -> branch.scene().signIn().stepProperty().get() == SignInModel.Step.CHOOSE_COUNTER);
        assertThat(isShown(robot, "#choose-supervisor")).isFalse();
        assertThat(branch.agent().counterClient().login("canbo9", "mat-khau-moi-9999").passwordChangeDue()).isFalse();
    }
}
