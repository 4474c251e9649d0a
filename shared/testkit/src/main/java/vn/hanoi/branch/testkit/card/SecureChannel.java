package vn.hanoi.branch.testkit.card;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * The card's half of ICAO 9303 BAC cryptography with 3DES (two-key): key derivation from the MRZ
 * data or a key seed, 3DES-CBC with a zero IV, the ISO 9797-1 algorithm 3 "retail" MAC with
 * method-2 padding, and the send sequence counter of a secure-messaging session. Written from the
 * standard on the JDK's own DES, independently of JMRTD, so reading through JMRTD tests both ends.
 */
final class SecureChannel {
    private final byte[] kEnc;
    private final byte[] kMac;
    private long ssc;

    SecureChannel(byte[] keySeed, long ssc) {
        this.kEnc = deriveKey(keySeed, 1);
        this.kMac = deriveKey(keySeed, 2);
        this.ssc = ssc;
    }

    /** The BAC key seed: SHA-1 of the MRZ's document number, birth date and expiry, each with its check digit. */
    static byte[] mrzKeySeed(String documentNumber, String dateOfBirth, String dateOfExpiry) {
        String doc = (documentNumber + "<<<<<<<<<").substring(0, Math.max(9, documentNumber.length()));
        String info = doc + checkDigit(doc) + dateOfBirth + checkDigit(dateOfBirth) + dateOfExpiry + checkDigit(dateOfExpiry);
        return Arrays.copyOf(sha1(info.getBytes(StandardCharsets.US_ASCII)), 16);
    }

    /** ICAO 9303 check digit: weights 7, 3, 1; digits as such, A-Z as 10-35, filler as 0. */
    static char checkDigit(String s) {
        int[] weights = {7, 3, 1};
        int sum = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int v = c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'Z' ? c - 'A' + 10 : 0;
            sum += v * weights[i % 3];
        }
        return (char) ('0' + sum % 10);
    }

    static byte[] deriveKey(byte[] seed, int counter) {
        byte[] d = sha1(concat(seed, new byte[]{0, 0, 0, (byte) counter}));
        byte[] k = new byte[24];
        System.arraycopy(d, 0, k, 0, 16);
        System.arraycopy(d, 0, k, 16, 8);
        return k;
    }

    byte[] encrypt(byte[] data) {
        return tdes(Cipher.ENCRYPT_MODE, kEnc, data);
    }

    byte[] decrypt(byte[] data) {
        return tdes(Cipher.DECRYPT_MODE, kEnc, data);
    }

    byte[] mac(byte[] data) {
        return retailMac(kMac, data);
    }

    /** The counter, incremented first, as the 8 bytes that start every MAC input. */
    byte[] nextSsc() {
        ssc++;
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (ssc >>> (56 - 8 * i));
        }
        return b;
    }

    static byte[] tdes(int mode, byte[] key24, byte[] data) {
        try {
            Cipher c = Cipher.getInstance("DESede/CBC/NoPadding");
            c.init(mode, new SecretKeySpec(key24, "DESede"), new IvParameterSpec(new byte[8]));
            return c.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** ISO 9797-1 MAC algorithm 3 over {@code pad(data)}: DES-CBC with K1, then decrypt K2, encrypt K1. */
    static byte[] retailMac(byte[] key24, byte[] data) {
        try {
            byte[] padded = pad(data);
            Cipher k1 = Cipher.getInstance("DES/ECB/NoPadding");
            k1.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Arrays.copyOfRange(key24, 0, 8), "DES"));
            Cipher k2 = Cipher.getInstance("DES/ECB/NoPadding");
            k2.init(Cipher.DECRYPT_MODE, new SecretKeySpec(Arrays.copyOfRange(key24, 8, 16), "DES"));
            byte[] h = new byte[8];
            for (int off = 0; off < padded.length; off += 8) {
                for (int i = 0; i < 8; i++) {
                    h[i] ^= padded[off + i];
                }
                h = k1.doFinal(h);
            }
            return k1.doFinal(k2.doFinal(h));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** ISO 9797-1 padding method 2: 0x80, then zeros to a multiple of 8. */
    static byte[] pad(byte[] data) {
        byte[] out = Arrays.copyOf(data, (data.length / 8 + 1) * 8);
        out[data.length] = (byte) 0x80;
        return out;
    }

    static byte[] unpad(byte[] data) {
        int i = data.length - 1;
        while (i >= 0 && data[i] == 0) {
            i--;
        }
        if (i < 0 || data[i] != (byte) 0x80) {
            throw new IllegalArgumentException("bad padding");
        }
        return Arrays.copyOf(data, i);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static byte[] sha1(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
