package vn.hanoi.branch.api;

/** The branch this agent runs, as shown on kiosks, tickets and screens. */
public record BranchInfo(String code, String nameVi, String nameEn, String timeZone) {
}
