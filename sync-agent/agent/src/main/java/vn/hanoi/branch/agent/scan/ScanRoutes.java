package vn.hanoi.branch.agent.scan;

import io.javalin.Javalin;
import vn.hanoi.branch.agent.http.Access;
import vn.hanoi.branch.agent.http.ApiException;
import vn.hanoi.branch.agent.http.ApiServer;
import vn.hanoi.branch.agent.http.Http;
import vn.hanoi.branch.api.Scans;

/** HTTP endpoints of digitized documents: store one (PDF/A body), list a dossier's, read one back. */
public final class ScanRoutes implements ApiServer.Routes {
    private final ScannedDocuments documents;

    public ScanRoutes(ScannedDocuments documents) {
        this.documents = documents;
    }

    @Override
    public void register(Javalin app) {
        app.post("/api/v1/dossiers/{id}/scans", ctx -> {
            String type = ctx.contentType() == null ? "" : ctx.contentType();
            if (!type.startsWith("application/pdf")) {
                throw new ApiException(415, "not_a_pdf", "Nội dung phải là tệp PDF (application/pdf).",
                        "The body must be a PDF (application/pdf).");
            }
            ScannedDocuments.Outcome o = documents.store(Http.principal(ctx), Http.pathId(ctx, "id"),
                    ctx.header(Scans.DOCUMENT_TYPE_HEADER), ctx.header(Scans.SHA256_HEADER), ctx.bodyAsBytes());
            ctx.status(o.created() ? 201 : 200).json(o.document());
        }, Access.STAFF);
        app.get("/api/v1/dossiers/{id}/scans", ctx -> ctx.json(documents.list(Http.pathId(ctx, "id"))), Access.STAFF);
        app.get("/api/v1/dossiers/{id}/scans/{documentId}", ctx -> ctx.contentType("application/pdf")
                .result(documents.read(Http.principal(ctx), Http.pathId(ctx, "id"), Http.pathId(ctx, "documentId"))),
                Access.STAFF);
    }
}
