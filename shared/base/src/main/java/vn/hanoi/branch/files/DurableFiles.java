package vn.hanoi.branch.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Writes a file so that it is either absent or whole after a crash or a power cut: the bytes go to a
 * temporary file beside the target (a name starting with '.' and ending in ".tmp", which readers ignore),
 * are forced to disk, and the file is then renamed into place and the directory entry forced too.
 */
public final class DurableFiles {
    /** Prefix and suffix of files in flight; a sweep may delete these when no write is running. */
    public static final String TEMP_PREFIX = ".part-";
    public static final String TEMP_SUFFIX = ".tmp";

    private DurableFiles() {
    }

    /** What was written: the SHA-256 (lower-case hex) and the size of the bytes now at the target. */
    public record Written(String sha256, long bytes) {
    }

    public static Written write(Path target, byte[] bytes) throws IOException {
        return write(target, new java.io.ByteArrayInputStream(bytes));
    }

    /** Copies the stream to {@code target} durably, hashing on the way; replaces an existing file atomically. */
    public static Written write(Path target, InputStream in) throws IOException {
        return write(target, in, new FileAttribute<?>[0]);
    }

    /**
     * Writes a secret (a device token, a client secret) durably into a file only its owner may read or
     * write (0600 where the file system has POSIX permissions): the permissions are set when the temporary
     * file is created, so no byte is ever readable by others.
     */
    public static Written writeOwnerOnly(Path target, byte[] bytes) throws IOException {
        boolean posix = target.getFileSystem().supportedFileAttributeViews().contains("posix");
        return write(target, new java.io.ByteArrayInputStream(bytes), posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0]);
    }

    private static Written write(Path target, InputStream in, FileAttribute<?>... attributes) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, TEMP_PREFIX, TEMP_SUFFIX, attributes);
        try {
            MessageDigest sha = sha256();
            long total = 0;
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE);
                 DigestInputStream din = new DigestInputStream(in, sha)) {
                byte[] buf = new byte[64 * 1024];
                int n;
                while ((n = din.read(buf)) > 0) {
                    ByteBuffer b = ByteBuffer.wrap(buf, 0, n);
                    while (b.hasRemaining()) {
                        ch.write(b);
                    }
                    total += n;
                }
                ch.force(true);
            }
            moveIntoPlace(tmp, target);
            return new Written(HexFormat.of().formatHex(sha.digest()), total);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Renames a file already forced to disk into place and makes the rename itself durable. */
    public static void moveIntoPlace(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        try (FileChannel dirCh = FileChannel.open(target.toAbsolutePath().getParent(), StandardOpenOption.READ)) {
            dirCh.force(true);
        } catch (IOException ignored) {
            // not every platform can open a directory (Windows); the rename is still atomic there
        }
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    /** The SHA-256 of a file, read in pieces (a document may not fit in memory). */
    public static String sha256Hex(Path file) throws IOException {
        MessageDigest sha = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[64 * 1024];
            for (int n; (n = in.read(buf)) > 0; ) {
                sha.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
