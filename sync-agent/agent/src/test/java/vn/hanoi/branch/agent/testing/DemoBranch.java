package vn.hanoi.branch.agent.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.hanoi.branch.agent.auth.AuthService;
import vn.hanoi.branch.agent.auth.Passwords;
import vn.hanoi.branch.agent.auth.Principal;
import vn.hanoi.branch.agent.db.Database;
import vn.hanoi.branch.agent.db.WriteTx;
import vn.hanoi.branch.agent.dossier.ProcedureCatalog;
import vn.hanoi.branch.agent.device.DeviceRegistry;
import vn.hanoi.branch.agent.setup.BranchConfiguration;
import vn.hanoi.branch.agent.setup.BranchSetup;
import vn.hanoi.branch.agent.setup.SetupFile;
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
    public static final BranchInfo BRANCH = branchInfo();

    /** What seeding produced: account passwords and pairing codes to hand to people and apps. */
    public record Seeded(Map<String, String> passwords, Map<DeviceKind, Pairing.Code> pairingCodes) {
    }

    private DemoBranch() {
    }

    /** The demo branch's setup file, read through the same path as {@code branch-agent setup}. */
    public static BranchSetup setup() {
        try (var in = DemoBranch.class.getResourceAsStream("demo-branch.yaml")) {
            SetupFile.Read read = SetupFile.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), false);
            if (!read.ok()) {
                throw new IllegalStateException("demo-branch.yaml: " + read.problems());
            }
            return read.setup();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BranchInfo branchInfo() {
        BranchSetup.Identity b = setup().branch();
        return new BranchInfo(b.code(), b.nameVi(), b.nameEn(), b.timeZone());
    }

    public static List<ServiceInfo> services() {
        return setup().services().stream().map(s -> new ServiceInfo(0, s.code(), s.nameVi(), s.nameEn(), s.prefix(),
                s.numberStart(), s.numberEnd(), LocalTime.of(7, 30), LocalTime.of(17, 0), s.active(), s.greenChannel()))
                .toList();
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
        BranchConfiguration.seed(tx, setup());
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
