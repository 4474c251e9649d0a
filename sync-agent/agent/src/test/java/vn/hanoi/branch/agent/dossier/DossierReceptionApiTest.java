package vn.hanoi.branch.agent.dossier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.hanoi.branch.agent.testing.TestAgent;
import vn.hanoi.branch.calendar.WorkingCalendar;
import vn.hanoi.branch.api.DeviceKind;
import vn.hanoi.branch.api.Dossiers;
import vn.hanoi.branch.api.Dossiers.State;
import vn.hanoi.branch.api.Ticket;
import vn.hanoi.branch.client.DeskClient;
import vn.hanoi.branch.client.KioskClient;
import vn.hanoi.branch.client.AgentException;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reception at the counter, the staff view of a dossier (audited), tracking and on-time, over HTTP. */
class DossierReceptionApiTest {
    private static final String RESIDENCE = "1.004194"; // sample: permanent residence, 7 working days, service CT (id 2)
    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

    private TestAgent agent;
    private KioskClient kiosk;
    private DeskClient clerk;

    @BeforeEach
    void start() {
        agent = TestAgent.start();
        kiosk = agent.kioskClient();
        clerk = agent.deskClient();
    }

    @AfterEach
    void stop() {
        agent.close();
    }

    private static Dossiers.Reception reception(Long ticketId) {
        return new Dossiers.Reception(ticketId, RESIDENCE, DossierApiTest.APPLICANT,
                List.of(new Dossiers.ReceivedDocument("CT01", true, true), new Dossiers.ReceivedDocument("HOUSING", true, false)),
                20_000, "Bản sao sổ đỏ đã đối chiếu", false);
    }

    @Test
    void receptionGivesACodeAndAnAppointmentInWorkingDays() {
        Ticket t = kiosk.issueTicket(2, UUID.randomUUID().toString());
        clerk.callNext(3);
        Dossiers.Dossier d = clerk.receiveDossier(reception(t.id()));

        LocalDate today = LocalDate.now(HANOI);
        assertThat(d.state()).isEqualTo(State.RECEIVED);
        assertThat(d.code()).isEqualTo("HN-CN01-" + today.format(java.time.format.DateTimeFormatter.ofPattern("yyMMdd")) + "-0001");
        assertThat(d.appointmentDate()).isEqualTo(WorkingCalendar.standard().addWorkingDays(today, 7));
        assertThat(d.documents()).hasSize(2);
        assertThat(d.feeVnd()).isEqualTo(20_000);
        assertThat(d.onTime()).as("not decided before the date").isNull();
        assertThat(d.history()).extracting(Dossiers.Event::state).containsExactly(State.RECEIVED);

        // A second reception for the same ticket is refused; one without a ticket (walk-in) gets the next code.
        assertThatThrownBy(() -> clerk.receiveDossier(reception(t.id())))
                .satisfies(e -> assertThat(((AgentException) e).error().code()).isEqualTo("dossier_received"));
        assertThat(clerk.receiveDossier(reception(null)).code()).endsWith("-0002");
    }

