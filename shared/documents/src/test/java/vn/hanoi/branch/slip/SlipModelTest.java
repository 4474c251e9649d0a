package vn.hanoi.branch.slip;

import org.junit.jupiter.api.Test;

import java.text.Normalizer;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.hanoi.branch.slip.SlipSamples.*;

class SlipModelTest {

    @Test
    void receiptFromTheDossierTakesTheReceivedDocumentsAndMasksTheId() {
        Slip s = receipt();
        assertThat(s.kind()).isEqualTo(Slip.Kind.RECEIPT);
        assertThat(s.applicantName()).isEqualTo(NAME);
        assertThat(Normalizer.isNormalized(s.applicantName(), Normalizer.Form.NFC)).isTrue();
        assertThat(s.idNumberMasked()).isEqualTo("********2345");
        assertThat(s.documents()).extracting(Slip.Document::nameVi, Slip.Document::original).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Tờ khai đăng ký khai sinh (mẫu TP/HT-2020-TKKS)", true),
                org.assertj.core.groups.Tuple.tuple("Hộ chiếu của cha hoặc mẹ là người nước ngoài", false));
        assertThat(s.receivedAt()).isEqualTo(LocalDateTime.of(2025, 5, 12, 9, 41));
        assertThat(s.lookupLink()).isEqualTo(LINK);
        assertThat(s.feeVnd()).isEqualTo(50_000);
        assertThat(s.notes()).as("the dossier's own notes stay internal").isNull();
        assertThat(s.toString()).doesNotContain("Nguy", "2345", "0912");
    }

    @Test
    void additionalDocumentsAreTheUntickedAndTheMissingRequiredOnes() {
        assertThat(additional().documents()).extracting(Slip.Document::nameVi).containsExactly(
                "Giấy chứng sinh", "Văn bản ủy quyền có chứng thực (nếu nộp thay)");
        assertThat(additional().feeVnd()).isZero();
        assertThat(refusal().documents()).isEmpty();
        // Without the procedure the checklist codes stand for the names.
        assertThat(Slip.missing(dossier(), null)).extracting(Slip.Document::nameVi).containsExactly("GCS");
    }

    @Test
    void masking() {
        assertThat(Slip.maskId("001089012345")).isEqualTo("********2345");
        assertThat(Slip.maskId(" 0010 8901 2345 ")).isEqualTo("********2345");
        assertThat(Slip.maskId("********2345")).isEqualTo("********2345");
        assertThat(Slip.maskId("1234")).isEqualTo("****");
        assertThat(Slip.maskId("  ")).isNull();
        assertThat(Slip.maskId(null)).isNull();
    }

    @Test
    void eachKindNeedsItsContent() {
        Slip r = receipt();
        assertThatThrownBy(() -> Slip.refusal(ISSUER, dossier(), BIRTH, " ", BASE))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("reason");
        assertThatThrownBy(() -> Slip.additionalDocuments(ISSUER, dossier(), BIRTH, List.of(), "x", BASE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing documents");
        assertThatThrownBy(() -> new Slip(Slip.Kind.RECEIPT, ISSUER, r.dossierCode(), r.procedureCode(),
                r.procedureNameVi(), null, r.applicantName(), null, null, List.of(), 0, r.receivedAt(), null, null,
                null, r.lookupLink())).hasMessageContaining("appointment");
        assertThatThrownBy(() -> new Slip(Slip.Kind.RECEIPT, ISSUER, "not a code", r.procedureCode(),
                r.procedureNameVi(), null, r.applicantName(), null, null, List.of(), 0, r.receivedAt(),
                r.appointmentDate(), null, null, r.lookupLink())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Slip(Slip.Kind.RECEIPT, ISSUER, r.dossierCode(), r.procedureCode(),
                r.procedureNameVi(), null, r.applicantName(), null, null, List.of(), 0, r.receivedAt(),
                r.appointmentDate(), null, null, BASE + "/q/d/HN-CN01-250512-0043"))
                .hasMessageContaining("lookup link");
        assertThatThrownBy(() -> r.withNotes("x".repeat(Slip.MAX_TEXT + 1))).hasMessageContaining("longer");
    }

    @Test
    void textsAreNfcOnOneLine() {
        Slip s = receipt().withNotes(nfd("Mang theo\n  giấy hẹn\tkhi nhận kết quả"));
        assertThat(s.notes()).isEqualTo("Mang theo giấy hẹn khi nhận kết quả");
        assertThat(new Slip.Document(nfd("Giấy chứng sinh"), null, true).nameVi()).isEqualTo("Giấy chứng sinh");
        assertThat(SlipText.feeVi(1_250_000)).isEqualTo("1.250.000 đồng");
        assertThat(SlipText.feeEn(1_250_000)).isEqualTo("1,250,000 VND");
        assertThat(SlipText.feeVi(0)).isEqualTo("Không thu phí");
    }
}
