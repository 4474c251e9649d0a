package vn.hanoi.branch.agent.dossier;

import java.time.Clock;
import java.time.ZoneId;
import vn.hanoi.branch.agent.effects.Effects;
import vn.hanoi.branch.agent.db.Database;
import vn.hanoi.branch.calendar.WorkingCalendar;

/** The dossier's command handlers and queries, wired together. */
public record DossierHandlers(SelfDeclaration declarations, DossierReception reception, DossierProgress progress,
                              DossierQueries queries) {

    /** @param agencyCode the agency part of dossier codes ({@code <agency>-<yyMMdd>-<seq>}) */
    public static DossierHandlers create(Database db, Effects effects, ZoneId zone, String agencyCode,
                                         DossierCodePattern codes, WorkingCalendar calendar, Clock clock) {
        DossierTransitions transitions = new DossierTransitions(effects);
        DossierQueries queries = new DossierQueries(db, effects, clock, zone);
        return new DossierHandlers(new SelfDeclaration(db, effects, transitions),
                new DossierReception(db, effects, transitions, queries, zone, agencyCode, codes, calendar),
                new DossierProgress(db, transitions, queries), queries);
    }
}
