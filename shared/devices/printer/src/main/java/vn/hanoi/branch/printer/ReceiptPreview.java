package vn.hanoi.branch.printer;

import java.awt.image.BufferedImage;
import java.util.function.Consumer;

/** A printer whose receipts can be shown on screen (the demo's virtual printer). */
public interface ReceiptPreview {
    void addListener(Consumer<BufferedImage> onReceipt);
}
