package vn.hanoi.branch.agent.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import vn.hanoi.branch.agent.backup.LostWork;
import vn.hanoi.branch.agent.config.SecretFile;
import vn.hanoi.branch.api.Json;

/**
 * The agent's side of {@code city/city-api-v1.json}: HTTPS with the city pinned or its CA configured,
 * OAuth2 client credentials (the secret read from a 0600 file), one method per operation. It does one
 * call per method and throws on failure; retrying is {@link CitySync}'s job. This is the adapter boundary:
 * a real provincial integration that speaks another protocol replaces this class behind the same methods.
 */
public final class CityClient {
    private static final MediaType JSON = MediaType.get("application/json");
    private static final MediaType OCTETS = MediaType.get("application/octet-stream");

    private final HttpUrl base;
    private final String branch;
    private final String clientId;
    private final Path secretFile;
    private final OkHttpClient http;
    private volatile String token;
    private volatile long tokenExpiresAt;

    private CityClient(Builder b) throws IOException, GeneralSecurityException {
        this.base = HttpUrl.get(b.url);
        if (!"https".equals(base.scheme())) {
            throw new IllegalArgumentException("city.url must be https:// (personal data and documents travel on it)");
        }
        this.branch = b.branch;
        this.clientId = b.clientId == null ? b.branch : b.clientId;
        this.secretFile = b.secretFile;
        SecretFile.read(secretFile); // fail at start, not at the first sync, when the file is missing or exposed
        OkHttpClient.Builder hb = new OkHttpClient.Builder()
                .connectTimeout(b.timeout)
                .readTimeout(b.timeout)
                .writeTimeout(b.timeout)
                .retryOnConnectionFailure(false); // CitySync decides about retries, with backoff
        CityTls tls = CityTls.of(b.caFile, b.pin);
        hb.sslSocketFactory(tls.context.getSocketFactory(), tls.trust);
        this.http = hb.build();
    }

    public static Builder builder(String url, String branchCode) {
        return new Builder(url, branchCode);
    }

    /** Settings; {@link #secretFile} and one of {@link #caFile} or {@link #pin} are required for HTTPS. */
    public static final class Builder {
        private final String url;
        private final String branch;
        private String clientId;
        private Path secretFile;
        private Path caFile;
        private String pin;
        private Duration timeout = Duration.ofSeconds(30);

        private Builder(String url, String branch) {
            this.url = url;
            this.branch = branch;
        }

        public Builder clientId(String id) {
            this.clientId = id;
            return this;
        }

        public Builder secretFile(Path f) {
            this.secretFile = f;
            return this;
        }

        public Builder caFile(Path f) {
            this.caFile = f;
            return this;
        }

        public Builder pin(String sha256Base64) {
            this.pin = sha256Base64;
            return this;
        }

        public Builder timeout(Duration t) {
            this.timeout = t;
            return this;
        }

        public CityClient build() {
            try {
                return new CityClient(this);
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException("city link settings: " + e.getMessage(), e);
            }
        }
    }

    public String branch() {
        return branch;
    }

    /** The city's answer to a batch of events. */
    public record EventAck(int stored, int duplicates, long ackedThrough) {
    }

