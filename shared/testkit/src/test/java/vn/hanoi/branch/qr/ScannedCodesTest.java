package vn.hanoi.branch.qr;

import vn.hanoi.branch.code.BookingQr;
import vn.hanoi.branch.code.DossierQr;
import vn.hanoi.branch.code.OurQr;
import vn.hanoi.branch.code.TicketQr;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.hanoi.branch.card.CardException;
import vn.hanoi.branch.card.CardException.Reason;
import vn.hanoi.branch.testkit.card.FakeCitizens;

import java.text.Normalizer;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScannedCodesTest {
    private static final TicketQr TICKET = new TicketQr("HN-CN01", LocalDate.of(2026, 11, 23), "B2003");

    @Test
    void ourPayloadsHaveTheAgreedShape() {
        assertThat(TICKET.link()).isEqualTo("https://tracuu.hcc.hanoi.example/q/t/HN-CN01/20261123/B2003");
        assertThat(new BookingQr("K7M9QX2A").link("https://dichvucong.hanoi.example/"))
                .isEqualTo("https://dichvucong.hanoi.example/q/b/K7M9QX2A");
        assertThat(new DossierQr("HN01-261123-0042").link("http://10.0.0.5:8080/hcc"))
                .isEqualTo("http://10.0.0.5:8080/hcc/q/d/HN01-261123-0042");
    }

    @Test
    void ourLinksComeBackWhateverTheBase() {
        for (String base : new String[] {OurQr.DEFAULT_BASE, "https://other.example:8443/tra-cuu", "http://192.168.1.10"}) {
            assertThat(ScannedCodes.parse(TICKET.link(base))).isEqualTo(new ScannedCode.Ours(TICKET));
            assertThat(ScannedCodes.parse(new BookingQr("K7M9QX2A").link(base))).isEqualTo(new ScannedCode.Ours(new BookingQr("K7M9QX2A")));
            assertThat(ScannedCodes.parse(new DossierQr("000.00.16.H26-231123-0001").link(base)))
                    .isEqualTo(new ScannedCode.Ours(new DossierQr("000.00.16.H26-231123-0001")));
        }
    }

    @Test
    void capsLockAQueryStringAndATrailingSlashDoNotMatter() {
        assertThat(ScannedCodes.parse("HTTPS://TRACUU.HCC.HANOI.EXAMPLE/Q/T/HN-CN01/20261123/B2003")).isEqualTo(new ScannedCode.Ours(TICKET));
        assertThat(ScannedCodes.parse(TICKET.link() + "/?utm_source=zalo#x")).isEqualTo(new ScannedCode.Ours(TICKET));
        assertThat(ScannedCodes.parse("  " + TICKET.link() + "\r\n")).isEqualTo(new ScannedCode.Ours(TICKET));
    }

    @Test
    void aCitizenIdCodeIsWrappedWithoutShowingItsContent() {
        ScannedCode c = ScannedCodes.parse(FakeCitizens.NGOC.format());
        assertThat(c).isInstanceOf(ScannedCode.CitizenId.class);
        ScannedCode.CitizenId id = (ScannedCode.CitizenId) c;
        assertThat(id.card().fullName()).isEqualTo("Trần Thị Bích Ngọc");
        assertThat(id.card().id()).isEqualTo("001190012345");
        assertThat(c.toString()).doesNotContain("001190012345").doesNotContain("Ngọc");
    }

    @Test
    void aDecomposedCitizenIdCodeIsNormalised() {
        String nfd = Normalizer.normalize(FakeCitizens.DUC.format(), Normalizer.Form.NFD);
        ScannedCode.CitizenId id = (ScannedCode.CitizenId) ScannedCodes.parse(nfd);
        assertThat(id.card().fullName()).isEqualTo("Lê Đức Thắng");
        assertThat(Normalizer.isNormalized(id.card().fullName(), Normalizer.Form.NFC)).isTrue();
        assertThat(id.card().extras()).hasSize(4);
    }

    @Test
    void bareCodesAreRecognisedAsTheAgentWouldTakeThem() {
        assertThat(ScannedCodes.parse("k7m9 qx2a")).isEqualTo(new ScannedCode.Ours(new BookingQr("K7M9QX2A")));
        assertThat(ScannedCodes.parse("ABC234")).isEqualTo(new ScannedCode.Ours(new BookingQr("ABC234")));
        DossierQr d = (DossierQr) ((ScannedCode.Ours) ScannedCodes.parse("hn01-261123-0042")).code();
        assertThat(d.code()).isEqualTo("HN01-261123-0042");
        assertThat(d.agency()).isEqualTo("HN01");
        assertThat(d.receivedOn()).isEqualTo(LocalDate.of(2026, 11, 23));
        // The agent's default agency part is the branch code, which has a hyphen of its own.
        DossierQr branch = (DossierQr) ((ScannedCode.Ours) ScannedCodes.parse(new DossierQr("HN-CN01-261123-0001").link())).code();
        assertThat(branch.agency()).isEqualTo("HN-CN01");
        assertThat(branch.receivedOn()).isEqualTo(LocalDate.of(2026, 11, 23));
    }

    @Test
    void everyKindIsHandledByOneSwitch() {
        String[] texts = {TICKET.link(), "K7M9QX2A", "HN01-261123-0042", FakeCitizens.NGOC.format()};
        StringBuilder kinds = new StringBuilder();
        for (String t : texts) {
            kinds.append(switch (ScannedCodes.parse(t)) {
                case ScannedCode.Ours(TicketQr x) -> "t";
                case ScannedCode.Ours(BookingQr x) -> "b";
                case ScannedCode.Ours(DossierQr x) -> "d";
                case ScannedCode.CitizenId x -> "c";
            });
        }
        assertThat(kinds).hasToString("tbdc");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "001190012345",
            "001190012345|",
            "001190012345||Trần Thị Bích Ngọc|15031990",
            "001190012345||Tr7n Th; B;ch Ng4c|15031990|N\u1EEF|Hà Nội|10082021"})
    void aCitizenIdCodeCutShortOrMangledIsDamaged(String text) {
        assertThatThrownBy(() -> ScannedCodes.parse(text))
                .isInstanceOfSatisfying(CardException.class, e -> assertThat(e.reason()).isEqualTo(Reason.QR_DAMAGED))
                .message().doesNotContain("001190012345").doesNotContain("Ngọc");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://tracuu.hcc.hanoi.example/q/",
            "https://tracuu.hcc.hanoi.example/q/t/HN-CN01/2026",
            "https://tracuu.hcc.hanoi.example/q/t/HN-CN01/20261323/1005",
            "https://tracuu.hcc.hanoi.example/q/t/HN-CN01/20261123/10%2005",
            "https://tracuu.hcc.hanoi.example/q/b/K7M9",
            "https://tracuu.hcc.hanoi.example/q/b/K0M9QX2A",
            "https://tracuu.hcc.hanoi.example/q/d/HN01-261123",
            "https://tracuu.hcc.hanoi.example/q/x/ABC",
            "https://tracuu.hcc.hanoi.example/q/b/K7M9QX2A/extra",
            "https:/tracuu.hcc.hanoi.example/q/b/K7M9QX2A"})
    void aBrokenLinkOfOursIsNotOurs(String text) {
        assertThatThrownBy(() -> ScannedCodes.parse(text))
                .isInstanceOfSatisfying(CardException.class, e -> assertThat(e.reason()).isEqualTo(Reason.QR_NOT_OURS));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "   ", "https://zalo.me/g/abcdef", "WIFI:S:hcc;T:WPA;P:secret;;", "Xin chào",
            "123456", "HELLO1", "K7M9QX2AK7M", "HN01-261323-0042", "00119001", "|||"})
    void anythingElseIsNotACitizenId(String text) {
        assertThatThrownBy(() -> ScannedCodes.parse(text))
                .isInstanceOfSatisfying(CardException.class, e -> assertThat(e.reason()).isEqualTo(Reason.QR_NOT_CITIZEN_ID));
    }

    @Test
    void buildersRefuseWhatALinkCannotCarry() {
        assertThatThrownBy(() -> new TicketQr("HN CN01", LocalDate.of(2026, 1, 1), "1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TicketQr("HN-CN01", LocalDate.of(2026, 1, 1), "10/05")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BookingQr("K0M9QX2A")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DossierQr("HN01-261332-0042")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TICKET.link("ftp://x.example")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TICKET.link("https://x.example/?a=b")).isInstanceOf(IllegalArgumentException.class);
    }
}
