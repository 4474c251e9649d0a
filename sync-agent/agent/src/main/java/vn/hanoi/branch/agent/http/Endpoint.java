package vn.hanoi.branch.agent.http;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import java.util.function.Consumer;

/** One endpoint of the LAN API: method, path, who may call it, and what answers. */
public record Endpoint(HandlerType method, String path, Access access, Handler handler) {

    public static Endpoint get(String path, Access access, Handler handler) {
        return new Endpoint(HandlerType.GET, path, access, handler);
    }

    public static Endpoint post(String path, Access access, Handler handler) {
        return new Endpoint(HandlerType.POST, path, access, handler);
    }

    public static Endpoint put(String path, Access access, Handler handler) {
        return new Endpoint(HandlerType.PUT, path, access, handler);
    }

    public static Endpoint delete(String path, Access access, Handler handler) {
        return new Endpoint(HandlerType.DELETE, path, access, handler);
    }

    /** A server-sent event stream (a GET that stays open). */
    public static Endpoint events(String path, Access access, Consumer<SseClient> client) {
        return new Endpoint(HandlerType.GET, path, access, new SseHandler(client));
    }
}
