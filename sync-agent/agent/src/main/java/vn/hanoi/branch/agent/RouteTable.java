package vn.hanoi.branch.agent;

import static vn.hanoi.branch.agent.http.Access.CITIZEN_DEVICE;
import static vn.hanoi.branch.agent.http.Access.DEVICE;
import static vn.hanoi.branch.agent.http.Access.IT;
import static vn.hanoi.branch.agent.http.Access.KIOSK;
import static vn.hanoi.branch.agent.http.Access.PUBLIC;
import static vn.hanoi.branch.agent.http.Access.STAFF;
import static vn.hanoi.branch.agent.http.Access.SUPERVISOR;
import static vn.hanoi.branch.agent.http.Endpoint.delete;
import static vn.hanoi.branch.agent.http.Endpoint.events;
import static vn.hanoi.branch.agent.http.Endpoint.get;
import static vn.hanoi.branch.agent.http.Endpoint.post;
import static vn.hanoi.branch.agent.http.Endpoint.put;
import static vn.hanoi.branch.agent.http.Http.bearer;
import static vn.hanoi.branch.agent.http.Http.body;
import static vn.hanoi.branch.agent.http.Http.pathId;
import static vn.hanoi.branch.agent.http.Http.principal;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import vn.hanoi.branch.agent.auth.AuthService;
import vn.hanoi.branch.agent.backup.BackupHttp;
import vn.hanoi.branch.agent.booking.BookingService;
import vn.hanoi.branch.agent.branch.BranchDirectory;
import vn.hanoi.branch.agent.branch.HallNotices;
import vn.hanoi.branch.agent.device.DeviceHealthService;
import vn.hanoi.branch.agent.device.DeviceRegistry;
import vn.hanoi.branch.agent.dossier.CertifiedCopies;
import vn.hanoi.branch.agent.dossier.DossierHandlers;
import vn.hanoi.branch.agent.dossier.DossierHttp;
import vn.hanoi.branch.agent.dossier.ProcedureCatalog;
import vn.hanoi.branch.agent.event.EventStreamHttp;
import vn.hanoi.branch.agent.http.ApiException;
import vn.hanoi.branch.agent.http.Endpoint;
import vn.hanoi.branch.agent.rating.RatingService;
import vn.hanoi.branch.agent.report.ReportHttp;
import vn.hanoi.branch.agent.scan.ScanHttp;
import vn.hanoi.branch.agent.scan.ScannedDocuments;
import vn.hanoi.branch.agent.setup.SetupState;
import vn.hanoi.branch.agent.stats.StatsService;
import vn.hanoi.branch.agent.ticket.TicketHandlers;
import vn.hanoi.branch.agent.ticket.TicketHttp;
import vn.hanoi.branch.api.Bookings;
import vn.hanoi.branch.api.CounterRequests;
import vn.hanoi.branch.api.DeviceHealth;
import vn.hanoi.branch.api.Dossiers;
import vn.hanoi.branch.api.Pairing;
import vn.hanoi.branch.api.Ratings;
import vn.hanoi.branch.api.Sessions;
import vn.hanoi.branch.api.SyncStatus;
import vn.hanoi.branch.api.TransferRequest;

/**
 * Every endpoint of the LAN API in one list: method, path, who may call it, and what answers. ApiServer
 * registers them in this order; the served OpenAPI document (resources/openapi.json) must describe exactly
 * these (OpenApiContractTest). Handlers are one call into a feature; the few that read headers or choose a
 * status live in the feature's {@code *Http} class.
 */
