package vn.hanoi.branch.api;

/**
 * Error body of every 4xx/5xx answer. Both languages travel together so that a kiosk or counter can
 * show the citizen or clerk what happened and what to do, without its own copy of agent messages.
 *
 * @param code stable machine-readable reason, e.g. {@code unknown_service}
 */
public record ApiError(int status, String code, String messageVi, String messageEn) {
}
