package vn.hanoi.branch.dossier;

import vn.hanoi.branch.api.Dossiers.State;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a dossier may go from each state: the agent refuses any other move, the counter offers only
 * these. Reception (DRAFT to RECEIVED) has its own call and is not a move here.
 */
public final class DossierMoves {
    private static final Map<State, List<State>> NEXT = Map.of(
            State.RECEIVED, List.of(State.SENT_TO_DEPARTMENT, State.ADDITIONAL_DOCUMENTS_REQUESTED, State.REFUSED),
            State.SENT_TO_DEPARTMENT, List.of(State.PROCESSING, State.ADDITIONAL_DOCUMENTS_REQUESTED, State.REFUSED),
            State.PROCESSING, List.of(State.RESULT_READY, State.ADDITIONAL_DOCUMENTS_REQUESTED, State.REFUSED),
            State.ADDITIONAL_DOCUMENTS_REQUESTED, List.of(State.RECEIVED, State.REFUSED),
            State.RESULT_READY, List.of(State.RETURNED, State.DELIVERED));

    /** Handing the result over (at the counter or by post) is its own action, not a status pick. */
    private static final Set<State> HAND_OVER = EnumSet.of(State.RETURNED, State.DELIVERED);

    /** Where a dossier goes at the departments; the city may report a later step before the earlier ones. */
    public static final List<State> PROCESSING_PATH = List.of(State.RECEIVED, State.SENT_TO_DEPARTMENT,
            State.PROCESSING, State.RESULT_READY);

    private DossierMoves() {
    }

    /** Every state a dossier in {@code from} may move to. */
    public static List<State> next(State from) {
        return NEXT.getOrDefault(from, List.of());
    }

    public static boolean allowed(State from, State to) {
        return to != null && next(from).contains(to);
    }

    /** The moves a clerk picks as a new status, in the order a screen lists them (hand-over excluded). */
    public static List<State> statusChoices(State from) {
        return next(from).stream().filter(s -> !HAND_OVER.contains(s)).toList();
    }
}
