package vn.hanoi.branch.qr;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * Turns the byte stream of a serial scanner into codes. Bytes are collected until CR or LF and only
 * then decoded, so a multi-byte UTF-8 letter split across two reads is whole again; CR and LF never
 * occur inside a UTF-8 sequence, which makes splitting on the raw bytes safe. Not thread-safe: owned
 * by the reader thread.
 */
final class LineAssembler {
    private final byte[] line;
    private final long quietGapNanos;
    private final ScannerListener sink;
    private int length;
    private int overflow;
    private long lastByteNanos;

    LineAssembler(int maxBytes, long quietGapNanos, ScannerListener sink) {
        this.line = new byte[maxBytes];
        this.quietGapNanos = quietGapNanos;
        this.sink = sink;
    }

    void feed(byte[] data, int n, long nowNanos) {
        idle(nowNanos);
        for (int i = 0; i < n; i++) {
            byte b = data[i];
            if (b == '\r' || b == '\n') {
                endLine();
            } else if (overflow > 0) {
                overflow++;
            } else if (length == line.length) {
                overflow = length + 1;
            } else {
                line[length++] = b;
            }
        }
        lastByteNanos = nowNanos;
    }

    /** Drops a line that stopped arriving: its end was lost, and it must not be glued to the next scan. */
    void idle(long nowNanos) {
        if (pending() > 0 && nowNanos - lastByteNanos > quietGapNanos) {
            abandon();
        }
    }

    /** The port went away: whatever was half received will never be finished. */
    void abandon() {
        int n = pending();
        reset();
        if (n > 0) {
            sink.onDropped(DropReason.INCOMPLETE, n);
        }
    }

    private int pending() {
        return overflow > 0 ? overflow : length;
    }

    private void endLine() {
        if (overflow > 0) {
            int n = overflow;
            reset();
            sink.onDropped(DropReason.OVERLONG, n);
            return;
        }
        if (length == 0) {
            return; // the LF of a CR LF, or an empty line
        }
        int n = length;
        String text = decode();
        reset();
        if (text == null) {
            sink.onDropped(DropReason.NOT_TEXT, n);
        } else {
            sink.onCode(Normalizer.normalize(text, Normalizer.Form.NFC));
        }
    }

    /** @return the line as text, or null when it is not UTF-8 or holds control characters */
    private String decode() {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(line, 0, length))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
        // Tabs are allowed (some scanners are set to send them between fields); other controls are
        // noise or a scanner prefix/suffix nobody configured us for.
        boolean clean = text.codePoints().allMatch(c -> c == '\t' || !Character.isISOControl(c));
        return clean ? text : null;
    }

    private void reset() {
        length = 0;
        overflow = 0;
    }
}
