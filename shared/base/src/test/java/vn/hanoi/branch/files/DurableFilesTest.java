package vn.hanoi.branch.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurableFilesTest {
    @TempDir
    Path dir;

    @Test
    void replacesTheTargetWholeAndLeavesNoTemporaryFile() throws IOException {
        Path target = dir.resolve("sub").resolve("state.json");
        DurableFiles.write(target, "old".getBytes(StandardCharsets.UTF_8));

        DurableFiles.Written w = DurableFiles.write(target, "new".getBytes(StandardCharsets.UTF_8));

        assertThat(target).hasContent("new");
        assertThat(w.bytes()).isEqualTo(3);
        assertThat(w.sha256()).isEqualTo(DurableFiles.sha256Hex("new".getBytes(StandardCharsets.UTF_8)));
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void ownerOnlyFilesAreReadableByTheOwnerAlone() throws IOException {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Path target = dir.resolve("device.properties");
        Files.writeString(target, "older, open to all");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-rw-rw-"));

        DurableFiles.writeOwnerOnly(target, "token=secret\n".getBytes(StandardCharsets.UTF_8));

        assertThat(Files.readString(target)).isEqualTo("token=secret\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-------");
    }
}
