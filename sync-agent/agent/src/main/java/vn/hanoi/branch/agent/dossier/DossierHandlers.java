package vn.hanoi.branch.agent.dossier;

import java.time.Clock;
import java.time.ZoneId;
import vn.hanoi.branch.agent.audit.AuditLog;
import vn.hanoi.branch.agent.db.Database;
import vn.hanoi.branch.calendar.WorkingCalendar;

/** The dossier's command handlers and queries, wired together. */
public record DossierHandlers(SelfDeclaration declarations, DossierReception reception, DossierProgress progress,
                              DossierQueries queries) {

    /** @param agencyCode the agency part of dossier codes ({@code <agency>-<yyMMdd>-<seq>}) */
    public static DossierHandlers create(Database db, AuditLog audit, ZoneId zone, String agencyCode,
                                         DossierCodePattern codes, WorkingCalendar calendar, Clock clock) {
        DossierTransitions transitions = new DossierTransitions(audit);
        DossierQueries queries = new DossierQueries(db, audit, clock, zone);
        return new DossierHandlers(new SelfDeclaration(db, audit, transitions),
                new DossierReception(db, audit, transitions, queries, zone, agencyCode, codes, calendar),
                new DossierProgress(db, transitions, queries), queries);
    }
}
