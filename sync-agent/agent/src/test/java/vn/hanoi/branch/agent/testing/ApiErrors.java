package vn.hanoi.branch.agent.testing;

import okhttp3.Response;
import vn.hanoi.branch.api.ApiError;
import vn.hanoi.branch.api.Json;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** How a refused raw HTTP call must look: the status, the stable code, a Vietnamese and an English message. */
public final class ApiErrors {
    private ApiErrors() {
    }

    public static void assertError(Response resp, int status, String code) throws IOException {
        try (resp) {
            assertThat(resp.code()).isEqualTo(status);
            assertError(Json.mapper().readValue(resp.body().bytes(), ApiError.class), status, code);
        }
    }

    /** The same for an error a client already decoded (AgentException.error()). */
    public static void assertError(ApiError e, int status, String code) {
        assertThat(e.status()).isEqualTo(status);
        assertThat(e.code()).isEqualTo(code);
        assertThat(e.messageVi()).isNotBlank().isNotEqualTo(e.messageEn());
        assertThat(e.messageEn()).isNotBlank();
    }
}
