package vn.hanoi.branch.scan;

import java.util.Locale;

/**
 * What SANE reports (its status strings, as scanimage prints them) turned into what the clerk reads, in
 * Vietnamese and English. "Document feeder out of documents" is not an error: it ends a feeder batch.
 */
public final class SaneMessages {
    private SaneMessages() {
    }

    /** True when scanimage's message only says the feeder is empty (the normal end of a batch). */
    public static boolean endOfBatch(String stderr) {
        return stderr != null && stderr.toLowerCase(Locale.ROOT).contains("out of documents");
    }

    /** The error for what scanimage wrote to stderr (the last "scanimage: ..." line matters). */
    public static ScanException fromStderr(String stderr, String device) {
        String s = stderr == null ? "" : stderr.toLowerCase(Locale.ROOT);
        if (s.contains("no sane devices found") || s.contains("open of device") || s.contains("no scanners")) {
            return noScanner(device);
        }
        if (s.contains("jammed")) {
            return jammed();
        }
        if (s.contains("cover is open")) {
            return new ScanException("cover_open", "Nắp máy quét đang mở. Vui lòng đóng nắp rồi quét lại.",
                    "The scanner cover is open. Close it and scan again.");
        }
        if (s.contains("device busy")) {
            return new ScanException("busy", "Máy quét đang bận (đang quét cho chương trình khác). Vui lòng chờ rồi thử lại.",
                    "The scanner is busy (another program is using it). Wait and try again.");
        }
        if (s.contains("access to resource has been denied")) {
            return new ScanException("scanner_failed", "Không có quyền dùng máy quét. Vui lòng báo bộ phận IT.",
                    "No permission to use the scanner. Please call IT.");
        }
        String last = lastLine(stderr);
        return new ScanException("scanner_failed", "Máy quét báo lỗi: " + last + ". Vui lòng thử lại.",
                "The scanner reported an error: " + last + ". Please try again.");
    }

    public static ScanException jammed() {
        return new ScanException("jammed",
                "Kẹt giấy trong khay nạp. Vui lòng gỡ tờ bị kẹt rồi quét lại các trang còn lại; các trang đã quét vẫn được giữ.",
                "Paper jam in the feeder. Remove the jammed sheet and scan the remaining pages; pages already scanned are kept.");
    }

    public static ScanException noScanner(String device) {
        String which = device == null ? "" : " (" + device + ")";
        return new ScanException("no_scanner",
                "Không tìm thấy máy quét" + which + ". Kiểm tra cáp và nguồn của máy quét.",
                "No scanner found" + which + ". Check the scanner's cable and power.");
    }

    private static String lastLine(String stderr) {
        if (stderr == null || stderr.isBlank()) {
            return "?";
        }
        String[] lines = stderr.strip().split("\\R");
        String l = lines[lines.length - 1];
        return l.startsWith("scanimage: ") ? l.substring("scanimage: ".length()) : l;
    }
}
