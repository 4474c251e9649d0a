package vn.hanoi.branch.kiosk.settings;

import vn.hanoi.branch.card.CardTerminalWatcher;
import vn.hanoi.branch.i18n.I18n;

import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import java.util.ArrayList;
import java.util.List;

/** The card reader's Test button: the PC/SC readers present, and whether a card lies on each. Blocks. */
public final class CardReaderCheck {
    private CardReaderCheck() {
    }

    /** @param configured a reader name, "auto" or "none" */
    public static CheckResult run(String configured) {
        if ("none".equalsIgnoreCase(configured)) {
            return CheckResult.of(true, "settings.card.none");
        }
        List<String> readers = CardTerminalWatcher.readerNames();
        if (readers.isEmpty()) {
            return CheckResult.of(false, "settings.card.noReaders");
        }
        List<String> vi = new ArrayList<>();
        List<String> en = new ArrayList<>();
        for (String r : readers) {
            boolean card = CardTerminalWatcher.find(r).map(CardReaderCheck::cardPresent).orElse(false);
            vi.add(r + ": " + I18n.text("kiosk", I18n.VI, card ? "settings.card.present" : "settings.card.empty"));
            en.add(r + ": " + I18n.text("kiosk", I18n.EN, card ? "settings.card.present" : "settings.card.empty"));
        }
        boolean found = configured == null || configured.isBlank() || "auto".equalsIgnoreCase(configured)
                || readers.stream().anyMatch(r -> r.contains(configured.strip()));
        String key = found ? "settings.card.readers" : "settings.card.notFound";
        return new CheckResult(found, I18n.text("kiosk", I18n.VI, key, configured) + "\n" + String.join("\n", vi),
                I18n.text("kiosk", I18n.EN, key, configured) + "\n" + String.join("\n", en));
    }

    private static boolean cardPresent(CardTerminal t) {
        try {
            return t.isCardPresent();
        } catch (CardException e) {
            return false;
        }
    }
}
