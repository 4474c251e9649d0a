package vn.hanoi.branch.agent.http;

import vn.hanoi.branch.api.ApiError;

/**
 * A refusal that the caller can act on, with a message for people in both languages. Thrown by the
 * feature services; the server turns it into an {@link ApiError} body.
 */
public final class ApiException extends RuntimeException {
    private final ApiError error;

    public ApiException(int status, String code, String messageVi, String messageEn) {
        super(code + ": " + messageEn);
        this.error = new ApiError(status, code, messageVi, messageEn);
    }

    public ApiError error() {
        return error;
    }

    public static ApiException badRequest(String code, String vi, String en) {
        return new ApiException(400, code, vi, en);
    }

    public static ApiException notFound(String code, String vi, String en) {
        return new ApiException(404, code, vi, en);
    }

    public static ApiException conflict(String code, String vi, String en) {
        return new ApiException(409, code, vi, en);
    }

    public static ApiException unauthorized() {
        return new ApiException(401, "unauthorized",
                "Thiết bị hoặc phiên đăng nhập chưa được xác thực. Hãy ghép nối thiết bị hoặc đăng nhập lại.",
                "The device or session is not authenticated. Pair the device or log in again.");
    }

    public static ApiException forbidden() {
        return new ApiException(403, "forbidden",
                "Bạn không có quyền thực hiện thao tác này.",
                "You are not allowed to do this.");
    }
}
