package vn.hanoi.branch.installer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.spi.ToolProvider;

/** Runs JDK tools in process (jlink, jpackage) and system commands, failing with their output. */
final class Tools {
    private Tools() {
    }

    static void jdk(String tool, List<String> args) {
        ToolProvider t = ToolProvider.findFirst(tool).orElseThrow(() -> new IllegalStateException(
                tool + " is not in this JDK (" + System.getProperty("java.home") + "); run the packager on a full JDK 21+"));
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8)) {
            int rc = t.run(out, out, args.toArray(String[]::new));
            if (rc != 0) {
                throw new IllegalStateException(tool + " failed (" + rc + "): " + buf.toString(StandardCharsets.UTF_8)
                        + "\n  arguments: " + args);
            }
        }
    }

    static String run(Path workDir, List<String> command) {
        try {
            Process p = new ProcessBuilder(command).directory(workDir == null ? null : workDir.toFile())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int rc = p.waitFor();
            if (rc != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (" + rc + "): " + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + command.get(0), e);
        }
    }
}
