package vn.hanoi.branch.slip;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import vn.hanoi.branch.slip.SlipPdf.Paper;

import java.io.IOException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hanoi.branch.slip.SlipSamples.*;

class SlipPdfTest {
    private static final ZonedDateTime NOW = ZonedDateTime.of(2025, 5, 12, 9, 42, 0, 0, Slip.HANOI);

    static Stream<Arguments> kindsAndPapers() {
        return Arrays.stream(Slip.Kind.values())
                .flatMap(k -> Arrays.stream(Paper.values()).map(p -> Arguments.of(k, p)));
    }

    private static byte[] render(Slip slip, Paper paper) throws IOException {
        return new SlipPdf(paper).withClock(Clock.fixed(NOW.toInstant(), Slip.HANOI)).render(slip);
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("kindsAndPapers")
    void keyTextsAreInThePdfExactlyAsNfc(Slip.Kind kind, Paper paper) throws Exception {
        byte[] pdf = render(SlipSamples.of(kind), paper);
        String text = text(pdf);
        String flat = flat(text);

        assertThat(text).contains(CODE, NAME, kind.titleVi(), kind.titleEn(), "Trần Văn Đức",
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Hà Nội, ngày 12 tháng 05 năm 2025",
                "TRUNG TÂM PHỤC VỤ", "NGƯỜI NỘP HỒ SƠ", "CÁN BỘ TIẾP NHẬN", "09:41 ngày 12/05/2025",
                "********2345", "0912 345 678");
        assertThat(flat).contains("1.001193 – " + PROCEDURE, Slip.LOOKUP_HINT_VI, LINK);
        // Exactly NFC: every letter precomposed, no combining mark left over from the NFD input.
        assertThat(Normalizer.isNormalized(text, Normalizer.Form.NFC)).isTrue();
        assertThat(text.codePoints().filter(c -> c >= 0x300 && c <= 0x36F)).isEmpty();
        assertThat(text).doesNotContain("001089012345", "ghi chú nội bộ");

        switch (kind) {
            case RECEIPT -> {
                assertThat(text).contains("19/05/2025", "50.000 đồng", "Ngày hẹn trả kết quả");
                assertThat(flat).contains("Tờ khai đăng ký khai sinh (mẫu TP/HT-2020-TKKS)",
                        "Hộ chiếu của cha hoặc mẹ là người nước ngoài", "Bản chính", "Bản sao");
                assertThat(flat).doesNotContain("Giấy chứng sinh");
            }
            case ADDITIONAL_DOCUMENTS -> {
                assertThat(flat).contains("Giấy chứng sinh", "Văn bản ủy quyền có chứng thực (nếu nộp thay)", ADDITIONAL);
                assertThat(flat).doesNotContain("Tờ khai đăng ký khai sinh (mẫu");
            }
            case REFUSAL -> assertThat(flat).contains("Lý do từ chối", REFUSAL);
        }

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            PDRectangle box = doc.getPage(0).getMediaBox();
            PDRectangle expected = paper == Paper.A4 ? PDRectangle.A4 : PDRectangle.A5;
            assertThat(box.getWidth()).isEqualTo(expected.getWidth());
            assertThat(box.getHeight()).isEqualTo(expected.getHeight());
            PDDocumentInformation info = doc.getDocumentInformation();
            assertThat(info.getTitle()).isEqualTo(kind.titleVi() + " – " + CODE);
            assertThat(info.getCustomMetadataValue("DossierCode")).isEqualTo(CODE);
            assertThat(info.getCreationDate().toInstant()).isEqualTo(NOW.toInstant());
            assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo("vi-VN");
            PDFont font = doc.getPage(0).getResources().getFont(doc.getPage(0).getResources().getFontNames()
                    .iterator().next());
            assertThat(font.isEmbedded()).isTrue();
            assertThat(font.getName()).contains("DejaVuSans");
        }
    }

