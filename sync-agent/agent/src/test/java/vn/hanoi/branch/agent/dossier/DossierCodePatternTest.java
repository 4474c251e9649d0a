package vn.hanoi.branch.agent.dossier;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DossierCodePatternTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 23);

    @Test
    void defaultIsAgencyDayAndFourDigitSequence() {
        assertThat(new DossierCodePattern(null).format("HN-CN01", DAY, 42)).isEqualTo("HN-CN01-261123-0042");
        assertThat(new DossierCodePattern("{agency}-{date:yyMMdd}-{seq:6}").format("000.00.16.H26", DAY, 7))
                .isEqualTo("000.00.16.H26-261123-000007");
    }

    @Test
    void patternsTheLookupCannotReadAreRefusedAtStart() {
        assertThatThrownBy(() -> new DossierCodePattern("{agency}-{date:yyMMdd}"))
                .hasMessageContaining("{seq}");
        assertThatThrownBy(() -> new DossierCodePattern("{agency}/{date:yyyy}/{seq:4}"))
                .hasMessageContaining("cannot carry");
    }
}
