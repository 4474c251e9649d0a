package vn.hanoi.branch.agent.testing;

import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.hanoi.branch.agent.auth.AuthService;
import vn.hanoi.branch.agent.branch.BranchDirectory;
import vn.hanoi.branch.agent.auth.Passwords;
import vn.hanoi.branch.agent.auth.Principal;
import vn.hanoi.branch.agent.db.Database;
import vn.hanoi.branch.agent.db.WriteTx;
import vn.hanoi.branch.agent.dossier.ProcedureCatalog;
import vn.hanoi.branch.agent.device.DeviceRegistry;
import vn.hanoi.branch.api.BranchInfo;
import vn.hanoi.branch.api.DeviceKind;
import vn.hanoi.branch.api.Pairing;
import vn.hanoi.branch.api.Role;
import vn.hanoi.branch.api.ServiceInfo;
import vn.hanoi.branch.api.Sessions;

/**
 * A demo branch (sample data, not a real branch's configuration): five services, five counters,
 * staff accounts with fresh random passwords, and one pairing code per demo device.
 */
public final class DemoBranch {
    public static final BranchInfo BRANCH = new BranchInfo("HN-CN01",
            "Trung tâm Phục vụ hành chính công Hà Nội – Chi nhánh số 1",
            "Hanoi Public Administration Service Center – Branch 1", "Asia/Ho_Chi_Minh");

    /** What seeding produced: account passwords and pairing codes to hand to people and apps. */
    public record Seeded(Map<String, String> passwords, Map<DeviceKind, Pairing.Code> pairingCodes) {
    }

    private DemoBranch() {
    }

    public static List<ServiceInfo> services() {
        LocalTime open = LocalTime.of(7, 30);
        LocalTime close = LocalTime.of(17, 0);
        return List.of(
                new ServiceInfo(0, "HT", "Hộ tịch", "Civil status", "", 1001, 1999, open, close, true, false),
                new ServiceInfo(0, "CT", "Cư trú", "Residence", "", 2001, 2999, open, close, true, false),
                new ServiceInfo(0, "DD", "Đất đai – Xây dựng", "Land and construction", "", 3001, 3999, open, close, true, false),
                new ServiceInfo(0, "KD", "Đăng ký kinh doanh", "Business registration", "", 4001, 4999, open, close, true, true),
                new ServiceInfo(0, "CTH", "Chứng thực", "Certification", "", 5001, 5999, open, close, true, false));
    }

    /** Seeds an empty database. Passwords are random each time: the demo prints them. */
    public static Seeded seed(Database db, DeviceRegistry devices) {
        Map<String, Sessions.NewUser> users = new LinkedHashMap<>();
        for (String[] u : new String[][] {
                {"canbo1", "Nguyễn Thị Lan", "CLERK"}, {"canbo2", "Trần Văn Minh", "CLERK"},
                {"canbo3", "Lê Thu Hà", "CLERK"}, {"giamsat", "Phạm Quốc Huy", "SUPERVISOR"},
                {"it", "Bộ phận CNTT", "IT"}}) {
            users.put(u[0], new Sessions.NewUser(u[0], u[1], randomPassword(), Role.valueOf(u[2])));
        }
        Map<String, String> hashes = new LinkedHashMap<>();
        users.forEach((k, u) -> hashes.put(k, Passwords.hash(u.password().toCharArray())));
        Map<DeviceKind, Pairing.Code> codes = new LinkedHashMap<>();
        db.write(tx -> {
            seedBranch(tx);
            for (var e : users.entrySet()) {
                AuthService.insertUser(tx, e.getValue(), hashes.get(e.getKey()));
            }
            for (DeviceKind kind : DeviceKind.values()) {
                codes.put(kind, devices.insertCode(tx, Principal.SYSTEM, kind, "demo-" + kind.name().toLowerCase(),
                        Duration.ofDays(1)));
            }
            return null;
        });
        Map<String, String> passwords = new LinkedHashMap<>();
        users.forEach((k, u) -> passwords.put(k, u.password()));
        return new Seeded(passwords, codes);
    }

    /** The branch, its services, counters and the sample procedure catalog (no accounts, no devices). */
    public static void seedBranch(WriteTx tx) throws SQLException {
        BranchDirectory.upsertBranch(tx, BRANCH);
        List<Long> ids = new ArrayList<>();
        for (ServiceInfo s : services()) {
            ids.add(BranchDirectory.insertService(tx, s));
        }
        BranchDirectory.insertCounter(tx, 1, "Quầy 1", "Counter 1", List.of(ids.get(0), ids.get(4)));
        BranchDirectory.insertCounter(tx, 2, "Quầy 2", "Counter 2", List.of(ids.get(0), ids.get(1)));
        BranchDirectory.insertCounter(tx, 3, "Quầy 3", "Counter 3", List.of(ids.get(1), ids.get(2)));
        // Counter 4 is the green channel desk for enterprises (KD first); others take KD only when idle.
        BranchDirectory.insertCounter(tx, 4, "Quầy 4", "Counter 4", List.of(ids.get(3), ids.get(2)));
        BranchDirectory.insertCounter(tx, 5, "Quầy 5", "Counter 5", List.of(ids.get(3), ids.get(4), ids.get(0)));
        ProcedureCatalog.importSample(tx);
    }

    private static String randomPassword() {
        String alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
        SecureRandom r = new SecureRandom();
        StringBuilder sb = new StringBuilder("demo-");
        for (int i = 0; i < 8; i++) {
            sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
