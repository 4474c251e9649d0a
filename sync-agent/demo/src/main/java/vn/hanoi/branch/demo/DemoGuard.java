package vn.hanoi.branch.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The demo never touches a real branch: it refuses the installed agent's data and configuration folders,
 * and any database file that already exists with something in it (also its own from an earlier run:
 * {@code demo.sh} removes that one itself). It decides from the paths and sizes alone, without opening
 * the file, so a refused database stays byte for byte as it was.
 */
final class DemoGuard {
    /** Where the DEB and MSI packages keep the agent's database and settings. */
    static final List<Path> INSTALLED = List.of(Path.of("/var/lib/branch-agent"), Path.of("/etc/branch-agent"),
            Path.of("C:\\ProgramData\\BranchAgent"));

    private DemoGuard() {
    }

    /** Why the demo may not use {@code db}, or empty when it may create it. */
    static Optional<String> refusal(Path db) throws IOException {
        Path abs = db.toAbsolutePath().normalize();
        for (Path installed : INSTALLED) {
            if (abs.startsWith(installed)) {
                return Optional.of("Demo từ chối: " + abs + " thuộc agent đã cài đặt (" + installed
                        + "). Demo không bao giờ dùng dữ liệu của chi nhánh thật.\n"
                        + "The demo refuses: " + abs + " belongs to the installed agent (" + installed
                        + "). The demo never uses a real branch's data.");
            }
        }
        for (String suffix : new String[] {"", "-wal"}) {
            Path f = Path.of(abs + suffix);
            if (Files.exists(f) && Files.size(f) > 0) {
                return Optional.of("Demo từ chối: " + f + " đã có dữ liệu. Demo chỉ tạo cơ sở dữ liệu mới, không bao giờ "
                        + "xóa hay ghi đè; hãy chọn một tệp mới.\n"
                        + "The demo refuses: " + f + " already holds data. The demo only creates a new database and never "
                        + "deletes or overwrites one; give a new file.");
            }
        }
        return Optional.empty();
    }
}
