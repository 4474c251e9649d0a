package vn.hanoi.branch.agent.http;

import io.javalin.http.Context;
import java.io.IOException;
import vn.hanoi.branch.agent.auth.Principal;
import vn.hanoi.branch.api.Json;

/** Small request helpers shared by the feature routes. */
public final class Http {
    static final String PRINCIPAL = "principal";

    private Http() {
    }

    public static Principal principal(Context ctx) {
        return ctx.attribute(PRINCIPAL);
    }

    /** The request body as {@code type}; malformed or missing JSON is the caller's error (400). */
    public static <T> T body(Context ctx, Class<T> type) {
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length == 0) {
            throw ApiException.badRequest("missing_body", "Yêu cầu thiếu nội dung.", "The request has no body.");
        }
        try {
            T value = Json.mapper().readValue(bytes, type);
            if (value == null) {
                throw new IOException("null body");
            }
            return value;
        } catch (IOException e) {
            throw ApiException.badRequest("malformed_json", "Nội dung yêu cầu không đúng định dạng JSON.",
                    "The request body is not valid JSON for this call.");
        }
    }

    public static long pathId(Context ctx, String name) {
        try {
            return Long.parseLong(ctx.pathParam(name));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("bad_id", "Mã định danh không hợp lệ.", "The id in the path is not a number.");
        }
    }

    /** The bearer token from the header, or from {@code access_token} for browser EventSource. */
    public static String bearer(Context ctx) {
        String h = ctx.header("Authorization");
        if (h != null && h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return h.substring(7).trim();
        }
        return ctx.queryParam("access_token");
    }
}
