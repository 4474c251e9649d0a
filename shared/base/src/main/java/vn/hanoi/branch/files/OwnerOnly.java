package vn.hanoi.branch.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/**
 * The rule for files that hold secrets (the city client's secret, the signing key's password): only
 * their owner may read them. One check, so that every reader refuses an exposed file the same way.
 */
public final class OwnerOnly {
    private static final Set<PosixFilePermission> NOT_OWNER = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private OwnerOnly() {
    }

    /** The permissions {@code file} gives to anyone but its owner; empty when it is owner-only (or not POSIX). */
    public static Set<PosixFilePermission> exposure(Path file) throws IOException {
        PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (posix == null) {
            return EnumSet.noneOf(PosixFilePermission.class);
        }
        Set<PosixFilePermission> others = EnumSet.copyOf(posix.readAttributes().permissions());
        others.retainAll(NOT_OWNER);
        return others;
    }
}
