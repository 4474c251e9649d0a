package vn.hanoi.branch.kiosk.settings;

import vn.hanoi.branch.card.CardException;
import vn.hanoi.branch.code.BookingQr;
import vn.hanoi.branch.code.DossierQr;
import vn.hanoi.branch.qr.ScannedCode;
import vn.hanoi.branch.qr.ScannedCodes;
import vn.hanoi.branch.qr.ScannerListener;
import vn.hanoi.branch.qr.ScannerSettings;
import vn.hanoi.branch.qr.SerialCodeScanner;
import vn.hanoi.branch.code.TicketQr;
import vn.hanoi.branch.i18n.I18n;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The scanner's Test button: listens on the serial port for one scan and says what kind of code it was
 * ({@link ScannedCodes}, as the kiosk would take it). An ID card's data is personal: only its kind is
 * shown. Blocks up to the wait.
 */
public final class ScannerCheck {
    private ScannerCheck() {
    }

    public static CheckResult run(String port, int baud, Duration wait) {
        if (port == null || port.isBlank()) {
            return CheckResult.of(true, "settings.scanner.keyboard");
        }
        CompletableFuture<String> code = new CompletableFuture<>();
        try (SerialCodeScanner scanner = SerialCodeScanner.start(ScannerSettings.of(port.strip(), baud),
                new ScannerListener() {
                    @Override
                    public void onCode(String text) {
                        code.complete(text);
                    }
                })) {
            return describe(code.get(wait.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return CheckResult.of(false, "settings.scanner.nothing", wait.toSeconds());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CheckResult.of(false, "settings.scanner.nothing", wait.toSeconds());
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** What the kiosk makes of a scanned text, without repeating personal data. */
    static CheckResult describe(String text) {
        try {
            ScannedCode c = ScannedCodes.parse(text);
            return switch (c) {
                case ScannedCode.CitizenId id -> CheckResult.of(true, "settings.scanner.citizenId");
                case ScannedCode.Ours(TicketQr t) -> CheckResult.of(true, "settings.scanner.ticket", t.displayNumber());
                case ScannedCode.Ours(BookingQr b) -> CheckResult.of(true, "settings.scanner.booking", b.code());
                case ScannedCode.Ours(DossierQr d) -> CheckResult.of(true, "settings.scanner.dossier", d.code());
            };
        } catch (CardException e) {
            // The scanner works; the code is one the kiosk would refuse, and the citizen would see why.
            return new CheckResult(true,
                    I18n.text("kiosk", I18n.VI, "settings.scanner.other", text.length(),
                            CardException.message(e.reason(), I18n.VI)),
                    I18n.text("kiosk", I18n.EN, "settings.scanner.other", text.length(),
                            CardException.message(e.reason(), I18n.EN)));
        }
    }
}
