package vn.hanoi.branch.installer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A self-contained app folder made by jpackage: launcher, our jars, and a runtime trimmed by jlink to
 * the modules the apps use (no debug symbols, man pages or headers). DEB and MSI are built from it.
 */
public final class AppImage {
    private AppImage() {
    }

    /** The trimmed runtime, shared by all apps of one packaging run (they need the same modules). */
    public static Path runtime(Path work) throws IOException {
        Path rt = work.resolve("runtime");
        if (Files.isDirectory(rt)) {
            return rt;
        }
        Tools.jdk("jlink", List.of("--add-modules", String.join(",", AppSpec.RUNTIME_MODULES), "--strip-debug",
                "--no-man-pages", "--no-header-files", "--include-locales=en,vi",
                // left uncompressed: the package's xz compresses the whole image better than jlink's zip
                "--compress=zip-0", "--output", rt.toString()));
        return rt;
    }

    /**
     * Builds {@code <dest>/<packageName>/} for one app from its module's target folder.
     *
     * @param projectRoot the repository root (the app modules' target/ folders must be built)
     */
    /** Jars that exist for tests and the demo only (emulators, simulators, test PKI, demo seeding). */
    static final java.util.regex.Pattern TOOLING = java.util.regex.Pattern.compile(
            "(testkit|agent-demo)-.*\\.jar|.*-tests\\.jar");

    public static Path build(AppSpec app, Path projectRoot, Path work, String version) throws IOException {
        Path target = projectRoot.resolve(app.module()).resolve("target");
        Path input = work.resolve("input-" + app.id());
        deleteTree(input);
        Files.createDirectories(input);
        Path mainJar;
        try (Stream<Path> jars = Files.list(target)) {
            mainJar = jars.filter(p -> p.getFileName().toString().matches(app.artifactId() + "-[^-]+.*\\.jar"))
                    .filter(p -> !p.getFileName().toString().contains("-tests"))
                    .findFirst().orElseThrow(() -> new IOException("no " + app.artifactId() + " jar in " + target
                            + ": build first (mvn -B -DskipTests package)"));
        }
        Files.copy(mainJar, input.resolve(mainJar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        try (Stream<Path> libs = Files.list(target.resolve("lib"))) {
            for (Path lib : (Iterable<Path>) libs::iterator) {
                if (TOOLING.matcher(lib.getFileName().toString()).matches()) {
                    throw new IOException(lib + " is test or demo tooling and must never be packaged: "
                            + "it reached " + app.module() + "'s runtime dependencies");
                }
                if (lib.getFileName().toString().startsWith("sqlite-jdbc-")) {
                    NativeLibraries.keepOnly(lib, input.resolve(lib.getFileName()), "org/sqlite/native/", sqlitePlatform());
                } else {
                    Files.copy(lib, input.resolve(lib.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Path dest = work.resolve("images");
        deleteTree(dest.resolve(app.packageName()));
        Files.createDirectories(dest);
        List<String> args = new ArrayList<>(List.of("--type", "app-image", "--name", app.packageName(),
                "--input", input.toString(), "--main-jar", mainJar.getFileName().toString(),
                "--main-class", app.mainClass(), "--runtime-image", runtime(work).toString(),
                "--app-version", numericVersion(version), "--vendor", "Trung tâm Phục vụ hành chính công",
                "--description", app.summary(), "--dest", dest.toString()));
        for (String opt : app.javaOptions()) {
            args.add("--java-options");
            args.add(opt);
        }
        for (Map.Entry<String, String> tool : new TreeMap<>(app.tools()).entrySet()) {
            // an added launcher keeps the main launcher's JVM options and class path; only its main class differs
            Path launcher = work.resolve(tool.getKey() + ".launcher.properties");
            Files.writeString(launcher, "main-class=" + tool.getValue() + "\n");
            args.add("--add-launcher");
            args.add(tool.getKey() + "=" + launcher);
        }
        Tools.jdk("jpackage", args);
        return dest.resolve(app.packageName());
    }

    /** sqlite-jdbc's folder for the platform we package on (jpackage builds for the platform it runs on). */
    static String sqlitePlatform() {
        String os = System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT);
        String arch = System.getProperty("os.arch").matches("amd64|x86_64") ? "x86_64" : "aarch64";
        return (os.contains("win") ? "Windows" : os.contains("mac") ? "Mac" : "Linux") + "/" + arch + "/";
    }

    /** "0.1.0-SNAPSHOT" → "0.1.0": jpackage and MSI accept digits and dots only. */
    public static String numericVersion(String version) {
        String v = version.replaceAll("[^0-9.].*$", "");
        return v.isEmpty() ? "0.0.0" : v;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

    static long sizeOf(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        }
    }
}
