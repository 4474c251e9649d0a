package vn.hanoi.branch.api;

/**
 * A priority group of the branch (elderly, disability, …). {@code minAge}: given automatically when
 * the ID card shows this age or more; null for groups that are declared and confirmed by a clerk.
 */
public record PriorityClass(String code, String nameVi, String nameEn, Integer minAge) {
}