record RouteTable(HealthHttp health, Supplier<SyncStatus> syncStatus, BranchDirectory directory,
                  Supplier<List<HallNotices.Notice>> hallNotices, DeviceRegistry devices, DeviceHealthService deviceHealth,
                  AuthService auth, TicketHandlers tickets, StatsService stats, BookingService bookings,
                  ProcedureCatalog catalog, DossierHandlers dossiers, CertifiedCopies copies, ScannedDocuments scans,
                  RatingService ratings, ReportHttp reports, BackupHttp backups, EventStreamHttp eventStream) {

    List<Endpoint> endpoints() {
        TicketHttp ticketHttp = new TicketHttp(tickets);
        DossierHttp dossierHttp = new DossierHttp(dossiers);
        ScanHttp scanHttp = new ScanHttp(scans);
        return List.of(
                // health and the API's description
                get("/api/v1/health", PUBLIC, health::health),
                get("/api/v1/openapi.json", PUBLIC, health::openApi),
                get("/api/v1/sync/status", SUPERVISOR, ctx -> ctx.json(syncStatus.get())),

                // the branch and its hall screen
                // before setup these say so with the next step, rather than an empty branch that seems to work
                get("/api/v1/branch", DEVICE, ctx -> ctx.json(directory.branch().orElseThrow(SetupState::notSetUp))),
                get("/api/v1/services", DEVICE, ctx -> ctx.json(setUp(directory.services()))),
                get("/api/v1/counters", DEVICE, ctx -> ctx.json(setUp(directory.counters()))),
                get("/api/v1/hall/notices", DEVICE, ctx -> ctx.json(Map.of("notices", hallNotices.get()))),

                // devices: pairing, print jobs, health reports
                post("/api/v1/devices/pairing-codes", IT, ctx -> ctx.status(201)
                        .json(devices.createCode(principal(ctx), body(ctx, Pairing.CodeRequest.class)))),
                post("/api/v1/devices/pair", PUBLIC, ctx -> ctx.status(201)
                        .json(devices.pair(body(ctx, Pairing.Request.class)))),
                delete("/api/v1/devices/{id}", IT, ctx -> {
                    devices.revoke(principal(ctx), pathId(ctx, "id"));
                    ctx.status(204);
                }),
                post("/api/v1/tickets/{id}/print-jobs", DEVICE, ctx -> ctx.status(201).json(deviceHealth.recordPrint(
                        principal(ctx), pathId(ctx, "id"), body(ctx, DeviceHealth.PrintReport.class)))),
                get("/api/v1/tickets/{id}/print-jobs", DEVICE, ctx -> ctx.json(deviceHealth.printJobs(pathId(ctx, "id")))),
                post("/api/v1/devices/self/status", DEVICE, ctx -> {
                    deviceHealth.report(principal(ctx), body(ctx, DeviceHealth.ComponentStatus.class));
                    ctx.status(204);
                }),
                get("/api/v1/alerts", SUPERVISOR, ctx -> ctx.json(deviceHealth.openAlerts())),

                // staff sessions and accounts
                post("/api/v1/sessions", DEVICE, ctx -> ctx.status(201)
                        .json(auth.login(principal(ctx), body(ctx, Sessions.Login.class)))),
                delete("/api/v1/sessions/current", STAFF, ctx -> {
                    auth.logout(principal(ctx), bearer(ctx));
                    ctx.status(204);
                }),
                post("/api/v1/users", IT, ctx -> ctx.status(201)
                        .json(auth.createUser(principal(ctx), body(ctx, Sessions.NewUser.class)))),

                // the queue
                get("/api/v1/queue", DEVICE, ctx -> ctx.json(tickets.queries().snapshot())),
                post("/api/v1/tickets", KIOSK, ticketHttp::issue),
                get("/api/v1/tickets/today/{number}", DEVICE,
                        ctx -> ctx.json(tickets.queries().findToday(ctx.pathParam("number")))),
                get("/api/v1/tickets/{id}", DEVICE, ctx -> ctx.json(tickets.queries().get(pathId(ctx, "id")))),
                post("/api/v1/counters/{id}/call-next", STAFF, ticketHttp::callNext),
                post("/api/v1/tickets/{id}/recall", STAFF,
                        ctx -> ctx.json(tickets.moves().recall(principal(ctx), pathId(ctx, "id")))),
                post("/api/v1/tickets/{id}/serve", STAFF,
                        ctx -> ctx.json(tickets.moves().serve(principal(ctx), pathId(ctx, "id")))),
                post("/api/v1/tickets/{id}/finish", STAFF,
                        ctx -> ctx.json(tickets.moves().finish(principal(ctx), pathId(ctx, "id")))),
                post("/api/v1/tickets/{id}/no-show", STAFF,
                        ctx -> ctx.json(tickets.moves().noShow(principal(ctx), pathId(ctx, "id")))),
                post("/api/v1/tickets/{id}/cancel", STAFF,
                        ctx -> ctx.json(tickets.moves().cancel(principal(ctx), pathId(ctx, "id")))),
                post("/api/v1/tickets/{id}/transfer", STAFF, ctx -> ctx.json(tickets.moves().transfer(principal(ctx),
                        pathId(ctx, "id"), body(ctx, TransferRequest.class)))),
                post("/api/v1/tickets/{id}/return", STAFF,
                        ctx -> ctx.json(tickets.moves().returnFromNoShow(principal(ctx), pathId(ctx, "id")))),
                post("/api/v1/tickets/{id}/priority", STAFF, ctx -> ctx.json(tickets.moves().setPriority(principal(ctx),
                        pathId(ctx, "id"), body(ctx, CounterRequests.PriorityChange.class)))),
                post("/api/v1/counters/{id}/call", STAFF, ctx -> ctx.json(tickets.moves().callNumber(principal(ctx),
                        pathId(ctx, "id"), body(ctx, CounterRequests.CallNumber.class).displayNumber()))),
                post("/api/v1/counters/{id}/state", STAFF, ctx -> ctx.json(tickets.counters().setState(principal(ctx),
                        pathId(ctx, "id"), body(ctx, CounterRequests.StateChange.class)))),
                post("/api/v1/branch/end-of-day", SUPERVISOR,
                        ctx -> ctx.json(Map.of("closedTickets", tickets.dayClose().close(principal(ctx))))),
                get("/api/v1/priority-classes", DEVICE, ctx -> ctx.json(tickets.queries().priorityClasses())),
                get("/api/v1/stats/today", SUPERVISOR, ctx -> ctx.json(stats.today())),

                // appointments
                post("/api/v1/bookings", SUPERVISOR, ctx -> ctx.status(201).json(
                        bookings.create(principal(ctx), body(ctx, Bookings.NewBooking.class)))),
                get("/api/v1/bookings/{code}", DEVICE, ctx -> ctx.json(bookings.get(ctx.pathParam("code")))),
                post("/api/v1/bookings/check-in", KIOSK, ctx -> ctx.json(bookings.checkIn(principal(ctx),
                        body(ctx, Bookings.CheckInRequest.class).code()))),

                // procedures, self-declarations and dossiers
                get("/api/v1/procedures", DEVICE, ctx -> ctx.json(catalog.list())),
                put("/api/v1/tickets/{id}/declaration", KIOSK, ctx -> ctx.json(dossiers.declarations().declare(
                        principal(ctx), pathId(ctx, "id"), body(ctx, Dossiers.DeclarationRequest.class)))),
                get("/api/v1/tickets/{id}/declaration", STAFF, ctx -> ctx.json(
                        dossiers.declarations().declarationOfTicket(principal(ctx), pathId(ctx, "id")))),
                post("/api/v1/dossiers", STAFF, ctx -> ctx.status(201).json(
                        dossiers.reception().receive(principal(ctx), body(ctx, Dossiers.Reception.class)))),
                get("/api/v1/dossiers", STAFF, dossierHttp::list),
                get("/api/v1/dossiers/{id}", STAFF,
                        ctx -> ctx.json(dossiers.queries().get(principal(ctx), pathId(ctx, "id")))),
                post("/api/v1/dossiers/{id}/state", STAFF, dossierHttp::changeState),
                post("/api/v1/dossiers/{id}/hand-over", STAFF, ctx -> ctx.json(dossiers.progress().handOver(
                        principal(ctx), pathId(ctx, "id"), body(ctx, Dossiers.HandOver.class)))),
                put("/api/v1/dossiers/{id}/certified-copy", STAFF, ctx -> ctx.json(copies.certify(principal(ctx),
                        pathId(ctx, "id"), ctx.bodyAsBytes()))),
                get("/api/v1/dossiers/{id}/certified-copy", STAFF, ctx -> ctx.contentType("application/pdf")
                        .result(copies.get(principal(ctx), pathId(ctx, "id")))),
                get("/api/v1/dossiers/lookup/{code}", DEVICE,
                        ctx -> ctx.json(dossiers.queries().lookup(ctx.pathParam("code")))),
                post("/api/v1/dossiers/{id}/scans", STAFF, scanHttp::upload),
                get("/api/v1/dossiers/{id}/scans", STAFF, ctx -> ctx.json(scans.list(pathId(ctx, "id")))),
                get("/api/v1/dossiers/{id}/scans/{documentId}", STAFF, ctx -> ctx.contentType("application/pdf")
                        .result(scans.read(principal(ctx), pathId(ctx, "id"), pathId(ctx, "documentId")))),

                // citizens' ratings: from the screens the citizen touches only, not a clerk's session or a hall screen
                post("/api/v1/tickets/{id}/rating", CITIZEN_DEVICE, ctx -> {
                    RatingService.Recorded r = ratings.rate(principal(ctx), pathId(ctx, "id"),
                            body(ctx, Ratings.RatingRequest.class));
                    ctx.status(r.created() ? 201 : 200).json(r.rating());
                }),
                get("/api/v1/tickets/{id}/rating", DEVICE, ctx -> ctx.json(ratings.get(pathId(ctx, "id")))),
                get("/api/v1/ratings/summary", SUPERVISOR,
                        ctx -> ctx.json(ratings.summary(ctx.queryParam("from"), ctx.queryParam("to")))),

                // supervisors' reports, IT's backups
                get("/api/v1/reports", SUPERVISOR, reports::json),
                get("/api/v1/reports.csv", SUPERVISOR, reports::csv),
                get("/api/v1/reports.pdf", SUPERVISOR, reports::pdf),
                get("/api/v1/backups", IT, backups::list),
                post("/api/v1/backups", IT, backups::takeNow),

                // the queue as it happens, for screens and counters
                events("/api/v1/events", DEVICE, eventStream::follow));
    }

    /** The list, or the refusal that names the next step when the branch has no configuration yet. */
    private <T> List<T> setUp(List<T> list) {
        if (list.isEmpty() && directory.branch().isEmpty()) {
            throw SetupState.notSetUp();
        }
        return list;
    }
}
