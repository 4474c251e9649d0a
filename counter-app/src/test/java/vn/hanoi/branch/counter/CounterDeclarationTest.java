package vn.hanoi.branch.counter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import vn.hanoi.branch.api.Dossiers;
import vn.hanoi.branch.api.Ticket;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hanoi.branch.counter.FxSteps.click;
import static vn.hanoi.branch.counter.FxSteps.isShown;
import static vn.hanoi.branch.counter.FxSteps.text;
import static vn.hanoi.branch.counter.FxSteps.waitFor;

/** The clerk who calls a number sees what the citizen declared at the kiosk, and the read is audited. */
@ExtendWith(ApplicationExtension.class)
class CounterDeclarationTest {
    @RegisterExtension
    static final CounterSceneExtension branch = new CounterSceneExtension();

    @Test
    void calledTicketShowsItsDeclarationAndTheNextOneWithoutShowsNone(FxRobot robot) throws Exception {
        Ticket declared = branch.kiosk().issueTicket(2, UUID.randomUUID().toString());
        branch.kiosk().declare(declared.id(), new Dossiers.DeclarationRequest("1.004222", Map.of(
                "applicantName", "Phạm Thu Hương", "applicantDob", "20/07/1988", "applicantId", "001188023456",
                "applicantSex", "Nữ", "applicantAddress", "Số 5 phố Huế, phường Hai Bà Trưng, Hà Nội",
                "phone", "0904111222", "newAddress", "Số 9 ngõ Trạm, phường Hoàn Kiếm, Hà Nội"), true));
        Ticket plain = branch.kiosk().issueTicket(2, UUID.randomUUID().toString());

        branch.scene().signInAtCounter(robot, 2);
        click(robot, "#next");
        waitFor(() -> isShown(robot, "#declared-newAddress"));
        assertThat(text(robot, "#current-number")).isEqualTo(declared.displayNumber());
        assertThat(text(robot, "#declaration-procedure")).startsWith("1.004222 – Đăng ký tạm trú");
        assertThat(text(robot, "#declared-applicantName")).isEqualTo("Phạm Thu Hương");
        assertThat(text(robot, "#declared-newAddress")).isEqualTo("Số 9 ngõ Trạm, phường Hoàn Kiếm, Hà Nội");
        assertThat(text(robot, "#declared-until")).isEqualTo("—");

        click(robot, "#serve");
        click(robot, "#finish");
        waitFor(() -> isShown(robot, "#declaration-none"));
        click(robot, "#next");
        waitFor(() -> text(robot, "#current-number").equals(plain.displayNumber()));
        waitFor(() -> isShown(robot, "#declaration-none"));
        assertThat(isShown(robot, "#declared-applicantName")).isFalse();

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + branch.agent().databaseFile());
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM audit_log WHERE action = "
                     + "'personal_data.read' AND entity = 'dossier' AND user_id IS NOT NULL")) {
            rs.next();
            assertThat(rs.getInt(1)).as("one audited read, by the signed-in clerk").isEqualTo(1);
        }
    }
}
