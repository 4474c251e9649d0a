package vn.hanoi.branch.agent.branch;

import java.util.ArrayList;
import java.util.List;

/**
 * What the hall screen shows besides the queue: the notices of its ticker, from the setting
 * {@code hall.notices} ("vi text ~ en text | vi text ~ en text"). A properties value rather than a table,
 * because branch IT edits it with the rest of the agent's settings and it changes rarely.
 */
public final class HallNotices {
    /** One notice in both languages; {@code en} is empty when the setting gives only Vietnamese. */
    public record Notice(String vi, String en) {
    }

    private HallNotices() {
    }

    /** Notices separated by '|', each "vi ~ en"; blank entries are skipped so a trailing '|' is harmless. */
    public static List<Notice> parse(String setting) {
        List<Notice> out = new ArrayList<>();
        if (setting == null) {
            return out;
        }
        for (String part : setting.split("\\|")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            int tilde = p.indexOf('~');
            String vi = (tilde < 0 ? p : p.substring(0, tilde)).strip();
            String en = tilde < 0 ? "" : p.substring(tilde + 1).strip();
            if (!vi.isEmpty() || !en.isEmpty()) {
                out.add(new Notice(vi, en));
            }
        }
        return List.copyOf(out);
    }
}
