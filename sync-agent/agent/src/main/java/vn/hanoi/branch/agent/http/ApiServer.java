package vn.hanoi.branch.agent.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.javalin.security.RouteRole;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hanoi.branch.agent.auth.AuthService;
import vn.hanoi.branch.agent.auth.Principal;
import vn.hanoi.branch.agent.db.WriteRefused;
import vn.hanoi.branch.api.ApiError;
import vn.hanoi.branch.api.Json;

/**
 * The LAN API server (Javalin on Jetty). It owns what is common to every call: authentication and
 * access checks, body size limit, JSON errors in both languages. The endpoints come from one list
 * (the agent's {@code RouteTable}).
 */
public final class ApiServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

    /** A registered endpoint, as the OpenAPI document must describe it. */
    public record Route(String method, String path, Access access) {
    }

    private final Javalin app;
    private final List<Route> routes = new CopyOnWriteArrayList<>();
    private final RequestStats requests;

    /**
     * @param maxDocumentBytes limit for document uploads (PDF, images: a result to certify, scanned
     *                         pages); JSON bodies keep the small {@code maxBodyBytes} limit
     */
    /** @param seen told of every authenticated call (devices' last-seen time) */
    public ApiServer(AuthService auth, Consumer<Principal> seen, long maxBodyBytes, long maxDocumentBytes,
                     List<Endpoint> endpoints, RequestStats requests) {
        this.requests = requests;
        this.app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.useVirtualThreads = true;
            cfg.http.maxRequestSize = Math.max(maxBodyBytes, maxDocumentBytes);
            cfg.http.asyncTimeout = 0;
            cfg.jsonMapper(new JavalinJackson(Json.mapper(), true));
            cfg.requestLogger.http(requests::record);
            cfg.events(ev -> ev.handlerAdded(h -> {
                if (h.getHttpMethod().isHttpMethod()) {
                    routes.add(new Route(h.getHttpMethod().name(), h.getPath(),
                            h.getRoles().isEmpty() ? Access.DEVICE : (Access) h.getRoles().iterator().next()));
                }
            }));
            cfg.staticFiles.add(sf -> {
                sf.hostedPath = "/hall";
                sf.directory = "/hall";
                sf.location = Location.CLASSPATH;
            });
        });
        app.before(ctx -> {
            String len = ctx.header("Content-Length");
            String type = ctx.contentType() == null ? "" : ctx.contentType();
            long limit = type.startsWith("application/pdf") || type.startsWith("image/") ? maxDocumentBytes : maxBodyBytes;
            if (len != null && len.matches("\\d{1,18}") && Long.parseLong(len) > limit) {
                throw new ApiException(413, "body_too_large", "Nội dung yêu cầu quá lớn.",
                        "The request body is too large (limit " + limit + " bytes).");
            }
        });
        app.beforeMatched(ctx -> {
            // Static pages (the hall screen) hold nothing private; their data calls carry the screen's token.
            if (ctx.path().startsWith("/api/")) {
                seen.accept(authorize(auth, ctx));
            }
        });
        app.exception(ApiException.class, (e, ctx) -> respond(ctx, e.error()));
        app.exception(HttpResponseException.class, (e, ctx) -> respond(ctx, e.getStatus() == 404 ? NO_ENDPOINT
                : new ApiError(e.getStatus(), "http_" + e.getStatus(), "Yêu cầu không hợp lệ: " + e.getMessage(),
                "Bad request: " + e.getMessage())));
        app.exception(WriteRefused.class, (e, ctx) -> {
            LOG.warn("write refused on {} {}: {}", ctx.method(), ctx.path(), e.reason());
            respond(ctx, new ApiError(503, e.reason() == WriteRefused.Reason.DISK_FULL ? "disk_full" : "busy",
                    e.reason().messageVi(), e.reason().messageEn()));
        });
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("unhandled error on {} {}", ctx.method(), ctx.path(), e);
            respond(ctx, new ApiError(500, "internal_error",
                    "Máy chủ chi nhánh gặp lỗi. Thao tác chưa được thực hiện; vui lòng thử lại hoặc báo bộ phận IT.",
                    "The branch server had an error. Nothing was changed; please retry or call IT."));
        });
        app.error(404, ctx -> {
            // Only for paths without a route: a route's own 404 (unknown ticket, number) keeps its message.
            if (ctx.path().startsWith("/api/") && ctx.attribute(ERROR_SENT) == null) {
                respond(ctx, NO_ENDPOINT);
            }
        });
        app.error(405, ctx -> respond(ctx, new ApiError(405, "method_not_allowed",
                "Phương thức không được hỗ trợ.", "Method not allowed.")));
        for (Endpoint e : endpoints) {
            app.addHttpHandler(e.method(), e.path(), e.handler(), e.access());
        }
    }

    private static Principal authorize(AuthService auth, Context ctx) {
        Set<RouteRole> roles = ctx.routeRoles();
        Access access = roles.isEmpty() ? Access.DEVICE : (Access) roles.iterator().next();
        Principal p = null;
        String token = Http.bearer(ctx);
        if (token != null) {
            p = auth.authenticate(token).orElse(null);
            if (p == null && access != Access.PUBLIC) {
                throw auth.refusal(token);
            }
        }
        ctx.attribute(Http.PRINCIPAL, p);
        if (access == Access.MONITORING && fromThisMachine(ctx)) {
            return p; // a scraper beside the agent (Prometheus, node exporter's textfile job) needs no session
        }
        if (p != null && p.passwordChangeDue() && access != Access.PUBLIC && access != Access.OWN_SESSION) {
            throw new ApiException(403, "password_change_required",
                    "Mật khẩu đã được đặt lại: hãy đổi mật khẩu mới trước khi làm việc.",
                    "Your password was reset: choose a new password before anything else.");
        }
        if (!access.allows(p)) {
            throw p == null ? ApiException.unauthorized() : ApiException.forbidden();
        }
        return p;
    }

    private static boolean fromThisMachine(Context ctx) {
        try {
            return java.net.InetAddress.getByName(ctx.req().getRemoteAddr()).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private static final String ERROR_SENT = "api-error-sent";
    private static final ApiError NO_ENDPOINT = new ApiError(404, "not_found", "Không có chức năng này.", "No such endpoint.");

    private static void respond(Context ctx, ApiError error) {
        ctx.attribute(ERROR_SENT, Boolean.TRUE);
        ctx.status(error.status()).json(error);
    }

    public ApiServer start(String host, int port) {
        app.start(host, port);
        return this;
    }

    /** Every endpoint registered, as Javalin holds them. */
    public List<Route> routes() {
        return List.copyOf(routes);
    }

    public int port() {
        return app.port();
    }

    public Javalin javalin() {
        return app;
    }

    @Override
    public void close() {
        app.stop();
    }
}
