package vn.hanoi.branch.card;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.DLSequence;
import org.bouncycastle.asn1.DLSet;
import org.bouncycastle.asn1.DEROctetString;
import org.junit.jupiter.api.Test;
import vn.hanoi.branch.testkit.card.CccdApplet;
import vn.hanoi.branch.testkit.card.CccdCardFiles;
import vn.hanoi.branch.testkit.card.EmulatedCardService;
import vn.hanoi.branch.testkit.card.FakeCitizen;
import vn.hanoi.branch.testkit.card.FakeCitizens;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** DG13 is read by field number: order, extra fields and both container shapes do not matter. */
class CardDg13FileTest {

    private static DLSequence field(int n, ASN1Encodable value) {
        return new DLSequence(new ASN1Encodable[]{new ASN1Integer(n), value});
    }

    private static byte[] dg13(boolean withSet, DLSequence... fields) throws IOException {
        ASN1Encodable[] head = {new ASN1Integer(1), new ASN1ObjectIdentifier("1.2.3.4")};
        ASN1Encodable[] body;
        if (withSet) {
            body = new ASN1Encodable[]{head[0], head[1], new DLSet(fields)};
        } else {
            body = new ASN1Encodable[2 + fields.length];
            body[0] = head[0];
            body[1] = head[1];
            System.arraycopy(fields, 0, body, 2, fields.length);
        }
        return Tlv.wrap(0x6D, new DLSequence(body).getEncoded());
    }

    @Test
    void fieldsAreFoundByNumberInAnyOrderAndUnknownOnesKept() throws IOException {
        DLSequence parents = new DLSequence(new ASN1Encodable[]{
                new DLSequence(new ASN1Encodable[]{new ASN1Integer(1), new DERUTF8String("Nguyễn Văn Bình")}),
                new DLSequence(new ASN1Encodable[]{new ASN1Integer(2), new DERUTF8String("Trần Thị Hoa")})});
        DLSequence[] reversed = {
                field(21, new DERUTF8String("trường mới")),
                field(13, parents),
                field(9, new DERUTF8String("Số 5 ngõ 12, Phường Láng Hạ, Quận Đống Đa, Hà Nội")),
                field(3, new DERPrintableString("02/09/1985")),
                field(2, new DERUTF8String("Nguyễn Thị Lan")),
                field(17, new DEROctetString(new byte[]{1, 2})),
                field(1, new DERPrintableString("001185012345"))};
        for (boolean withSet : new boolean[]{true, false}) {
            DG13File f = DG13File.parse(dg13(withSet, reversed));
            assertThat(f.text(DG13File.ID)).contains("001185012345");
            assertThat(f.text(DG13File.FULL_NAME)).contains("Nguyễn Thị Lan");
            assertThat(f.text(DG13File.DATE_OF_BIRTH)).contains("02/09/1985");
            assertThat(f.text(DG13File.PARENTS, 0)).contains("Nguyễn Văn Bình");
            assertThat(f.text(DG13File.PARENTS, 1)).contains("Trần Thị Hoa");
            assertThat(f.text(DG13File.SPOUSE)).isEmpty();
            assertThat(f.fields()).containsEntry(21, List.of("trường mới")).containsEntry(17, List.of("hex:04020102"));
            assertThat(f.fields().keySet()).containsExactly(1, 2, 3, 9, 13, 17, 21);
            assertThat(f.version()).isEqualTo(1);
            assertThat(f.oid()).isEqualTo("1.2.3.4");
            assertThat(f.toString()).doesNotContain("Lan", "001185012345");
        }
    }

    @Test
    void encoderRoundTripsInAnyOrder() throws IOException {
        DG13File f = new DG13File(1, CccdCardFiles.DG13_OID, Map.of(1, List.of("001185012345"),
                2, List.of("Đỗ Thị Ánh"), 13, List.of("Đỗ Văn Hùng", "Lê Thị Mai"), 30, List.of("x")));
        byte[] shuffled = f.encoded(List.of(30, 13, 2, 1));
        assertThat(shuffled).isNotEqualTo(f.encoded());
        assertThat(DG13File.parse(shuffled).fields()).isEqualTo(f.fields());
        assertThat(DG13File.parse(f.encoded()).fields()).isEqualTo(f.fields());
    }

    @Test
    void notDg13IsRefused() {
        assertThatThrownBy(() -> DG13File.parse(new byte[]{0x61, 0x02, 0x05, 0x00})).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> DG13File.parse(new byte[]{0x6D, 0x03, 0x30, 0x01, 0x02})).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> DG13File.parse(Tlv.wrap(0x6D, new byte[]{0x30, 0x00}))).isInstanceOf(IOException.class);
    }

    @Test
    void readerUsesNumbersOnAShuffledChipWithExtraFields() {
        FakeCitizen c = new FakeCitizens(31, LocalDate.of(2026, 5, 20)).next();
        CccdCardFiles card = CccdCardFiles.of(c).shuffleDg13(5).extraDg13Field(16, "B").extraDg13Field(40, "mới").build();
        CitizenCard r = new CccdReader().read(new EmulatedCardService(CccdApplet.of(card)), CardAccess.fromQr(c.qr()));
        assertThat(r.fullName()).isEqualTo(c.fullName());
        assertThat(r.placeOfOrigin()).isEqualTo(c.placeOfOrigin());
        assertThat(r.mother()).isEqualTo(c.mother());
        assertThat(r.dg13()).containsEntry(16, List.of("B")).containsEntry(40, List.of("mới"));
    }
}
