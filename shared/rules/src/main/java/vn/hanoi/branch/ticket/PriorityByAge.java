package vn.hanoi.branch.ticket;

import vn.hanoi.branch.api.PriorityClass;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;

/**
 * Priority that follows from the ID card's date of birth: the first of the branch's priority groups
 * with a minimum age the citizen has reached. The branch sets the groups and ages; the agent decides
 * with this when it issues the ticket, and the kiosk uses the same to skip asking.
 */
public final class PriorityByAge {
    private PriorityByAge() {
    }

    public static Optional<PriorityClass> of(List<PriorityClass> classes, LocalDate birthDate, LocalDate today) {
        if (birthDate == null) {
            return Optional.empty();
        }
        int age = Period.between(birthDate, today).getYears();
        return classes.stream().filter(p -> p.minAge() != null && age >= p.minAge()).findFirst();
    }
}
