package vn.hanoi.branch.installer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Drops the native libraries of other platforms from a jar (sqlite-jdbc carries about twenty, 14 MB):
 * a package for one platform needs one.
 */
final class NativeLibraries {
    private NativeLibraries() {
    }

    /** Copies {@code jar} to {@code out}, leaving out entries under {@code nativeRoot} not under {@code keep}. */
    static void keepOnly(Path jar, Path out, String nativeRoot, String keep) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar));
             ZipOutputStream zout = new ZipOutputStream(Files.newOutputStream(out))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                String name = e.getName();
                if (name.startsWith(nativeRoot) && name.length() > nativeRoot.length()
                        && !name.startsWith(nativeRoot + keep) && !keep.startsWith(name.substring(nativeRoot.length()))) {
                    continue;
                }
                zout.putNextEntry(new ZipEntry(name));
                copy(in, zout);
                zout.closeEntry();
            }
        }
    }

    private static void copy(InputStream in, OutputStream out) throws IOException {
        in.transferTo(out);
    }
}
