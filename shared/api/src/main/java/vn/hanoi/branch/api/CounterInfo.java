package vn.hanoi.branch.api;

import java.util.List;

/** A service counter (quầy) and the services it serves, in the order it prefers them. */
public record CounterInfo(long id, int number, String nameVi, String nameEn, List<Long> serviceIds) {
}
