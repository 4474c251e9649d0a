package vn.hanoi.branch.agent.report;

import io.javalin.http.Context;
import vn.hanoi.branch.agent.branch.BranchDirectory;
import vn.hanoi.branch.api.BranchInfo;
import vn.hanoi.branch.api.Reports;

/** Supervisors' reports as JSON, CSV (Excel) and PDF; the same figures in all three (the route table points here). */
public final class ReportHttp {
    private final ReportService reports;
    private final BranchDirectory directory;

    public ReportHttp(ReportService reports, BranchDirectory directory) {
        this.reports = reports;
        this.directory = directory;
    }

    public void json(Context ctx) {
        ctx.json(report(ctx));
    }

    public void csv(Context ctx) {
        Reports.Report r = report(ctx);
        ctx.header("Content-Disposition", "attachment; filename=\"" + fileName(r) + ".csv\"");
        ctx.contentType("text/csv; charset=utf-8").result(ReportCsv.write(r));
    }

    public void pdf(Context ctx) throws Exception {
        Reports.Report r = report(ctx);
        ctx.header("Content-Disposition", "attachment; filename=\"" + fileName(r) + ".pdf\"");
        ctx.contentType("application/pdf")
                .result(ReportPdf.write(r, directory.branch().map(BranchInfo::nameVi).orElse(null)));
    }

    private Reports.Report report(Context ctx) {
        return reports.report(ctx.queryParam("from"), ctx.queryParam("to"), ctx.queryParam("period"),
                ctx.queryParam("by"));
    }

    static String fileName(Reports.Report r) {
        return "bao-cao_" + r.from() + "_" + r.to() + "_" + r.period().name().toLowerCase() + "_"
                + r.by().name().toLowerCase();
    }
}
