package vn.hanoi.branch.agent.testing;

import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.NoSuchElementException;
import java.util.function.Function;
import java.time.Duration;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver: the browser a hall TV runs.
 * Nothing is downloaded (Selenium Manager is bypassed by naming both binaries); the flags keep
 * Chromium off the network, which is closed here. Fails loudly when the packages are missing:
 * CI installs them (.ci/run), a skipped browser test would hide a broken hall screen.
 */
public final class HeadlessChromium {
    public static final String CHROMIUM = "/usr/bin/chromium";
    public static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private HeadlessChromium() {
    }

    /** A browser whose page area is {@code width} x {@code height} CSS pixels. */
    public static ChromeDriver start(int width, int height) {
        return start(width, height, new String[0]);
    }

    /**
     * As {@link #start(int, int)}, with further Chromium switches, e.g.
     * {@code --autoplay-policy=no-user-gesture-required} as hall TVs run it, so sound plays without a tap.
     */
    public static ChromeDriver start(int width, int height, String... extraArgs) {
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            throw new IllegalStateException("Install Debian's chromium and chromium-driver (see .ci/run): "
                    + CHROMIUM + " and " + CHROMEDRIVER + " are needed for the hall screen tests");
        }
        Path profile;
        try {
            profile = Files.createTempDirectory("chromium-profile");
            Path dir = profile;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=" + width + "," + height, "--lang=vi-VN",
                "--user-data-dir=" + profile.toAbsolutePath());
        options.addArguments(extraArgs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        // The window size includes the browser frame: resize so that the page itself has the size asked.
        driver.get("about:blank");
        JavascriptExecutor js = driver;
        long w = (Long) js.executeScript("return window.innerWidth;");
        long h = (Long) js.executeScript("return window.innerHeight;");
        driver.manage().window().setSize(new Dimension(2 * width - (int) w, 2 * height - (int) h));
        return driver;
    }

    /** Waits for a page condition, ignoring elements not there yet or just replaced by the page's script. */
    public static <T> T waitFor(WebDriver driver, Duration timeout, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, timeout)
                .ignoring(NoSuchElementException.class)
                .ignoring(StaleElementReferenceException.class)
                .until(condition);
    }

    private static void deleteTree(Path dir) {
        try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder: the OS cleans up what is left
        }
    }
}