    public EventAck postEvents(List<Outbox.Entry> entries) throws IOException {
        List<Map<String, Object>> events = new ArrayList<>(entries.size());
        for (Outbox.Entry e : entries) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("idempotencyKey", branch + "-" + e.id());
            m.put("sequence", e.id());
            m.put("topic", e.topic());
            m.put("key", e.key());
            m.put("createdAt", e.createdAt());
            m.put("payload", Json.mapper().readTree(e.payload()));
            events.add(m);
        }
        JsonNode r = call("POST", branchPath("events"), RequestBody.create(Json.mapper().writeValueAsBytes(Map.of("events", events)), JSON));
        return new EventAck(r.path("stored").asInt(), r.path("duplicates").asInt(), r.path("ackedThrough").asLong());
    }

    /** The events the city holds for this branch with a sequence above {@code after}, oldest first. */
    public List<LostWork.Event> eventsAfter(long after, int limit) throws IOException {
        HttpUrl u = branchPath("events").newBuilder().addQueryParameter("after", String.valueOf(after))
                .addQueryParameter("limit", String.valueOf(limit)).build();
        List<LostWork.Event> out = new ArrayList<>();
        for (JsonNode n : call("GET", u, null).path("events")) {
            out.add(new LostWork.Event(n.path("sequence").asLong(), n.path("topic").asText(),
                    n.path("key").asText(), n.path("payload")));
        }
        return out;
    }

    /**
     * An upload as the city sees it. {@code partialChunks} (contract 1.1): the city keeps and acknowledges a
     * chunk's bytes as they become durable, also when the request is cut, so the branch sends the rest of the
     * document as one chunk; false from a 1.0 city, which counts whole chunks only.
     */
    public record Upload(String uploadId, long size, long ackedOffset, boolean complete, boolean partialChunks) {
    }

    public Upload createUpload(long contentId, String dossierCode, String kind, String documentType, String mediaType,
                               long size, String sha256) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("contentId", contentId);
        m.put("dossierCode", dossierCode);
        m.put("kind", kind);
        m.put("documentType", documentType);
        m.put("mediaType", mediaType);
        m.put("size", size);
        m.put("sha256", sha256);
        return upload(call("POST", branchPath("uploads"), RequestBody.create(Json.mapper().writeValueAsBytes(m), JSON)));
    }

    public Upload upload(String uploadId) throws IOException {
        return upload(call("GET", branchPath("uploads", uploadId), null));
    }

    /**
     * Sends bytes [start, start+len) of {@code file} (a document of {@code total} bytes), streamed from disk
     * under the bandwidth cap; a 409 answers where to resume.
     */
    public Upload putChunk(String uploadId, Path file, long start, long len, long total, BandwidthCap cap) throws IOException {
        RequestBody body = new RequestBody() {
            @Override
            public MediaType contentType() {
                return OCTETS;
            }

            @Override
            public long contentLength() {
                return len;
            }

            @Override
            public void writeTo(okio.BufferedSink sink) throws IOException {
                // Read and send in small pieces: the disk and the network overlap, and the cap is smooth.
                try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file,
                        java.nio.file.StandardOpenOption.READ)) {
                    java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(128 * 1024);
                    long pos = start;
                    long end = start + len;
                    while (pos < end) {
                        buf.clear().limit((int) Math.min(buf.capacity(), end - pos));
                        int n = ch.read(buf, pos);
                        if (n < 0) {
                            throw new IOException("document shorter than recorded");
                        }
                        try {
                            cap.acquire(n);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new java.io.InterruptedIOException("upload interrupted");
                        }
                        buf.flip();
                        sink.write(buf);
                        pos += n;
                    }
                }
            }
        };
        Request.Builder rb = authorized(branchPath("uploads", uploadId))
                .header("Content-Range", "bytes " + start + "-" + (start + len - 1) + "/" + total)
                .put(body);
        try (Response r = send(rb)) {
            if (r.code() == 409) {
                return upload(Json.mapper().readTree(r.body().bytes()));
            }
            return upload(body(r));
        }
    }

    public Upload complete(String uploadId) throws IOException {
        return upload(call("POST", branchPath("uploads", uploadId, "complete"), RequestBody.create(new byte[0], JSON)));
    }

    /** A page of a pull stream. */
    public record Page(List<JsonNode> items, String nextCursor) {
    }

    public Page pull(String stream, String cursor, int limit) throws IOException {
        HttpUrl.Builder u = branchPath(stream).newBuilder().addQueryParameter("limit", String.valueOf(limit));
        if (cursor != null) {
            u.addQueryParameter("cursor", cursor);
        }
        JsonNode r = call("GET", u.build(), null);
        List<JsonNode> items = new ArrayList<>();
        r.path("items").forEach(items::add);
        return new Page(items, r.path("nextCursor").asText(cursor));
    }

    // ---- plumbing

    private static Upload upload(JsonNode n) {
        return new Upload(n.path("uploadId").asText(), n.path("size").asLong(), n.path("ackedOffset").asLong(),
                n.path("complete").asBoolean(), n.path("partialChunks").asBoolean(false));
    }

    private HttpUrl branchPath(String... segments) {
        HttpUrl.Builder b = base.newBuilder().addPathSegments("city/v1/branches").addPathSegment(branch);
        for (String s : segments) {
            b.addPathSegment(s);
        }
        return b.build();
    }

    private JsonNode call(String method, HttpUrl url, RequestBody body) throws IOException {
        try (Response r = send(authorized(url).method(method, body))) {
            return body(r);
        }
    }

    /** Sends with the current token; on 401 gets a new token once and sends again. */
    private Response send(Request.Builder rb) throws IOException {
        Response r = http.newCall(rb.build()).execute();
        if (r.code() == 401) {
            r.close();
            token = null;
            r = http.newCall(rb.header("Authorization", "Bearer " + token()).build()).execute();
        }
        return r;
    }

    private static JsonNode body(Response r) throws IOException {
        byte[] bytes = r.body() == null ? new byte[0] : r.body().bytes();
        if (!r.isSuccessful()) {
            JsonNode err = bytes.length == 0 ? null : safeTree(bytes);
            throw new CityException(r.code(), err == null ? "http_" + r.code() : err.path("code").asText("http_" + r.code()),
                    err == null ? "" : err.path("messageEn").asText(""));
        }
        return Json.mapper().readTree(bytes);
    }

    private static JsonNode safeTree(byte[] bytes) {
        try {
            return Json.mapper().readTree(bytes);
        } catch (IOException e) {
            return null;
        }
    }

    private Request.Builder authorized(HttpUrl url) throws IOException {
        return new Request.Builder().url(url).header("Authorization", "Bearer " + token());
    }

    /** OAuth2 client credentials; the token is kept until a minute before it expires. */
    private synchronized String token() throws IOException {
        if (token != null && System.currentTimeMillis() < tokenExpiresAt - 60_000) {
            return token;
        }
        RequestBody form = new FormBody.Builder().add("grant_type", "client_credentials").add("client_id", clientId)
                .add("client_secret", SecretFile.read(secretFile)).build();
        try (Response r = http.newCall(new Request.Builder().url(base.newBuilder().addPathSegments("city/v1/oauth/token").build())
                .post(form).build()).execute()) {
            JsonNode n = body(r);
            token = n.path("access_token").asText();
            tokenExpiresAt = System.currentTimeMillis() + n.path("expires_in").asLong(300) * 1000;
            return token;
        }
    }
}
