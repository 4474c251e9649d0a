package vn.hanoi.branch.agent.backup;

import io.javalin.http.Context;
import vn.hanoi.branch.agent.effects.Effects;
import vn.hanoi.branch.agent.db.Database;
import vn.hanoi.branch.agent.http.ApiException;
import vn.hanoi.branch.agent.http.Http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * IT's view of backups: which exist, the last failure, and "back up now" before risky work (the route table
 * points here).
 */
public final class BackupHttp {
    private final BackupSchedule schedule;
    private final Database db;
    private final Effects effects;
    private final Clock clock;

    public BackupHttp(BackupSchedule schedule, Database db, Effects effects, Clock clock) {
        this.schedule = schedule;
        this.db = db;
        this.effects = effects;
        this.clock = clock;
    }

    public void list(Context ctx) throws IOException {
        ctx.json(status());
    }

    /** Backs up now; 507 when the backup disk is full or gone. */
    public void takeNow(Context ctx) {
        Backups.Result r;
        try {
            r = schedule.backups().run(clock.instant());
        } catch (RuntimeException e) {
            throw new ApiException(507, "backup_failed", "Sao lưu không thành công: " + e.getMessage()
                    + ". Kiểm tra dung lượng ổ đĩa sao lưu.", "The backup failed: " + e.getMessage()
                    + ". Check the free space of the backup disk.");
        }
        var staff = Http.principal(ctx);
        db.write(tx -> {
            effects.audit(tx, staff, "backup.taken", "backup", 0, r.database().getFileName().toString());
            return null;
        });
        ctx.status(201).json(Map.of("file", r.database().getFileName().toString(), "bytes", r.databaseBytes(),
                "contentCopied", r.contentCopied(), "contentTotal", r.contentTotal(),
                "rotatedOut", r.rotatedOut().size()));
    }

    private Map<String, Object> status() throws IOException {
        List<Map<String, Object>> files = new ArrayList<>();
        for (Path p : schedule.backups().list()) {
            files.add(Map.of("file", p.getFileName().toString(), "bytes", Files.size(p)));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("dir", schedule.backups().dir().toAbsolutePath().toString());
        out.put("newest", schedule.newest().map(Object::toString).orElse(null));
        out.put("lastError", schedule.lastError().orElse(null));
        out.put("backups", files);
        out.put("health", schedule.health());
        out.put("lastRestore", RestoreEpoch.lastRestore(db));
        return out;
    }
}
