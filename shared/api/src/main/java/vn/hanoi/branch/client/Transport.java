package vn.hanoi.branch.client;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import vn.hanoi.branch.api.ApiError;
import vn.hanoi.branch.api.Json;
import vn.hanoi.branch.api.QueueEvent;

/**
 * The one HTTP path to the agent's API (v1) that every audience client goes through: JSON in and out,
 * the credential as a bearer token, the agent's bilingual errors as {@link AgentException}.
 *
 * <p>Immutable. {@link #as} gives the same connection pool with another credential, so a kiosk, a
 * counter PC and the clerk signed in on it share sockets but never each other's token.
 */
final class Transport {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final MediaType PDF = MediaType.get("application/pdf");

    private final HttpUrl base;
    private final OkHttpClient http;
    private final ObjectMapper mapper;
    /** The bearer token of every call: a device token, a staff session token, or null (public calls). */
    private final String token;

    private Transport(HttpUrl base, OkHttpClient http, ObjectMapper mapper, String token) {
        this.base = base;
        this.http = http;
        this.mapper = mapper;
        this.token = token;
    }

    static Transport open(String baseUrl, Duration connectTimeout, Duration readTimeout) {
        HttpUrl base = Objects.requireNonNull(HttpUrl.parse(baseUrl), "bad agent URL: " + baseUrl);
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(connectTimeout)
                .readTimeout(readTimeout)
                .callTimeout(readTimeout.plus(connectTimeout))
                .retryOnConnectionFailure(false) // retries are ours to decide: writes carry idempotency keys
                // Idle connections are dropped before the agent's server closes them (Jetty: 30 s), so the
                // first tap after a quiet minute never lands on a dead socket and reports the agent as gone.
                .connectionPool(new ConnectionPool(5, 10, TimeUnit.SECONDS))
                .build();
        return new Transport(base, http, Json.mapper(), null);
    }

    /** The same agent and connections, calling with {@code credential} (null for none). */
    Transport as(String credential) {
        return new Transport(base, http, mapper, credential);
    }

    String token() {
        return token;
    }

    String baseUrl() {
        return base.toString();
    }

    <T> T get(String path, Class<T> type) {
        return send(request(path, Map.of()).get(), mapper.constructType(type));
    }

    <T> T get(String path, TypeReference<T> type) {
        return send(request(path, Map.of()).get(), mapper.constructType(type));
    }

    /** A GET with query parameters; a null value leaves its parameter out. */
    <T> T get(String path, Map<String, ?> query, Class<T> type) {
        return send(request(path, query).get(), mapper.constructType(type));
    }

    <T> T get(String path, Map<String, ?> query, TypeReference<T> type) {
        return send(request(path, query).get(), mapper.constructType(type));
    }

    /** A document (PDF, CSV) as the agent sent it. */
    byte[] bytes(String path, Map<String, ?> query) {
        return send(request(path, query).get(), mapper.constructType(byte[].class));
    }

    /** A JSON POST; {@code body} null sends an empty one, {@code idempotencyKey} null sends none. */
    <T> T post(String path, Object body, String idempotencyKey, Class<T> type) {
        Request.Builder req = request(path, Map.of()).post(json(body));
        if (idempotencyKey != null) {
            req.header("Idempotency-Key", idempotencyKey);
        }
        return send(req, mapper.constructType(type));
    }

    <T> T put(String path, Object body, Class<T> type) {
        return send(request(path, Map.of()).put(json(body)), mapper.constructType(type));
    }

    /** Uploads a PDF with {@code method} (POST or PUT) and the given headers. */
    <T> T pdf(String method, String path, byte[] pdf, Map<String, String> headers, TypeReference<T> type) {
        Request.Builder req = request(path, Map.of()).method(method, RequestBody.create(pdf, PDF));
        headers.forEach(req::header);
        return send(req, mapper.constructType(type));
    }

    void delete(String path) {
        send(request(path, Map.of()).delete(), null);
    }

    /**
     * Follows the queue events from {@code afterId} on; every reconnect asks {@code credential} for the
     * token to use (the {@link AgentClient} facade's token changes at login and logout).
     */
    EventStream events(Supplier<String> credential, long afterId, Consumer<QueueEvent> onEvent,
                       Consumer<EventStream.Status> onStatus) {
        return new EventStream(http, url("events", Map.of()), credential, afterId, onEvent, onStatus);
    }

    private HttpUrl url(String path, Map<String, ?> query) {
        HttpUrl.Builder url = base.newBuilder().addPathSegments("api/v1/" + path);
        query.forEach((name, value) -> {
            if (value != null) {
                url.addQueryParameter(name, value.toString());
            }
        });
        return url.build();
    }

    private Request.Builder request(String path, Map<String, ?> query) {
        Request.Builder req = new Request.Builder().url(url(path, query));
        if (token != null) {
            req.header("Authorization", "Bearer " + token);
        }
        return req;
    }

    private RequestBody json(Object body) {
        try {
            return RequestBody.create(body == null ? new byte[0] : mapper.writeValueAsBytes(body), JSON);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot encode request", e);
        }
    }

    private <T> T send(Request.Builder req, JavaType type) {
        try (Response resp = http.newCall(req.build()).execute()) {
            ResponseBody body = resp.body();
            byte[] bytes = body == null ? new byte[0] : body.bytes();
            if (!resp.isSuccessful()) {
                throw new AgentException(parseError(resp.code(), bytes), null);
            }
            if (type == null || resp.code() == 204 || bytes.length == 0) {
                return null;
            }
            if (type.getRawClass() == byte[].class) {
                @SuppressWarnings("unchecked")
                T raw = (T) bytes; // a document (PDF), not JSON
                return raw;
            }
            return mapper.readValue(bytes, type);
        } catch (IOException e) {
            throw AgentException.unreachable(e);
        }
    }

    private ApiError parseError(int status, byte[] bytes) {
        try {
            ApiError e = mapper.readValue(bytes, ApiError.class);
            if (e.code() != null) {
                return e;
            }
        } catch (IOException ignored) {
            // not one of our error bodies (a proxy, a crash page): fall through to a generic message
        }
        return new ApiError(status, "http_" + status,
                "Máy chủ chi nhánh trả lỗi " + status + ". Vui lòng thử lại hoặc báo cán bộ hỗ trợ.",
                "The branch server answered " + status + ". Please try again or ask staff for help.");
    }
}
