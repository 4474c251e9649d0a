package vn.hanoi.branch.agent.booking;

import io.javalin.Javalin;
import vn.hanoi.branch.agent.http.Access;
import vn.hanoi.branch.agent.http.ApiServer;
import vn.hanoi.branch.agent.http.Http;
import vn.hanoi.branch.api.Bookings;

/** HTTP endpoints of online bookings. */
public final class BookingRoutes implements ApiServer.Routes {
    private final BookingService bookings;

    public BookingRoutes(BookingService bookings) {
        this.bookings = bookings;
    }

    @Override
    public void register(Javalin app) {
        app.post("/api/v1/bookings", ctx -> ctx.status(201).json(
                bookings.create(Http.principal(ctx), Http.body(ctx, Bookings.NewBooking.class))), Access.SUPERVISOR);
        app.get("/api/v1/bookings/{code}", ctx -> ctx.json(bookings.get(ctx.pathParam("code"))), Access.DEVICE);
        app.post("/api/v1/bookings/check-in", ctx -> ctx.json(bookings.checkIn(Http.principal(ctx),
                Http.body(ctx, Bookings.CheckInRequest.class).code())), Access.KIOSK);
    }
}
