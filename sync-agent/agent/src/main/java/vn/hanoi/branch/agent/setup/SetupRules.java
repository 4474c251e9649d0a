package vn.hanoi.branch.agent.setup;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import vn.hanoi.branch.agent.branch.HallNotices;

/**
 * The rules a branch configuration must follow, the same for the setup file and the administration
 * screens. Each entity has its own check (a screen can check the one service it edits); {@link #check}
 * runs them all plus the rules between entities (unique letters and numbers, ranges that do not overlap,
 * counters that serve known services, every open service served somewhere). Problems carry the path of
 * the value; the file reader adds the line.
 */
public final class SetupRules {
    /** Codes as they appear in reports and the city's data: upper-case letters, digits, '-' and '_'. */
    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9_-]{0,19}");
    /** The letters before a ticket's number: A, B, KD… (empty: numbers only, told apart by their range). */
    private static final Pattern PREFIX = Pattern.compile("[A-Z]{0,3}");
    /** The agency part of a dossier code: what the slip's QR and the lookup accept. */
    private static final Pattern AGENCY = Pattern.compile("[A-Za-z0-9.]{0,20}");
    public static final int MAX_NUMBER = 999_999;
    public static final int MAX_NAME = 200;

    private SetupRules() {
    }

    /** Every problem of {@code setup}; empty when it may be applied. */
    public static List<SetupProblem> check(BranchSetup setup) {
        List<SetupProblem> out = new ArrayList<>();
        if (setup.branch() == null) {
            out.add(new SetupProblem("branch", 0, "Thiếu phần thông tin chi nhánh (branch).",
                    "The branch section (branch) is missing."));
        } else {
            out.addAll(identity(setup.branch()));
        }
        if (setup.services().isEmpty()) {
            out.add(new SetupProblem("services", 0, "Chi nhánh cần ít nhất một dịch vụ.",
                    "The branch needs at least one service."));
        }
        Map<String, BranchSetup.Service> byCode = new LinkedHashMap<>();
        for (int i = 0; i < setup.services().size(); i++) {
            BranchSetup.Service s = setup.services().get(i);
            String path = "services[" + i + "]";
            out.addAll(service(s, path));
            if (s.code() != null && byCode.putIfAbsent(s.code(), s) != null) {
                out.add(new SetupProblem(path + ".code", 0, "Mã dịch vụ " + s.code() + " bị trùng.",
                        "Service code " + s.code() + " appears twice."));
            }
        }
        out.addAll(numbering(setup.services()));
        Set<Integer> numbers = new HashSet<>();
        Set<String> served = new HashSet<>();
        for (int i = 0; i < setup.counters().size(); i++) {
            BranchSetup.Counter c = setup.counters().get(i);
            String path = "counters[" + i + "]";
            out.addAll(counter(c, path, byCode));
            if (!numbers.add(c.number())) {
                out.add(new SetupProblem(path + ".number", 0, "Số quầy " + c.number() + " bị trùng.",
                        "Counter number " + c.number() + " appears twice."));
            }
            if (c.active()) {
                served.addAll(c.services());
            }
        }
        for (int i = 0; i < setup.services().size(); i++) {
            BranchSetup.Service s = setup.services().get(i);
            if (s.active() && s.code() != null && !served.contains(s.code())) {
                out.add(new SetupProblem("services[" + i + "]", 0,
                        "Không quầy nào đang hoạt động phục vụ dịch vụ " + s.code() + ": số đã phát sẽ không bao giờ được gọi.",
                        "No active counter serves service " + s.code() + ": its tickets would never be called."));
            }
        }
        if (setup.priorityClasses() != null) {
            Set<String> codes = new HashSet<>();
            for (int i = 0; i < setup.priorityClasses().size(); i++) {
                BranchSetup.PriorityClass p = setup.priorityClasses().get(i);
                String path = "priorityClasses[" + i + "]";
                out.addAll(priorityClass(p, path));
                if (p.code() != null && !codes.add(p.code())) {
                    out.add(new SetupProblem(path + ".code", 0, "Mã nhóm ưu tiên " + p.code() + " bị trùng.",
                            "Priority class code " + p.code() + " appears twice."));
                }
            }
        }
        if (setup.hallNotices() != null) {
            out.addAll(hallNotices(setup.hallNotices()));
        }
        out.addAll(satisfactionTarget(setup.satisfactionTargetPercent()));
        return out;
    }

    public static List<SetupProblem> identity(BranchSetup.Identity b) {
        List<SetupProblem> out = new ArrayList<>();
        code(out, "branch.code", b.code(), "Mã chi nhánh", "The branch code");
        if (b.agencyCode() != null && !AGENCY.matcher(b.agencyCode()).matches()) {
            out.add(new SetupProblem("branch.agencyCode", 0,
                    "Mã cơ quan trong mã hồ sơ chỉ gồm chữ, số và dấu chấm, tối đa 20 ký tự: '" + b.agencyCode() + "'.",
                    "The agency code of dossier codes takes letters, digits and dots, at most 20: '" + b.agencyCode() + "'."));
        }
        names(out, "branch", b.nameVi(), b.nameEn());
        if (b.address() != null && b.address().length() > 300) {
            out.add(new SetupProblem("branch.address", 0, "Địa chỉ dài quá 300 ký tự.",
                    "The address is longer than 300 characters."));
        }
        if (b.timeZone() == null || b.timeZone().isBlank()) {
            out.add(missing("branch.timeZone", "Múi giờ", "The time zone"));
        } else {
            try {
                ZoneId.of(b.timeZone());
            } catch (DateTimeException e) {
                out.add(new SetupProblem("branch.timeZone", 0,
                        "Múi giờ không tồn tại: '" + b.timeZone() + "' (ví dụ: Asia/Ho_Chi_Minh).",
                        "No such time zone: '" + b.timeZone() + "' (e.g. Asia/Ho_Chi_Minh)."));
            }
        }
        return out;
    }

    /** One service on its own: code, letters, names, range, hours, cap and booking share. */
    public static List<SetupProblem> service(BranchSetup.Service s, String path) {
        List<SetupProblem> out = new ArrayList<>();
        code(out, path + ".code", s.code(), "Mã dịch vụ", "The service code");
        if (s.prefix() == null || !PREFIX.matcher(s.prefix()).matches()) {
            out.add(new SetupProblem(path + ".prefix", 0,
                    "Chữ trước số phải là 0 đến 3 chữ cái in hoa A–Z, không phải '" + s.prefix() + "'.",
                    "The ticket letters must be 0 to 3 capital letters A–Z, not '" + s.prefix() + "'."));
        }
        names(out, path, s.nameVi(), s.nameEn());
        if (s.numberStart() < 1 || s.numberEnd() > MAX_NUMBER || s.numberStart() > s.numberEnd()) {
            out.add(new SetupProblem(path + ".numbers", 0,
                    "Dải số " + s.numberStart() + "–" + s.numberEnd() + " không hợp lệ: từ 1 đến " + MAX_NUMBER
                            + ", số đầu không lớn hơn số cuối.",
                    "Number range " + s.numberStart() + "–" + s.numberEnd() + " is invalid: within 1 to " + MAX_NUMBER
                            + ", the first not above the last."));
        }
        s.hours().forEach((day, h) -> {
            if (!h.opens().isBefore(h.closes())) {
                out.add(new SetupProblem(path + ".hours." + BranchSetup.Hours.dayKey(day), 0,
                        "Giờ mở cửa " + h.opens() + " phải trước giờ đóng cửa " + h.closes() + ".",
                        "Opening time " + h.opens() + " must be before closing time " + h.closes() + "."));
            }
        });
        if (s.active() && s.hours().isEmpty()) {
            out.add(new SetupProblem(path + ".hours", 0, "Dịch vụ đang hoạt động cần giờ mở cửa ít nhất một ngày.",
                    "An active service needs opening hours on at least one day."));
        }
        if (s.dailyCap() != null && s.dailyCap() < 1) {
            out.add(new SetupProblem(path + ".dailyCap", 0, "Số phiếu tối đa mỗi ngày phải từ 1 trở lên.",
                    "The daily cap must be 1 or more."));
        }
        if (s.dailyCap() != null && s.dailyCap() > s.numberEnd() - s.numberStart() + 1) {
            out.add(new SetupProblem(path + ".dailyCap", 0,
                    "Số phiếu tối đa mỗi ngày (" + s.dailyCap() + ") lớn hơn dải số của dịch vụ.",
                    "The daily cap (" + s.dailyCap() + ") is larger than the service's number range."));
        }
        if (s.bookingSharePercent() < 0 || s.bookingSharePercent() > 100) {
            out.add(new SetupProblem(path + ".bookingSharePercent", 0,
                    "Phần dành cho đặt lịch phải từ 0 đến 100 (%).", "The share kept for bookings must be 0 to 100 (%)."));
        }
        return out;
    }

    /** One counter on its own, against the services it may name. */
    public static List<SetupProblem> counter(BranchSetup.Counter c, String path, Map<String, BranchSetup.Service> services) {
        List<SetupProblem> out = new ArrayList<>();
        if (c.number() < 1 || c.number() > 999) {
            out.add(new SetupProblem(path + ".number", 0, "Số quầy phải từ 1 đến 999, không phải " + c.number() + ".",
                    "A counter number must be 1 to 999, not " + c.number() + "."));
        }
        names(out, path, c.nameVi(), c.nameEn());
        if (c.area().length() > MAX_NAME) {
            out.add(new SetupProblem(path + ".area", 0, "Tên khu vực dài quá " + MAX_NAME + " ký tự.",
                    "The area is longer than " + MAX_NAME + " characters."));
        }
        if (c.active() && c.services().isEmpty()) {
            out.add(new SetupProblem(path + ".services", 0, "Quầy đang hoạt động cần ít nhất một dịch vụ.",
                    "An active counter needs at least one service."));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < c.services().size(); i++) {
            String code = c.services().get(i);
            String at = path + ".services[" + i + "]";
            BranchSetup.Service s = services.get(code);
            if (s == null) {
                out.add(new SetupProblem(at, 0, "Quầy " + c.number() + " phục vụ dịch vụ không có trong cấu hình: " + code + ".",
                        "Counter " + c.number() + " serves a service the configuration does not have: " + code + "."));
            } else if (c.active() && !s.active()) {
                out.add(new SetupProblem(at, 0, "Quầy " + c.number() + " phục vụ dịch vụ đã ngừng: " + code + ".",
                        "Counter " + c.number() + " serves a deactivated service: " + code + "."));
            }
            if (!seen.add(code)) {
                out.add(new SetupProblem(at, 0, "Dịch vụ " + code + " được ghi hai lần ở quầy " + c.number() + ".",
                        "Service " + code + " is listed twice at counter " + c.number() + "."));
            }
        }
        return out;
    }

    public static List<SetupProblem> priorityClass(BranchSetup.PriorityClass p, String path) {
        List<SetupProblem> out = new ArrayList<>();
        code(out, path + ".code", p.code(), "Mã nhóm ưu tiên", "The priority class code");
        names(out, path, p.nameVi(), p.nameEn());
        if (p.minAge() != null && (p.minAge() < 1 || p.minAge() > 120)) {
            out.add(new SetupProblem(path + ".minAge", 0, "Tuổi tối thiểu phải từ 1 đến 120.",
                    "The minimum age must be 1 to 120."));
        }
        return out;
    }

    public static List<SetupProblem> hallNotices(List<HallNotices.Notice> notices) {
        List<SetupProblem> out = new ArrayList<>();
        for (int i = 0; i < notices.size(); i++) {
            HallNotices.Notice n = notices.get(i);
            String path = "hallNotices[" + i + "]";
            if (blank(n.vi())) {
                out.add(missing(path + ".vi", "Nội dung tiếng Việt của thông báo", "The Vietnamese text of the notice"));
            }
            if (blank(n.en())) {
                out.add(missing(path + ".en", "Nội dung tiếng Anh của thông báo", "The English text of the notice"));
            }
            if (!blank(n.vi()) && (n.vi().contains("|") || n.vi().contains("~"))
                    || !blank(n.en()) && (n.en().contains("|") || n.en().contains("~"))) {
                out.add(new SetupProblem(path, 0, "Thông báo không được chứa ký tự | hoặc ~.",
                        "A notice may not contain | or ~."));
            }
        }
        return out;
    }

    public static List<SetupProblem> satisfactionTarget(Integer percent) {
        if (percent != null && (percent < 1 || percent > 100)) {
            return List.of(new SetupProblem("satisfactionTargetPercent", 0, "Mục tiêu hài lòng phải từ 1 đến 100 (%).",
                    "The satisfaction target must be 1 to 100 (%)."));
        }
        return List.of();
    }

    /**
     * Display numbers must never repeat: letters of active services are unique, and services with the same
     * letters (or none) have ranges that do not overlap.
     */
    private static List<SetupProblem> numbering(List<BranchSetup.Service> services) {
        List<SetupProblem> out = new ArrayList<>();
        Map<String, Integer> byPrefix = new HashMap<>();
        for (int i = 0; i < services.size(); i++) {
            BranchSetup.Service s = services.get(i);
            if (!s.active() || s.prefix() == null) {
                continue;
            }
            if (!s.prefix().isEmpty()) {
                Integer other = byPrefix.putIfAbsent(s.prefix(), i);
                if (other != null) {
                    out.add(new SetupProblem("services[" + i + "].prefix", 0,
                            "Chữ " + s.prefix() + " đã dùng cho dịch vụ " + services.get(other).code() + ".",
                            "Letters " + s.prefix() + " are already used by service " + services.get(other).code() + "."));
                }
            }
            for (int j = 0; j < i; j++) {
                BranchSetup.Service o = services.get(j);
                if (o.active() && s.prefix().equals(o.prefix())
                        && s.numberStart() <= o.numberEnd() && o.numberStart() <= s.numberEnd()) {
                    out.add(new SetupProblem("services[" + i + "].numbers", 0,
                            "Dải số " + s.numberStart() + "–" + s.numberEnd() + " trùng với dải số của dịch vụ " + o.code()
                                    + " (" + o.numberStart() + "–" + o.numberEnd() + ").",
                            "Number range " + s.numberStart() + "–" + s.numberEnd() + " overlaps service " + o.code()
                                    + "'s (" + o.numberStart() + "–" + o.numberEnd() + ")."));
                }
            }
        }
        return out;
    }

    private static void code(List<SetupProblem> out, String path, String value, String vi, String en) {
        if (blank(value)) {
            out.add(missing(path, vi, en));
        } else if (!CODE.matcher(value).matches()) {
            out.add(new SetupProblem(path, 0,
                    vi + " chỉ gồm chữ in hoa, số, '-' và '_', tối đa 20 ký tự: '" + value + "'.",
                    en + " takes capital letters, digits, '-' and '_', at most 20: '" + value + "'."));
        }
    }

    private static void names(List<SetupProblem> out, String path, String vi, String en) {
        if (blank(vi)) {
            out.add(missing(path + ".nameVi", "Tên tiếng Việt", "The Vietnamese name"));
        } else if (vi.length() > MAX_NAME) {
            out.add(new SetupProblem(path + ".nameVi", 0, "Tên dài quá " + MAX_NAME + " ký tự.",
                    "The name is longer than " + MAX_NAME + " characters."));
        }
        if (blank(en)) {
            out.add(missing(path + ".nameEn", "Tên tiếng Anh", "The English name"));
        } else if (en.length() > MAX_NAME) {
            out.add(new SetupProblem(path + ".nameEn", 0, "Tên dài quá " + MAX_NAME + " ký tự.",
                    "The name is longer than " + MAX_NAME + " characters."));
        }
    }

    private static SetupProblem missing(String path, String vi, String en) {
        return new SetupProblem(path, 0, vi + " còn thiếu.", en + " is missing.");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
