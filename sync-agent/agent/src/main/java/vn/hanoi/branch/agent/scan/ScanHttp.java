package vn.hanoi.branch.agent.scan;

import io.javalin.http.Context;
import vn.hanoi.branch.agent.http.ApiException;
import vn.hanoi.branch.agent.http.Http;
import vn.hanoi.branch.api.Scans;

/** A scanned page set's upload: a PDF body with its type and checksum in headers (the route table points here). */
public final class ScanHttp {
    private final ScannedDocuments documents;

    public ScanHttp(ScannedDocuments documents) {
        this.documents = documents;
    }

    /** 201 for a new document, 200 when the same content was stored before. */
    public void upload(Context ctx) {
        String type = ctx.contentType() == null ? "" : ctx.contentType();
        if (!type.startsWith("application/pdf")) {
            throw new ApiException(415, "not_a_pdf", "Nội dung phải là tệp PDF (application/pdf).",
                    "The body must be a PDF (application/pdf).");
        }
        ScannedDocuments.Outcome o = documents.store(Http.principal(ctx), Http.pathId(ctx, "id"),
                ctx.header(Scans.DOCUMENT_TYPE_HEADER), ctx.header(Scans.SHA256_HEADER), ctx.bodyAsBytes());
        ctx.status(o.created() ? 201 : 200).json(o.document());
    }
}