    @ParameterizedTest
    @EnumSource(Paper.class)
    void qrDecodesToTheLookupLinkAt200Dpi(Paper paper) throws Exception {
        for (Slip.Kind kind : Slip.Kind.values()) {
            try (PDDocument doc = Loader.loadPDF(render(SlipSamples.of(kind), paper))) {
                var img = new PDFRenderer(doc).renderImageWithDPI(0, 200, ImageType.GRAY);
                assertThat(decodeQr(img)).as(kind + " on " + paper).isEqualTo(LINK);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Paper.class)
    void longDocumentListGoesOnToMorePagesWithNothingCut(Paper paper) throws Exception {
        List<Slip.Document> docs = manyDocuments(40);
        Slip slip = SlipSamples.receipt().withDocuments(docs);
        byte[] pdf = render(slip, paper);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            int pages = doc.getNumberOfPages();
            assertThat(pages).isGreaterThanOrEqualTo(2);
            String flat = flat(new PDFTextStripper().getText(doc));
            int at = 0;
            for (Slip.Document d : docs) {
                int i = flat.indexOf(d.nameVi(), at);
                assertThat(i).as("whole and in order: " + d.nameVi()).isGreaterThanOrEqualTo(at);
                at = i + d.nameVi().length();
            }
            assertThat(flat).contains("Trang 1/" + pages, "Trang " + pages + "/" + pages, "(tiếp theo / continued)");
            // The table header is repeated on the next page.
            assertThat(flat.split("Tên giấy tờ", -1).length - 1).isGreaterThanOrEqualTo(2);
            String last = flat(pageText(doc, pages));
            assertThat(last).contains("NGƯỜI NỘP HỒ SƠ", "CÁN BỘ TIẾP NHẬN", "19/05/2025", NAME);
            assertThat(decodeQr(new PDFRenderer(doc).renderImageWithDPI(pages - 1, 200, ImageType.GRAY)))
                    .isEqualTo(LINK);
            for (int p = 0; p < pages; p++) {
                assertInsideMargins(doc, p, paper);
            }
        }
    }

    @Test
    void longReasonWrapsWordForWord() throws Exception {
        StringBuilder reason = new StringBuilder();
        for (int i = 1; reason.length() < 1900; i++) {
            reason.append("Thiếu mục ").append(i).append(" theo quy định tại Nghị định 123/2015/NĐ-CP; ");
        }
        Slip slip = Slip.refusal(ISSUER, dossier(), BIRTH, reason.toString(), BASE)
                .withNotes("Liên hệ đường dây nóng 1900 1234 (giờ hành chính) 🙂 để được hướng dẫn thêm.");
        byte[] pdf = render(slip, Paper.A5);
        String flat = withoutPageFurniture(flat(text(pdf)), slip);
        assertThat(flat).contains(slip.reason().strip());
        // A letter the font does not have is printed as "?", not a failure.
        assertThat(flat).contains("(giờ hành chính) ? để được hướng dẫn thêm.");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (int p = 0; p < doc.getNumberOfPages(); p++) {
                assertInsideMargins(doc, p, Paper.A5);
            }
        }
    }

    @Test
    void longWordsAndLinksAreBrokenToFitTheColumn() throws Exception {
        String longName = "Giấy-xác-nhận-".repeat(25) + "cuối";
        Slip slip = SlipSamples.receipt().withDocuments(List.of(new Slip.Document(longName, null, true)));
        byte[] pdf = render(slip, Paper.A5);
        assertThat(text(pdf).replaceAll("\\s", "")).contains(longName);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertInsideMargins(doc, 0, Paper.A5);
        }
    }

    /** The text without the footers and the continuation line, which sit between a paragraph's lines. */
    private static String withoutPageFurniture(String flat, Slip slip) {
        return flat.replaceAll(CODE + " · Trang \\d+/\\d+ · Page \\d+/\\d+ ", "")
                .replace(CODE + " – " + slip.kind().titleVi() + " (tiếp theo / continued) ", "");
    }

    private static String pageText(PDDocument doc, int page) throws IOException {
        PDFTextStripper s = new PDFTextStripper();
        s.setStartPage(page);
        s.setEndPage(page);
        return s.getText(doc);
    }

    /** Every glyph lies inside the page's margins: nothing is cut at an edge. */
    private static void assertInsideMargins(PDDocument doc, int page, Paper paper) throws IOException {
        List<TextPosition> glyphs = new ArrayList<>();
        PDFTextStripper s = new PDFTextStripper() {
            @Override
            protected void processTextPosition(TextPosition text) {
                glyphs.add(text);
            }
        };
        s.setStartPage(page + 1);
        s.setEndPage(page + 1);
        s.getText(doc);
        PDPage p = doc.getPage(page);
        float w = p.getMediaBox().getWidth();
        float h = p.getMediaBox().getHeight();
        float m = paper.margin - 1;
        assertThat(glyphs).isNotEmpty().allSatisfy(t -> {
            // TextPosition coordinates: x from the left, y from the top (of the baseline).
            assertThat(t.getXDirAdj()).isGreaterThanOrEqualTo(m);
            assertThat(t.getXDirAdj() + t.getWidthDirAdj()).as(t.getUnicode()).isLessThanOrEqualTo(w - m);
            assertThat(t.getYDirAdj() - t.getHeightDir()).isGreaterThanOrEqualTo(m - 2);
            assertThat(t.getYDirAdj()).isLessThanOrEqualTo(h - m + 2);
        });
    }
}
