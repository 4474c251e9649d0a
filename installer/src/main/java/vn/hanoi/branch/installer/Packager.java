package vn.hanoi.branch.installer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the branch packages from a built checkout.
 *
 * <pre>
 * Packager --type deb|app-image|wxs [--apps agent,kiosk,counter] [--version 0.1.0] [--dest DIR] [--root DIR]
 *          [--compression zstd|xz] [--service-wrapper WinSW.exe]   (xz for Debian 11 / Ubuntu 20.04, whose dpkg cannot read zstd)
 * </pre>
 * deb: Debian packages (needs dpkg-deb); app-image: the jpackage folders only (the Windows script runs
 * jpackage --type msi on them); wxs: the WiX definition of the agent's MSI for msitools' wixl (checked on Linux).
 */
public final class Packager {
    private Packager() {
    }

    public static void main(String[] args) throws Exception {
        String type = "deb";
        List<AppSpec> apps = AppSpec.ALL;
        String version = "0.1.0";
        Path root = Path.of(".");
        Path dest = null;
        String compression = "zstd";
        Path serviceWrapper = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--type" -> type = args[++i];
                case "--apps" -> {
                    List<AppSpec> chosen = new ArrayList<>();
                    for (String id : args[++i].split(",")) {
                        chosen.add(AppSpec.byId(id.strip()));
                    }
                    apps = chosen;
                }
                case "--version" -> version = args[++i];
                case "--root" -> root = Path.of(args[++i]);
                case "--dest" -> dest = Path.of(args[++i]);
                case "--compression" -> compression = args[++i];
                case "--service-wrapper" -> serviceWrapper = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (!version.matches("[0-9][0-9A-Za-z.+~-]*")) {
            throw new IllegalArgumentException("Phiên bản không hợp lệ / invalid version '" + version
                    + "': it must start with a digit (e.g. 1.2.0)");
        }
        Path work = root.resolve("installer/target/work");
        Path out = dest != null ? dest : root.resolve("installer/target/packages");
        for (AppSpec app : apps) {
            long t0 = System.nanoTime();
            Path image = AppImage.build(app, root, work, version);
            Path result = switch (type) {
                case "app-image" -> image;
                case "deb" -> DebPackage.build(app, image, root.resolve("installer/src/deb"), work, out, version,
                        compression);
                case "wxs" -> MsiDefinition.write(app, image, out, version, serviceWrapper);
                default -> throw new IllegalArgumentException("unknown type " + type + " (deb, app-image, wxs)");
            };
            System.out.printf("%s: %s (%.1f MB, %.1f s)%n", app.packageName(), result,
                    AppImage.sizeOf(result) / 1e6, (System.nanoTime() - t0) / 1e9);
        }
    }
}
