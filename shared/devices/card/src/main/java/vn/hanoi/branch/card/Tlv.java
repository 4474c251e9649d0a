package vn.hanoi.branch.card;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;

/** The few BER-TLV steps LDS files need around ASN.1 content: one-byte tags, definite lengths. */
public final class Tlv {
    private Tlv() {
    }

    public static byte[] wrap(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(value.length + 5);
        out.write(tag);
        writeLength(out, value.length);
        out.writeBytes(value);
        return out.toByteArray();
    }

    public static void writeLength(ByteArrayOutputStream out, int length) {
        if (length < 0x80) {
            out.write(length);
        } else if (length < 0x100) {
            out.write(0x81);
            out.write(length);
        } else if (length < 0x10000) {
            out.write(0x82);
            out.write(length >> 8);
            out.write(length);
        } else {
            out.write(0x83);
            out.write(length >> 16);
            out.write(length >> 8);
            out.write(length);
        }
    }

    /** The value of a TLV with a one-byte tag; the bytes after it are ignored. */
    public static byte[] value(byte[] tlv, int expectedTag) throws IOException {
        if (tlv.length < 2 || (tlv[0] & 0xFF) != expectedTag) {
            throw new IOException(String.format("expected tag %02X", expectedTag));
        }
        int first = tlv[1] & 0xFF;
        int offset = 2;
        int length;
        if (first < 0x80) {
            length = first;
        } else {
            int n = first & 0x7F;
            if (n < 1 || n > 3 || tlv.length < 2 + n) {
                throw new IOException("bad length");
            }
            length = 0;
            for (int i = 0; i < n; i++) {
                length = (length << 8) | (tlv[offset++] & 0xFF);
            }
        }
        if (offset + length > tlv.length) {
            throw new IOException("truncated");
        }
        return Arrays.copyOfRange(tlv, offset, offset + length);
    }
}
