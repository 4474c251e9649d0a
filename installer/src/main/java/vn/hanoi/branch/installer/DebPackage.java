package vn.hanoi.branch.installer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * A Debian package of one app: the app image under /opt/&lt;package&gt;, the files of
 * {@code installer/src/deb/<package>/tree} (systemd unit, desktop entries, config template) at their
 * place, and the maintainer scripts of {@code installer/src/deb/<package>/}, built with dpkg-deb so
 * that files belong to root whoever builds it.
 */
public final class DebPackage {
    private DebPackage() {
    }

    /** Debian spelling of our version: a snapshot sorts before its release ("0.1.0~snapshot" < "0.1.0"). */
    public static String debVersion(String version) {
        return version.replace("-SNAPSHOT", "~snapshot").replace('-', '~').toLowerCase(java.util.Locale.ROOT);
    }

    public static Path build(AppSpec app, Path appImage, Path debSources, Path work, Path outDir, String version,
                             String compression) throws IOException {
        Path stage = work.resolve("deb-" + app.packageName());
        AppImage.deleteTree(stage);
        Path opt = stage.resolve("opt").resolve(app.packageName());
        copyTree(appImage, opt);
        Path src = debSources.resolve(app.packageName());
        if (Files.isDirectory(src.resolve("tree"))) {
            copyTree(src.resolve("tree"), stage);
        }
        if (app == AppSpec.KIOSK) {
            // the session script lives with the kiosk app (and is tested there); the package puts it in place
            Path session = stage.resolve("usr/lib/branch-kiosk/kiosk-session");
            Files.createDirectories(session.getParent());
            Files.copy(debSources.getParent().getParent().getParent().resolve("kiosk-app/src/main/dist/kiosk-session.sh"),
                    session, StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(session, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Path doc = stage.resolve("usr/share/doc").resolve(app.packageName());
        Files.createDirectories(doc);
        Files.copy(debSources.getParent().getParent().resolve("README-IT.md"), doc.resolve("README-IT.md"), StandardCopyOption.REPLACE_EXISTING);
        Path control = stage.resolve("DEBIAN");
        Files.createDirectories(control);
        for (String script : List.of("preinst", "postinst", "prerm", "postrm")) {
            Path s = src.resolve(script);
            if (Files.exists(s)) {
                Files.copy(s, control.resolve(script), StandardCopyOption.REPLACE_EXISTING);
                Files.setPosixFilePermissions(control.resolve(script), PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
        long kib = (AppImage.sizeOf(stage) + 1023) / 1024;
        String text = "Package: " + app.packageName() + "\n"
                + "Version: " + debVersion(version) + "\n"
                + "Architecture: amd64\n"
                + "Maintainer: Branch system team <branch-it@example.invalid>\n"
                + "Section: misc\n"
                + "Priority: optional\n"
                + "Installed-Size: " + kib + "\n"
                + "Depends: " + app.depends() + "\n"
                + (app.recommends().isEmpty() ? "" : "Recommends: " + app.recommends() + "\n")
                + "Description: " + app.summary() + "\n"
                + " Part of the branch system of the public administration service centers.\n"
                + " Installs under /opt/" + app.packageName() + " with its own trimmed Java runtime.\n";
        Files.writeString(control.resolve("control"), text, StandardCharsets.UTF_8);
        Files.createDirectories(outDir);
        Path deb = outDir.resolve(app.packageName() + "_" + debVersion(version) + "_amd64.deb");
        Files.deleteIfExists(deb);
        // zstd: a tenth of xz's time for 10% more bytes; dpkg reads it from Debian 12 / Ubuntu 22.04 on
        Tools.run(null, List.of("dpkg-deb", "--root-owner-group", "-Z" + compression, "-z" + ("xz".equals(compression) ? "6" : "9"),
                "--build", stage.toString(), deb.toString()));
        return deb;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path d = to.resolve(from.relativize(dir).toString());
                Files.createDirectories(d);
                Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("rwxr-xr-x"));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path t = to.resolve(from.relativize(file).toString());
                Files.copy(file, t, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES,
                        LinkOption.NOFOLLOW_LINKS);
                if (!Files.isSymbolicLink(t)) {
                    // world-readable files, executables stay executable: dpkg installs modes as built
                    boolean exec = Files.isExecutable(file);
                    Files.setPosixFilePermissions(t, PosixFilePermissions.fromString(exec ? "rwxr-xr-x" : "rw-r--r--"));
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
