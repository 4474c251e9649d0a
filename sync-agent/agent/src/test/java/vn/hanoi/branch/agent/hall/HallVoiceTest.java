package vn.hanoi.branch.agent.hall;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.hanoi.branch.agent.testing.DemoBranch;
import vn.hanoi.branch.agent.branch.HallNotices;
import vn.hanoi.branch.agent.config.AgentConfig;
import vn.hanoi.branch.agent.testing.HeadlessChromium;
import vn.hanoi.branch.agent.testing.TestAgent;
import vn.hanoi.branch.api.DeviceKind;
import vn.hanoi.branch.api.Json;
import vn.hanoi.branch.api.Ticket;
import vn.hanoi.branch.client.DeskClient;
import vn.hanoi.branch.client.KioskClient;

/**
 * The hall screen's voice and notices ticker, in headless Chromium started as hall TVs run it
 * ({@code --autoplay-policy=no-user-gesture-required}), so the committed clips really play and the page's
 * {@code hall.voiceLog} records when each clip started and ended.
 *
 * <p>Each test uses its own services and counters (HT and CT at counters 1-2, DD at 3, KD at 4, CTH at 5), so the
 * order of the tests does not matter. One announcement in Vietnamese lasts about 6 s.
 */
class HallVoiceTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration VOICE_WAIT = Duration.ofSeconds(45);
    private static final String NOTICES = "Giữ phiếu số để được gọi ~ Keep your ticket"
            + " | Tổng đài 1022 hỗ trợ công dân ~ Hotline 1022 | Nộp hồ sơ trực tuyến tại dichvucong.hanoi.gov.vn |";
    private static final Path VOICE_DIR = Path.of("src/main/resources/hall/voice");
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";

    private static TestAgent agent;
    private static ChromeDriver driver;
    private static KioskClient kiosk;
    private static DeskClient clerk;

    @BeforeAll
    static void startBrowserAndAgent() {
        agent = TestAgent.start(Map.of("hall.notices", NOTICES));
        kiosk = agent.kioskClient();
        clerk = agent.deskClient();
        driver = HeadlessChromium.start(1920, 1080, "--autoplay-policy=no-user-gesture-required");
        driver.manage().timeouts().scriptTimeout(WAIT);
    }

    @AfterAll
    static void stop() {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            if (agent != null) {
                agent.close();
            }
        }
    }

    // ------------------------------------------------------------------ clips

    @Test
    void announcementIsTheChimeThenTheSentenceWithTheNumberReadDigitByDigit() {
        driver.get(agent.baseUrl() + "/hall/");
        assertThat(clips("'1005', 3, 'vi'")).containsExactly(
                "voice/chime.wav", "voice/vi/moi-cong-dan-co-so-thu-tu.wav",
                "voice/vi/1.wav", "voice/vi/0.wav", "voice/vi/0.wav", "voice/vi/5.wav",
                "voice/vi/den-quay-so.wav", "voice/vi/3.wav");
        assertThat(clips("'B2003', 12, 'vi'")).containsExactly(
                "voice/chime.wav", "voice/vi/moi-cong-dan-co-so-thu-tu.wav",
                "voice/vi/b.wav", "voice/vi/2.wav", "voice/vi/0.wav", "voice/vi/0.wav", "voice/vi/3.wav",
                "voice/vi/den-quay-so.wav", "voice/vi/1.wav", "voice/vi/2.wav");
        assertThat(clips("'A-07', '2', 'vi,en'")).containsExactly(
                "voice/chime.wav", "voice/vi/moi-cong-dan-co-so-thu-tu.wav",
                "voice/vi/a.wav", "voice/vi/0.wav", "voice/vi/7.wav", "voice/vi/den-quay-so.wav", "voice/vi/2.wav",
                "voice/en/ticket-number.wav", "voice/en/a.wav", "voice/en/0.wav", "voice/en/7.wav",
                "voice/en/please-go-to-counter.wav", "voice/en/2.wav");
        assertThat(clips("'1005', 3, 'off'")).isEmpty();

        // every clip the page can ask for is one of the committed files
        Set<String> asked = new LinkedHashSet<>(clips("'" + LETTERS + "0123456789', '0123456789', 'vi,en'"));
        assertThat(asked).containsExactlyInAnyOrderElementsOf(
                expectedClipFiles().stream().map(f -> "voice/" + f).toList());
    }

    @Test
    void everyClipIsServedAsSmall16kHzMonoWav() throws IOException {
        try (Stream<Path> files = Files.walk(VOICE_DIR)) {
            List<String> committed = files.filter(Files::isRegularFile)
                    .map(p -> VOICE_DIR.relativize(p).toString().replace('\\', '/')).toList();
            assertThat(committed).as("no stray files under hall/voice").containsExactlyInAnyOrderElementsOf(expectedClipFiles());
        }
        OkHttpClient http = new OkHttpClient();
        long total = 0;
        for (String clip : expectedClipFiles()) {
            try (Response r = http.newCall(new Request.Builder().url(agent.baseUrl() + "/hall/voice/" + clip).build()).execute()) {
                assertThat(r.code()).as(clip).isEqualTo(200);
                byte[] wav = r.body().bytes();
                total += wav.length;
                ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
                assertThat(new String(wav, 0, 4, "US-ASCII")).as(clip).isEqualTo("RIFF");
                assertThat(new String(wav, 8, 8, "US-ASCII")).as(clip).isEqualTo("WAVEfmt ");
                assertThat(b.getShort(20)).as(clip + " PCM").isEqualTo((short) 1);
                assertThat(b.getShort(22)).as(clip + " mono").isEqualTo((short) 1);
                assertThat(b.getInt(24)).as(clip + " 16 kHz").isEqualTo(16000);
                assertThat(b.getShort(34)).as(clip + " 16-bit").isEqualTo((short) 16);
                assertThat(wav.length).as(clip + " has sound").isGreaterThan(44 + 16000 / 10 * 2);
            }
        }
        assertThat(total).as("all clips together").isLessThan(1_500_000);
    }

    // ------------------------------------------------------------------ playback

    @Test
    void twoCallsInQuickSuccessionAreSpokenOneAfterTheOtherWithoutOverlap() {
        openPaired("vi");
        Ticket ht = kiosk.issueTicket(1, "voice-a-1");
        Ticket ct = kiosk.issueTicket(2, "voice-a-2");
        js("hall.voiceLog.length = 0;");

        Ticket first = clerk.callNext(1);
        Ticket second = clerk.callNext(2);
        assertThat(first.id()).isEqualTo(ht.id());
        assertThat(second.id()).isEqualTo(ct.id());

        List<String> expected = new ArrayList<>(clips("'" + first.displayNumber() + "', 1, 'vi'"));
        int secondChime = expected.size();
        expected.addAll(clips("'" + second.displayNumber() + "', 2, 'vi'"));
        List<Map<String, Object>> log = waitForPlayed(expected.size());

        assertThat(log).extracting(e -> e.get("clip")).containsExactlyElementsOf(expected);
        assertThat(log).extracting(e -> e.get("number"))
                .containsExactlyElementsOf(numbersOf(first.displayNumber(), second.displayNumber(), secondChime, expected.size()));
        assertNeverOverlapping(log);
        // the chime really played (1.35 s), it did not just fail fast
        assertThat(ms(log.get(0), "endedAt") - ms(log.get(0), "startedAt")).isGreaterThan(1000);
        assertThat(log.get(secondChime).get("clip")).isEqualTo("voice/chime.wav");
        assertThat(ms(log.get(secondChime), "startedAt")).as("second call waits for the first to be said")
                .isGreaterThanOrEqualTo(ms(log.get(secondChime - 1), "endedAt"));
        assertThat(driver.findElement(By.id("sound-hint")).isDisplayed()).isFalse();
    }

    @Test
    void aRecallRepeatsTheAnnouncement() {
        openPaired("vi");
        kiosk.issueTicket(3, "voice-b-1");
        js("hall.voiceLog.length = 0;");
        Ticket called = clerk.callNext(3);
        List<String> once = clips("'" + called.displayNumber() + "', 3, 'vi'");
        waitForPlayed(once.size());

        clerk.recall(called.id());
        List<String> twice = new ArrayList<>(once);
        twice.addAll(once);
        List<Map<String, Object>> log = waitForPlayed(twice.size());
        assertThat(log).extracting(e -> e.get("clip")).containsExactlyElementsOf(twice);
        assertNeverOverlapping(log);
    }

    @Test
    void englishFollowsVietnameseWhenChosenAndTheChoiceIsRemembered() {
        openPaired("vi,en");
        assertThat(js("return localStorage.getItem('branch.hall.voice');")).isEqualTo("vi,en");
        driver.navigate().refresh(); // the address no longer matters: the setting is stored
        waitFor(d -> "connected".equals(d.findElement(By.id("connection")).getAttribute("data-state")));
        try {
            kiosk.issueTicket(4, "voice-c-1");
            js("hall.voiceLog.length = 0;");
            Ticket called = clerk.callNext(4);
            List<String> expected = clips("'" + called.displayNumber() + "', 4, 'vi,en'");
            assertThat(expected).contains("voice/en/ticket-number.wav", "voice/en/please-go-to-counter.wav");
            List<Map<String, Object>> log = waitForPlayed(expected.size());
            assertThat(log).extracting(e -> e.get("clip")).containsExactlyElementsOf(expected);
            assertNeverOverlapping(log);
        } finally {
            driver.get(agent.baseUrl() + "/hall/?voice=vi");
        }
    }

    @Test
    void whenClipsCannotBeLoadedTheSpeechEngineSaysIt() {
        openPaired("vi");
        // the speech engine is replaced by a recorder; the chime counts as broken (e.g. missing file)
        js("window.spoken = [];"
                + "window.speechSynthesis.speak = function (u) { window.spoken.push({ text: u.text, lang: u.lang });"
                + "  setTimeout(function () { if (u.onend) { u.onend(); } }, 50); };"
                + "hall.voice.failed['voice/chime.wav'] = Date.now();"
                + "hall.voiceLog.length = 0;");
        kiosk.issueTicket(5, "voice-d-1");
        Ticket called = clerk.callNext(5);
        new WebDriverWait(driver, WAIT).until(d -> ((Number) js("return window.spoken.length;")).intValue() > 0);
        assertThat(js("return window.spoken[0].text;"))
                .isEqualTo("Mời công dân có số thứ tự " + called.displayNumber() + " đến quầy số 5");
        assertThat(js("return hall.voiceLog.length;")).as("no clip played").isEqualTo(0L);
    }

    // ------------------------------------------------------------------ notices

    @Test
    void tickerScrollsTheConfiguredNotices() throws Exception {
        openPaired("vi");
        waitFor(d -> d.findElement(By.id("ticker")).isDisplayed());
        @SuppressWarnings("unchecked")
        List<String> shown = (List<String>) js("var seen = [], out = [];"
                + "document.querySelectorAll('#ticker-track .notice').forEach(function (n) {"
                + "  if (seen.indexOf(n.textContent) < 0) { seen.push(n.textContent); out.push(n.textContent); } });"
                + "return out;");
        assertThat(shown).containsExactly("Giữ phiếu số để được gọi / Keep your ticket",
                "Tổng đài 1022 hỗ trợ công dân / Hotline 1022", "Nộp hồ sơ trực tuyến tại dichvucong.hanoi.gov.vn");
        assertThat(js("return document.querySelector('#ticker .ticker-label').textContent;")).asString().contains("Thông báo");

        // it moves, and its letters are large enough for the back of the hall (>= 3.5% of the height)
        double x0 = ((Number) js("return document.getElementById('ticker-track').getBoundingClientRect().left;")).doubleValue();
        await("the ticker to scroll left").atMost(Duration.ofSeconds(10)).until(() -> ((Number) js(
                "return document.getElementById('ticker-track').getBoundingClientRect().left;")).doubleValue() < x0 - 20);
        double font = ((Number) js("return parseFloat(getComputedStyle(document.querySelector('#ticker-track .nv')).fontSize);"))
                .doubleValue();
        assertThat(font).isGreaterThanOrEqualTo(0.035 * 1080);
        // the ticker sits below the board, not over it
        assertThat(((Number) js("return document.getElementById('ticker').getBoundingClientRect().top"
                + " - document.getElementById('board').getBoundingClientRect().bottom;")).doubleValue())
                .isGreaterThanOrEqualTo(0);
        screenshot("-ticker");

        // the endpoint behind it: devices only
        String token = (String) js("return localStorage.getItem('branch.hall.token');");
        OkHttpClient http = new OkHttpClient();
        try (Response r = http.newCall(new Request.Builder().url(agent.baseUrl() + "/api/v1/hall/notices").build()).execute()) {
            assertThat(r.code()).isEqualTo(401);
        }
        try (Response r = http.newCall(new Request.Builder().url(agent.baseUrl() + "/api/v1/hall/notices")
                .header("Authorization", "Bearer " + token).build()).execute()) {
            assertThat(r.code()).isEqualTo(200);
            JsonNode notices = Json.mapper().readTree(r.body().bytes()).get("notices");
            assertThat(notices).hasSize(3);
            assertThat(notices.get(1).get("vi").asText()).isEqualTo("Tổng đài 1022 hỗ trợ công dân");
            assertThat(notices.get(1).get("en").asText()).isEqualTo("Hotline 1022");
            assertThat(notices.get(2).get("en").asText()).isEmpty();
        }
    }

    @Test
    void defaultNoticesAreBilingualAndIncludeTheHotline() {
        List<HallNotices.Notice> defaults = HallNotices.parse(AgentConfig.defaults().get("hall.notices"));
        assertThat(defaults).hasSize(2).allSatisfy(n -> {
            assertThat(n.vi()).isNotBlank();
            assertThat(n.en()).isNotBlank();
        });
        assertThat(defaults).anySatisfy(n -> assertThat(n.vi()).contains("1022"));
        assertThat(HallNotices.parse(" | ~ |a~b~c")).containsExactly(new HallNotices.Notice("a", "b~c"));
        assertThat(HallNotices.parse("")).isEmpty();
    }

    // ------------------------------------------------------------------ helpers

    /** chime.wav, then for vi and en: the two phrases, the digits and the letters. */
    private static List<String> expectedClipFiles() {
        List<String> out = new ArrayList<>(List.of("chime.wav"));
        for (String lang : List.of("vi", "en")) {
            out.add(lang + (lang.equals("vi") ? "/moi-cong-dan-co-so-thu-tu.wav" : "/ticket-number.wav"));
            out.add(lang + (lang.equals("vi") ? "/den-quay-so.wav" : "/please-go-to-counter.wav"));
            for (char c : ("0123456789" + LETTERS).toCharArray()) {
                out.add(lang + "/" + c + ".wav");
            }
        }
        return out;
    }

    private static List<Object> numbersOf(String first, String second, int split, int size) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            out.add(i < split ? first : second);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<String> clips(String args) {
        return (List<String>) js("return hall.announcementClips(" + args + ");");
    }

    /** Waits until at least {@code count} clips have finished playing; returns the log. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> waitForPlayed(int count) {
        try {
            new WebDriverWait(driver, VOICE_WAIT).until(d -> (Boolean) js(
                    "var l = hall.voiceLog; return l.length >= " + count + " && l[" + (count - 1) + "].endedAt != null"
                            + " || l.some(function (e) { return e.error; });"));
        } catch (RuntimeException e) {
            throw new AssertionError("voice log: " + js("return JSON.stringify(hall.voiceLog);"), e);
        }
        List<Map<String, Object>> log = (List<Map<String, Object>>) js("return hall.voiceLog;");
        assertThat(log).as("no clip failed: " + log).allSatisfy(e -> assertThat(e.get("error")).isNull());
        return log;
    }

    private static void assertNeverOverlapping(List<Map<String, Object>> log) {
        for (int i = 0; i < log.size(); i++) {
            Map<String, Object> e = log.get(i);
            assertThat(e.get("endedAt")).as("clip %d ended: %s", i, e).isNotNull();
            assertThat(ms(e, "endedAt")).isGreaterThan(ms(e, "startedAt"));
            if (i > 0) {
                assertThat(ms(e, "startedAt")).as("clip %d starts after clip %d ended: %s", i, i - 1, log)
                        .isGreaterThanOrEqualTo(ms(log.get(i - 1), "endedAt"));
            }
        }
    }

    private static double ms(Map<String, Object> entry, String key) {
        return ((Number) entry.get(key)).doubleValue();
    }

    private static void openPaired(String voice) {
        String code = agent.pairingCode(DeviceKind.SCREEN);
        driver.get(agent.baseUrl() + "/hall/?voice=" + voice + "&pair=" + code);
        waitFor(d -> DemoBranch.BRANCH.nameVi().equals(d.findElement(By.id("branch-name")).getText().trim()));
        waitFor(d -> "connected".equals(d.findElement(By.id("connection")).getAttribute("data-state")));
    }

    private static Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    private static <T> T waitFor(Function<WebDriver, T> condition) {
        return HeadlessChromium.waitFor(driver, WAIT, condition);
    }

    private static void screenshot(String suffix) throws IOException {
        String target = System.getProperty("hall.screenshot");
        if (target != null) {
            Files.write(Path.of(target.replaceFirst("(\\.png)?$", suffix + ".png")), driver.getScreenshotAs(OutputType.BYTES));
        }
    }
}
