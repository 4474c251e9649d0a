package vn.hanoi.branch.card;

import org.junit.jupiter.api.Test;
import vn.hanoi.branch.testkit.card.FakeCitizen;
import vn.hanoi.branch.testkit.card.FakeCitizens;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CardExpiryCandidatesTest {
    private static List<String> guesses(String dob, String issued) {
        return ExpiryCandidates.defaults().candidates(LocalDate.parse(dob), LocalDate.parse(issued));
    }

    @Test
    void nextMilestoneComesFirst() {
        assertThat(guesses("1990-03-15", "2021-05-10").getFirst()).isEqualTo("300315");   // 31 → 40
        assertThat(guesses("1998-06-01", "2021-04-01").getFirst()).isEqualTo("230601");   // 22 → 25
        assertThat(guesses("1975-11-30", "2022-02-01").getFirst()).isEqualTo("351130");   // 46 → 60
    }

    @Test
    void issuedWithinTwoYearsBeforeAMilestoneLastsUntilTheNext() {
        assertThat(guesses("1998-06-01", "2021-08-01")).startsWith("380601");
        assertThat(guesses("1982-01-20", "2020-12-01").getFirst()).isEqualTo("420120"); // at 38.9 → 60
    }

    @Test
    void nearTheTwoYearEdgeTheApplicationDayGivesTheSecondGuess() {
        // Issued 19 days inside the window, applied (up to 45 days earlier) maybe outside it.
        assertThat(guesses("1998-06-01", "2021-06-20")).startsWith("380601", "230601");
    }

    @Test
    void fourteenIsAMilestoneOnlyForCardsFromJuly2024() {
        assertThat(guesses("2012-10-01", "2024-09-01").getFirst()).isEqualTo("261001");   // 2023 law: 14
        assertThat(guesses("2011-09-01", "2024-08-20").getFirst()).isEqualTo("360901");   // within 2 y of 14 → 25
        assertThat(guesses("2009-01-01", "2023-03-01").getFirst()).isEqualTo("340101");   // 2014 law: 25
        // Issued just after the law changed, applied maybe before it: both answers are tried.
        assertThat(guesses("2013-01-01", "2024-07-10")).startsWith("270101", "380101");
    }

    @Test
    void fromFiftyEightTheCardHasNoExpiryAndThePlaceholdersAreTried() {
        assertThat(guesses("1950-01-01", "2021-05-01")).startsWith("991231").contains("<<<<<<", "000000");
        assertThat(guesses("1963-01-01", "2021-07-01")).startsWith("991231");   // 58.5 → for life
        assertThat(guesses("1964-05-01", "2021-03-01").getFirst()).isEqualTo("240501"); // 56.8 → 60
    }

    @Test
    void leapDayBirthdaysAlsoTryFirstOfMarch() {
        assertThat(guesses("2000-02-29", "2022-01-10")).startsWith("250228", "250301");
    }

    @Test
    void placeholderOrderCanBeChanged() {
        ExpiryCandidates own = new ExpiryCandidates(List.of("000000", "991231"));
        assertThat(own.candidates(LocalDate.parse("1950-01-01"), LocalDate.parse("2022-01-01")))
                .startsWith("000000", "991231");
    }

    @Test
    void meanAttemptsOverAllAgesStaysLow() {
        FakeCitizens people = new FakeCitizens(99, LocalDate.of(2026, 5, 20));
        int n = 2000;
        long attempts = 0;
        for (int i = 0; i < n; i++) {
            FakeCitizen c = people.next();
            List<String> g = ExpiryCandidates.defaults().candidates(c.dateOfBirth(), c.issueDate());
            assertThat(g).as("candidates for a generated card").contains(c.chipExpiry());
            attempts += g.indexOf(c.chipExpiry()) + 1;
        }
        assertThat(attempts / (double) n).isLessThanOrEqualTo(1.3);
    }
}