    @Test
    void theDraftFromTheKioskBecomesTheDossierWithItsDeclaration() throws Exception {
        Ticket t = kiosk.issueTicket(2, UUID.randomUUID().toString());
        Dossiers.Declaration draft = kiosk.declare(t.id(), new Dossiers.DeclarationRequest(RESIDENCE, Map.of(
                "applicantName", "Trần Thị Bích Ngọc", "applicantDob", "05/03/1994", "applicantId", "001194012345",
                "applicantSex", "Nữ", "applicantAddress", "Số 12 phố Hàng Bông, Hà Nội", "phone", "0912345678",
                "newAddress", "Số 8 phố Lý Thường Kiệt, Hà Nội"), true));
        Dossiers.Dossier d = clerk.receiveDossier(reception(t.id()));
        assertThat(d.id()).isEqualTo(draft.dossierId());
        assertThat(d.declaration()).containsEntry("newAddress", "Số 8 phố Lý Thường Kiệt, Hà Nội");
        assertThat(d.history()).extracting(Dossiers.Event::state).containsExactly(State.DRAFT, State.RECEIVED);

        Dossiers.Dossier seen = clerk.dossier(d.id());
        assertThat(seen.applicant().fullName()).isEqualTo("Trần Thị Bích Ngọc");
        assertThat(seen.applicant().toString()).doesNotContain("Ngọc");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + agent.databaseFile());
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM audit_log WHERE action = 'personal_data.read' "
                     + "AND entity = 'dossier' AND entity_id = ?")) {
            ps.setString(1, Long.toString(d.id()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        }
        assertThat(agent.status("GET", "/api/v1/dossiers/" + d.id(), agent.pair(DeviceKind.KIOSK).token())).isEqualTo(403);
    }

    @Test
    void trackingTellsOnTimeFromLateAndListsTheOverdue() throws Exception {
        Dossiers.Dossier early = clerk.receiveDossier(reception(null));
        Dossiers.Dossier late = clerk.receiveDossier(reception(null));
        Dossiers.Dossier stuck = clerk.receiveDossier(reception(null));
        // Two were due yesterday: one gets its result today (late), one still has none (overdue).
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + agent.databaseFile());
             PreparedStatement ps = c.prepareStatement("UPDATE dossier SET appointment_date = ? WHERE id IN (?, ?)")) {
            ps.setString(1, LocalDate.now(HANOI).minusDays(1).toString());
            ps.setLong(2, late.id());
            ps.setLong(3, stuck.id());
            ps.executeUpdate();
        }
        for (Dossiers.Dossier d : List.of(early, late)) {
            clerk.changeDossierState(d.id(), State.SENT_TO_DEPARTMENT, null, null);
            clerk.changeDossierState(d.id(), State.PROCESSING, null, null);
            clerk.changeDossierState(d.id(), State.RESULT_READY, "Mời nhận kết quả", "Result ready");
        }
        assertThat(clerk.dossier(early.id()).onTime()).isTrue();
        assertThat(clerk.dossier(late.id()).onTime()).isFalse();
        assertThat(clerk.dossier(stuck.id()).onTime()).isFalse();

        assertThat(clerk.dossiers(null, true)).extracting(Dossiers.Summary::id).containsExactly(stuck.id());
        assertThat(clerk.dossiers(State.RESULT_READY, false)).extracting(Dossiers.Summary::id)
                .containsExactlyInAnyOrder(early.id(), late.id());
        // Returning the result does not change when it was ready.
        clerk.changeDossierState(late.id(), State.RETURNED, null, null);
        assertThat(clerk.dossier(late.id()).onTime()).isFalse();
    }

    @Test
    void badReceptionsAreRefusedWithAReason() {
        assertThatThrownBy(() -> clerk.receiveDossier(new Dossiers.Reception(null, RESIDENCE, null, List.of(), 0, null, false)))
                .satisfies(e -> assertThat(((AgentException) e).error().code()).isEqualTo("bad_reception"));
        assertThatThrownBy(() -> clerk.receiveDossier(new Dossiers.Reception(null, "9.999999", DossierApiTest.APPLICANT,
                List.of(), 0, null, false)))
                .satisfies(e -> assertThat(((AgentException) e).error().code()).isEqualTo("unknown_procedure"));
        assertThatThrownBy(() -> clerk.receiveDossier(new Dossiers.Reception(null, RESIDENCE, DossierApiTest.APPLICANT,
                List.of(), -5, null, false)))
                .satisfies(e -> assertThat(((AgentException) e).error().code()).isEqualTo("bad_fee"));
        assertThat(agent.status("POST", "/api/v1/dossiers", agent.pair(DeviceKind.KIOSK).token())).isEqualTo(403);
    }
}
