package vn.hanoi.branch.agent.config;

import java.io.IOException;
import vn.hanoi.branch.files.OwnerOnly;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import vn.hanoi.branch.files.DurableFiles;

/**
 * A secret kept in a file only its owner may read (0600), never in the plain config: the config names
 * the file. Reading refuses a file open to group or others, with the fix in the message.
 * (Same rule as the signing key's password file in {@code BranchSigner}.)
 */
public final class SecretFile {
    private SecretFile() {
    }

    public static String read(Path file) throws IOException {
        Set<PosixFilePermission> others = OwnerOnly.exposure(file);
        if (!others.isEmpty()) {
            throw new IOException("the secret file " + file + " is open to others " + others + "; chmod 600 it");
        }
        return Files.readString(file, StandardCharsets.UTF_8).strip();
    }

    /** Writes a secret readable by the owner only (0600 before any byte is written), durably. */
    public static Path write(Path file, String secret) throws IOException {
        DurableFiles.writeOwnerOnly(file, (secret + "\n").getBytes(StandardCharsets.UTF_8));
        return file;
    }
}
