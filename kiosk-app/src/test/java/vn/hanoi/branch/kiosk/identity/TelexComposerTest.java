package vn.hanoi.branch.kiosk.identity;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.text.Normalizer;

import static org.assertj.core.api.Assertions.assertThat;

class TelexComposerTest {
    private static String typeAll(String keys) {
        String text = "";
        for (char k : keys.toCharArray()) {
            text = TelexComposer.type(text, k);
        }
        return text;
    }

    @ParameterizedTest
    @CsvSource({
            "Nguyeenx Thij Bichs Ngocj, Nguyễn Thị Bích Ngọc",
            "Traafn Vawn An, Trần Văn An",
            "Dduwowngf Hoaf Binhf, Đường Hòa Bình",
            "phoos Hangf Boong, phố Hàng Bông",
            "quaanj Hoanf Kieems, quận Hoàn Kiếm",
            "Giang Ddinhf, Giang Đình",
            "thuwr, thử",
            "Cuwr Nam, Cử Nam",
            "khuyeens, khuyến",
            "luaatj, luật",
            "giaays, giấy",
            "Nuwx, Nữ",
            "w, ư",
            "ass, as",
            "Toongf, Tồng",
            "sos 12, só 12",
    })
    void typesVietnameseWithTelex(String keys, String expected) {
        String out = typeAll(keys);
        assertThat(out).isEqualTo(expected);
        assertThat(Normalizer.isNormalized(out, Normalizer.Form.NFC)).isTrue();
    }

    @Test
    void toneMovesWhenTheWordGrowsAndZRemovesIt() {
        assertThat(typeAll("hoas")).isEqualTo("hóa");
        assertThat(typeAll("hoasn")).isEqualTo("hóan"); // typed in that order the tone stays where it was put
        assertThat(typeAll("vieetj")).isEqualTo("việt");
        assertThat(typeAll("Vieetjz")).isEqualTo("Viêt");
    }

    @Test
    void backspaceRemovesOneVisibleLetter() {
        assertThat(TelexComposer.backspace("Ngọc")).isEqualTo("Ngọ");
        assertThat(TelexComposer.backspace(Normalizer.normalize("Ngọ", Normalizer.Form.NFD))).isEqualTo("Ng");
        assertThat(TelexComposer.backspace("")).isEmpty();
    }
}
