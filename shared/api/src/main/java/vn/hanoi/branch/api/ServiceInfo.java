package vn.hanoi.branch.api;

import java.time.LocalTime;

/**
 * A queue service (a group of procedures with its own numbering), e.g. "Hộ tịch" starting at 1001.
 * Display numbers are {@code prefix + (numberStart + seq - 1)}. Green channel services (enterprises,
 * banks) are called first at their designated counters.
 */
public record ServiceInfo(
        long id,
        String code,
        String nameVi,
        String nameEn,
        String prefix,
        int numberStart,
        int numberEnd,
        LocalTime opensAt,
        LocalTime closesAt,
        boolean active,
        boolean greenChannel) {
}
