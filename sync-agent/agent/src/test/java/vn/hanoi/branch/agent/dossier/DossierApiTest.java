package vn.hanoi.branch.agent.dossier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.hanoi.branch.agent.testing.TestAgent;
import vn.hanoi.branch.api.DeviceKind;
import vn.hanoi.branch.api.Dossiers;
import vn.hanoi.branch.api.Dossiers.State;
import vn.hanoi.branch.api.Ticket;
import vn.hanoi.branch.client.DeskClient;
import vn.hanoi.branch.client.KioskClient;
import vn.hanoi.branch.client.AgentException;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Self-declaration at the kiosk, its reading by the clerk (audited) and the public lookup, over HTTP. */
class DossierApiTest {
    private static final String BIRTH = "1.001193"; // sample catalog: birth registration, service HT (id 1)

    static final Dossiers.Applicant APPLICANT = new Dossiers.Applicant("Trần Thị Bích Ngọc", "001194012345",
            LocalDate.of(1994, 3, 5), "0912345678", "Số 12 phố Hàng Bông, phường Hoàn Kiếm, Hà Nội");

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

    private static Map<String, String> birthValues() {
        Map<String, String> v = new HashMap<>();
        v.put("applicantName", "Trần Thị Bích Ngọc");
        v.put("applicantDob", "05/03/1994");
        v.put("applicantId", "001194012345");
        v.put("applicantSex", "Nữ");
        v.put("applicantAddress", "Số 12 phố Hàng Bông, phường Hoàn Kiếm, Hà Nội");
        v.put("phone", "0912 345 678");
        v.put("childName", "Lê Minh Khôi");
        v.put("childDob", "01/11/2026");
        v.put("childSex", "Nam");
        v.put("birthPlace", "Bệnh viện Phụ sản Hà Nội");
        v.put("relationship", "Mẹ");
        return v;
    }

    @Test
    void catalogCarriesFormsAndDocumentsMarkedAsSample() {
        List<Dossiers.Procedure> procedures = kiosk.procedures();
        assertThat(procedures).hasSizeGreaterThanOrEqualTo(8).allMatch(Dossiers.Procedure::sample);
        Dossiers.Procedure birth = procedures.stream().filter(p -> p.code().equals(BIRTH)).findFirst().orElseThrow();
        assertThat(birth.serviceCode()).isEqualTo("HT");
        assertThat(birth.form()).extracting(Dossiers.FormField::prefill).contains(Dossiers.CardField.FULL_NAME,
                Dossiers.CardField.DATE_OF_BIRTH, Dossiers.CardField.ID_NUMBER);
        assertThat(birth.documents()).isNotEmpty();
    }

