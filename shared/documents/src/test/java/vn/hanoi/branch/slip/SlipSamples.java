package vn.hanoi.branch.slip;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import vn.hanoi.branch.api.Dossiers.Applicant;
import vn.hanoi.branch.api.Dossiers.Dossier;
import vn.hanoi.branch.api.Dossiers.Procedure;
import vn.hanoi.branch.api.Dossiers.ReceivedDocument;
import vn.hanoi.branch.api.Dossiers.RequiredDocument;
import vn.hanoi.branch.api.Dossiers.State;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A dossier at the counter (made-up data) and the checks the slip tests share. */
final class SlipSamples {
    static final String CODE = "HN-CN01-250512-0042";
    static final String BASE = "https://tracuu.hcc.hanoi.example";
    static final String LINK = BASE + "/q/d/" + CODE;
    /** In NFC; the dossier gets it in NFD, as some keyboards and QR payloads deliver it. */
    static final String NAME = "Nguyễn Thị Ánh Tuyết";
    static final String PROCEDURE = "Đăng ký khai sinh có yếu tố nước ngoài";
    static final String REFUSAL = "Hồ sơ không thuộc thẩm quyền giải quyết của Ủy ban nhân dân cấp phường; "
            + "đề nghị nộp tại Sở Tư pháp.";
    static final String ADDITIONAL = "Giấy chứng sinh là bản chụp không rõ chữ; cần bản chính.";

    static final Slip.Issuer ISSUER = new Slip.Issuer("Trung tâm Phục vụ hành chính công Hà Nội – Chi nhánh số 1",
            "12 phố Hàng Trống, phường Hoàn Kiếm, Hà Nội", "Trần Văn Đức", "Quầy 3");

    static final Procedure BIRTH = new Procedure("1.001193", PROCEDURE, "Birth registration with a foreign element",
            "HT", "Phòng Tư pháp", 5, 50_000, List.of(), List.of(
                    new RequiredDocument("TK", "Tờ khai đăng ký khai sinh (mẫu TP/HT-2020-TKKS)",
                            "Birth registration form", true),
                    new RequiredDocument("GCS", "Giấy chứng sinh", "Birth certificate from the hospital", true),
                    new RequiredDocument("HC", "Hộ chiếu của cha hoặc mẹ là người nước ngoài",
                            "Passport of the foreign parent", false),
                    new RequiredDocument("UQ", "Văn bản ủy quyền có chứng thực (nếu nộp thay)",
                            "Certified power of attorney (when filed by someone else)", true)),
            true);

    private SlipSamples() {
    }

    static Dossier dossier() {
        return new Dossier(42, CODE, 1005L, "1.001193", PROCEDURE, State.RECEIVED,
                new Applicant(nfd(NAME), "001089012345", LocalDate.of(1989, 3, 4), "0912 345 678",
                        "phường Hoàn Kiếm"),
                List.of(new ReceivedDocument("TK", true, true), new ReceivedDocument("GCS", false, true),
                        new ReceivedDocument("HC", true, false)),
                50_000, "ghi chú nội bộ", false,
                ZonedDateTime.of(2025, 5, 12, 9, 41, 0, 0, Slip.HANOI).toInstant(), LocalDate.of(2025, 5, 19),
                null, Map.of(), List.of(), null, null);
    }

    static Slip receipt() {
        return Slip.receipt(ISSUER, dossier(), BIRTH, BASE);
    }

    static Slip additional() {
        return Slip.additionalDocuments(ISSUER, dossier(), BIRTH, ADDITIONAL, BASE);
    }

    static Slip refusal() {
        return Slip.refusal(ISSUER, dossier(), BIRTH, REFUSAL, BASE);
    }

    static Slip of(Slip.Kind kind) {
        return switch (kind) {
            case RECEIPT -> receipt();
            case ADDITIONAL_DOCUMENTS -> additional();
            case REFUSAL -> refusal();
        };
    }

    /** {@code n} received documents with long names, each unique (its number twice, at both ends). */
    static List<Slip.Document> manyDocuments(int n) {
        List<Slip.Document> docs = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            docs.add(new Slip.Document("Giấy tờ số " + i + ": bản sao trích lục hồ sơ hộ tịch gốc kèm xác nhận của "
                    + "Ủy ban nhân dân phường nơi cư trú, có đóng dấu giáp lai các trang, mục " + i + " kết thúc",
                    "Document " + i, i % 2 == 0));
        }
        return docs;
    }

    static String nfd(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD);
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    /** The text with every run of white space (line breaks of wrapped lines) made one space. */
    static String flat(String text) {
        return text.replaceAll("\\s+", " ");
    }

    static String decodeQr(BufferedImage img) throws Exception {
        try {
            return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(img))),
                    Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
        } catch (NotFoundException e) {
            return null;
        }
    }
}
