package vn.hanoi.branch.kiosk.ticket;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import vn.hanoi.branch.api.ApiError;

/** The problem screen's view model: what went wrong, and the retry when trying again is safe. */
public final class ProblemModel {
    private final ReadOnlyObjectWrapper<ApiError> problem = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper canRetry = new ReadOnlyBooleanWrapper();
    private Runnable retry;

    public ReadOnlyObjectProperty<ApiError> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRetryProperty() {
        return canRetry.getReadOnlyProperty();
    }

    /** @param retryWith repeats what failed, or null when a retry could do harm (a refusal is final) */
    void show(ApiError error, Runnable retryWith) {
        problem.set(error);
        retry = retryWith;
        canRetry.set(retryWith != null);
    }

    /** Tries again what failed, once. */
    void retry() {
        Runnable r = retry;
        if (r != null) {
            r.run();
        }
    }

    void clear() {
        problem.set(null);
        retry = null;
        canRetry.set(false);
    }
}