    @Test
    void declarationIsADraftTheClerkReadsWithAnAuditRecord() throws Exception {
        Ticket t = kiosk.issueTicket(1, UUID.randomUUID().toString());
        Map<String, String> values = birthValues();
        values.put("applicantName", "  Tra\u0302\u0300n Thi\u0323 Bi\u0301ch Ngo\u0323c "); // NFD, as some keyboards send
        values.put("notOnTheForm", "dropped");

        Dossiers.Declaration d = kiosk.declare(t.id(), new Dossiers.DeclarationRequest(BIRTH, values, true));
        assertThat(d.values()).containsEntry("applicantName", "Trần Thị Bích Ngọc").doesNotContainKey("notOnTheForm");

        // Sent again (a retry, or a correction): still one draft.
        values.put("phone", "0987654321");
        Dossiers.Declaration again = kiosk.declare(t.id(), new Dossiers.DeclarationRequest(BIRTH, values, true));
        assertThat(again.dossierId()).isEqualTo(d.dossierId());

        clerk.callNext(1);
        Dossiers.Declaration seen = clerk.declaration(t.id());
        assertThat(seen.values()).containsEntry("phone", "0987654321").containsEntry("childName", "Lê Minh Khôi");
        assertThat(seen.fromCard()).isTrue();

        // The kiosk (or the hall screen) cannot read declarations back.
        assertThat(agent.status("GET", "/api/v1/tickets/" + t.id() + "/declaration", agent.pair(DeviceKind.KIOSK).token()))
                .isEqualTo(403);

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + agent.databaseFile());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*), group_concat(coalesce(detail, ''), '|') FROM audit_log "
                     + "WHERE action = 'personal_data.read' AND entity = 'dossier' AND entity_id = '" + d.dossierId() + "'")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + agent.databaseFile());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT group_concat(coalesce(detail, ''), '|') FROM audit_log")) {
            rs.next();
            assertThat(rs.getString(1)).as("no declared value in the audit trail")
                    .doesNotContain("Ngọc").doesNotContain("001194012345");
        }
    }

    @Test
    void invalidFieldsAreRefusedWithTheFieldAndABilingualMessage() {
        Ticket t = kiosk.issueTicket(1, UUID.randomUUID().toString());
        Map<String, String> values = birthValues();
        values.put("applicantDob", "31/02/1994");
        assertThatThrownBy(() -> kiosk.declare(t.id(), new Dossiers.DeclarationRequest(BIRTH, values, false)))
                .isInstanceOf(AgentException.class)
                .satisfies(e -> {
                    var err = ((AgentException) e).error();
                    assertThat(err.status()).isEqualTo(400);
                    assertThat(err.code()).isEqualTo("invalid_field:applicantDob");
                    assertThat(err.messageVi()).contains("ngày/tháng/năm");
                    assertThat(err.messageEn()).contains("day/month/year");
                });
        values.remove("applicantDob");
        values.put("applicantId", "12345");
        assertThatThrownBy(() -> kiosk.declare(t.id(), new Dossiers.DeclarationRequest(BIRTH, values, false)))
                .satisfies(e -> assertThat(((AgentException) e).error().code()).isEqualTo("invalid_field:applicantDob"));
        Ticket other = kiosk.issueTicket(2, UUID.randomUUID().toString()); // residence, not civil status
        assertThatThrownBy(() -> kiosk.declare(other.id(), new Dossiers.DeclarationRequest(BIRTH, birthValues(), false)))
                .satisfies(e -> assertThat(((AgentException) e).error().code()).isEqualTo("procedure_not_for_service"));
    }

    @Test
    void receivedDossierIsFoundByItsCodeWithHistoryAndNoPersonalData() throws Exception {
        Ticket t = kiosk.issueTicket(1, UUID.randomUUID().toString());
        Dossiers.Declaration d = kiosk.declare(t.id(), new Dossiers.DeclarationRequest(BIRTH, birthValues(), true));
        Dossiers.Dossier received = clerk.receiveDossier(new Dossiers.Reception(t.id(), BIRTH, APPLICANT, List.of(), 0, null, false));
        assertThat(received.id()).as("the draft became the dossier").isEqualTo(d.dossierId());
        assertThat(received.code()).matches("HN-CN01-\\d{6}-0001");
        assertThat(received.appointmentDate().getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        assertThat(received.appointmentDate()).isAfter(LocalDate.now().minusDays(1));
        assertThatThrownBy(() -> kiosk.declare(t.id(), new Dossiers.DeclarationRequest(BIRTH, birthValues(), true)))
                .satisfies(e -> assertThat(((AgentException) e).error().code()).isEqualTo("dossier_received"));

        clerk.changeDossierState(d.dossierId(), State.SENT_TO_DEPARTMENT, "Đã chuyển phòng Tư pháp", "Sent to the justice office");
        assertThatThrownBy(() -> clerk.changeDossierState(d.dossierId(), State.RETURNED, null, null))
                .satisfies(e -> assertThat(((AgentException) e).error().code()).isEqualTo("bad_dossier_move"));

        Dossiers.Lookup seen = kiosk.lookupDossier(" " + received.code().toLowerCase() + " ");
        assertThat(seen.state()).isEqualTo(State.SENT_TO_DEPARTMENT);
        assertThat(seen.procedureNameVi()).isEqualTo("Đăng ký khai sinh");
        assertThat(seen.history()).extracting(Dossiers.Event::state)
                .containsExactly(State.DRAFT, State.RECEIVED, State.SENT_TO_DEPARTMENT);
        String json = vn.hanoi.branch.api.Json.mapper().writeValueAsString(seen);
        assertThat(json).doesNotContain("Ngọc").doesNotContain("001194012345");

        assertThatThrownBy(() -> kiosk.lookupDossier("HN-CN01-000000-9999"))
                .satisfies(e -> assertThat(((AgentException) e).error().status()).isEqualTo(404));
    }

    @Test
    void aScannedTicketNumberTellsWhereToGoOnceCalled() {
        Ticket t = kiosk.issueTicket(1, UUID.randomUUID().toString());
        assertThat(kiosk.ticketToday(t.displayNumber()).counterNumber()).isNull();
        Ticket called = clerk.callNext(2);
        assertThat(called.id()).isEqualTo(t.id());
        Ticket seen = kiosk.ticketToday(t.displayNumber());
        assertThat(seen.state()).isEqualTo(vn.hanoi.branch.api.TicketState.CALLED);
        assertThat(seen.counterNumber()).isEqualTo(2);
        assertThatThrownBy(() -> kiosk.ticketToday("9999"))
                .satisfies(e -> assertThat(((AgentException) e).error().status()).isEqualTo(404));
    }
}
