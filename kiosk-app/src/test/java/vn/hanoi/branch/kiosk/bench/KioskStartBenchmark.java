package vn.hanoi.branch.kiosk.bench;

import vn.hanoi.branch.agent.testing.AgentProcess;
import vn.hanoi.branch.agent.testing.TestAgent;
import vn.hanoi.branch.api.DeviceKind;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Kiosk start-up: a fresh JVM running {@code KioskMain} against a real agent, from process launch to
 * the service tiles on screen (reported by the kiosk itself), and its resident memory once idle.
 * JavaFX runs on Monocle's headless software pipeline here (no display on this machine); a kiosk with
 * a GPU starts at least as fast. Baseline in the same run: a JVM that only prints its version.
 *
 * <p>Run: {@code ./bench.sh kiosk-app vn.hanoi.branch.kiosk.bench.KioskStartBenchmark}
 */
public final class KioskStartBenchmark {
    private static final int RUNS = 5;

    private KioskStartBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        long baseline = median(timeOf(() -> run(List.of(java, "-version"))));
        System.out.printf("baseline: JVM start and exit (java -version): median %d ms%n", baseline);
        try (TestAgent agent = TestAgent.start()) {
            long[] ready = new long[RUNS];
            long[] rss = new long[RUNS];
            Path state = Files.createTempDirectory("kiosk-bench");
            for (int i = 0; i < RUNS; i++) {
                // First run pairs (cold, empty state dir); later runs start from the saved token, as a kiosk does daily.
                List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                        "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                        "-Dheadless.geometry=1920x1080-32", "--enable-native-access=ALL-UNNAMED",
                        "vn.hanoi.branch.kiosk.KioskMain", "--agent", agent.baseUrl(), "--state-dir", state.toString(),
                        "--windowed"));
                if (i == 0) {
                    cmd.addAll(List.of("--pairing-code", agent.pairingCode(DeviceKind.KIOSK)));
                }
                long t0 = System.nanoTime();
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
                try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = out.readLine()) != null && !line.contains("kiosk ready")) {
                        // start-up output
                    }
                    if (line == null) {
                        throw new IllegalStateException("kiosk exited before showing its services");
                    }
                    ready[i] = (System.nanoTime() - t0) / 1_000_000;
                    Thread.sleep(3000); // let it settle, as a kiosk idles between citizens
                    rss[i] = AgentProcess.rssKb(p.pid()) / 1024;
                } finally {
                    p.destroy();
                    p.waitFor(10, TimeUnit.SECONDS);
                }
            }
            System.out.printf("kiosk launch to service tiles: first (pairing) %d ms, median of later %d ms, runs %s "
                    + "(target < 4000 ms)%n", ready[0], median(Arrays.copyOfRange(ready, 1, RUNS)), Arrays.toString(ready));
            System.out.printf("kiosk RSS idle: median %d MB, runs %s (target < 300 MB)%n", median(rss), Arrays.toString(rss));
            System.out.printf("ratio kiosk ready / bare JVM: %.1fx%n", (double) median(ready) / baseline);
        }
    }

    private interface Action {
        void run() throws Exception;
    }

    private static long[] timeOf(Action a) throws Exception {
        long[] t = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            a.run();
            t[i] = (System.nanoTime() - t0) / 1_000_000;
        }
        return t;
    }

    private static void run(List<String> cmd) throws Exception {
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
    }

    private static long median(long[] values) {
        long[] v = values.clone();
        Arrays.sort(v);
        return v[v.length / 2];
    }
}
