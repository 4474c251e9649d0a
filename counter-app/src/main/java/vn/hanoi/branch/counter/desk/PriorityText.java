package vn.hanoi.branch.counter.desk;

import vn.hanoi.branch.api.PriorityClass;
import vn.hanoi.branch.api.PriorityState;
import vn.hanoi.branch.api.Ticket;

import java.util.Map;

/** A ticket's priority group as staff read it at the desk. */
final class PriorityText {
    private PriorityText() {
    }

    /**
     * E.g. "ƯU TIÊN – Người cao tuổi / PRIORITY – Elderly (tự khai / declared)", marked when a clerk revoked
     * it; empty for a normal ticket. {@code classes}: the branch's priority groups by code.
     */
    static String of(Ticket t, Map<String, PriorityClass> classes) {
        if (t == null || t.priorityClass() == null) {
            return "";
        }
        PriorityClass pc = classes.get(t.priorityClass());
        String vi = pc == null ? t.priorityClass() : pc.nameVi();
        String en = pc == null ? t.priorityClass() : pc.nameEn();
        if (t.priorityState() == PriorityState.REVOKED) {
            return "ĐÃ THU HỒI ƯU TIÊN – " + vi + " / PRIORITY REVOKED – " + en;
        }
        String how = switch (t.priorityState() == null ? PriorityState.DECLARED : t.priorityState()) {
            case CARD -> " (CCCD / ID card)";
            case CONFIRMED -> " ✔ (đã xác nhận / confirmed)";
            default -> " (tự khai / declared)";
        };
        return "ƯU TIÊN – " + vi + " / PRIORITY – " + en + how;
    }
}
