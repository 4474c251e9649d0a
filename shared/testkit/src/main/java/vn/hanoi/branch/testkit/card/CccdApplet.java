package vn.hanoi.branch.testkit.card;

import vn.hanoi.branch.card.CardAccess;

import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Plays a CCCD chip at the APDU level: the eMRTD application with BAC and secure messaging over
 * the files of {@link CccdCardFiles}. It answers what JMRTD and real readers send: SELECT of the
 * application and of files, GET CHALLENGE, EXTERNAL AUTHENTICATE (BAC, 3DES), and under secure
 * messaging (DO'87/'85 data, DO'97 Le, DO'99 status, DO'8E MAC) SELECT and READ BINARY, including
 * READ BINARY by short file identifier and the odd-INS form with a DO'54 offset for offsets past
 * 32767. Errors give the usual status words: 6A82 file or application not found, 6982 security
 * status not satisfied, 6985 no challenge, 6300 authentication failed, 6988 bad secure messaging
 * (which also ends the session, as chips do), 6B00 offset past the end, 6D00 unknown instruction.
 *
 * <p>Fault switches for tests: {@link #notACitizenCard()} (a card without the application) and
 * {@link #removeAfter(int)} (the card leaves the field after N APDUs: {@link #process} then throws
 * {@link Removed} and the transport drops the card). Tampering and forgery are in the files.
 */
public final class CccdApplet {
    /** A contactless ISO 14443-4 card without historical bytes, T=1. */
    public static final byte[] ATR = {0x3B, (byte) 0x80, (byte) 0x80, 0x01, 0x01};
    static final byte[] EMRTD_AID = {(byte) 0xA0, 0x00, 0x00, 0x02, 0x47, 0x10, 0x01};
    private static final Map<Integer, Short> SFI = Map.of(0x01, (short) 0x0101, 0x02, (short) 0x0102,
            0x0D, (short) 0x010D, 0x1D, (short) 0x011D, 0x1E, (short) 0x011E);

    /** The card left the reader's field. */
    public static final class Removed extends RuntimeException {
        Removed() {
            super("card removed", null, false, false);
        }
    }

    private final Map<Short, byte[]> files;
    private final byte[] bacSeed;
    private final boolean hasApplication;
    private final SecureRandom random = new SecureRandom();

    private int removeAfter = -1;
    private int apdus;
    private boolean removed;
    private boolean selected;
    private byte[] challenge;
    private SecureChannel session;
    private short currentFile = -1;

    private CccdApplet(Map<Short, byte[]> files, CardAccess key, boolean hasApplication) {
        this.files = new HashMap<>(files);
        this.bacSeed = key == null ? null
                : SecureChannel.mrzKeySeed(key.documentNumber(), key.dateOfBirth(), key.dateOfExpiry());
        this.hasApplication = hasApplication;
    }

    public static CccdApplet of(CccdCardFiles card) {
        return new CccdApplet(card.files(), card.accessKey(), true);
    }

    /** Files and the key that opens them, e.g. a card built by hand in a test. */
    public static CccdApplet of(Map<Short, byte[]> files, CardAccess key) {
        return new CccdApplet(files, key, true);
    }

    /** A chip card of another kind (a bank card, a transport card): no eMRTD application. */
    public static CccdApplet notACitizenCard() {
        return new CccdApplet(Map.of(), null, false);
    }

    /** The card leaves the field when APDU number {@code n + 1} arrives; negative: never. */
    public synchronized CccdApplet removeAfter(int n) {
        this.removeAfter = n;
        return this;
    }

    /** APDUs received since the card was made (the one that found it removed included). */
    public synchronized int apdus() {
        return apdus;
    }

    public synchronized boolean removed() {
        return removed;
    }

    /** Power cycle or warm reset: the application is deselected and the session ends. */
    public synchronized void reset() {
        selected = false;
        challenge = null;
        session = null;
        currentFile = -1;
    }

    /**
     * Answers one command APDU with a response APDU (data and status word).
     *
     * @throws Removed when the card has left the field
     */
    public synchronized byte[] process(byte[] command) {
        apdus++;
        if (removed || (removeAfter >= 0 && apdus > removeAfter)) {
            removed = true;
            reset();
            throw new Removed();
        }
        Apdu c;
        try {
            c = Apdu.parse(command);
        } catch (IllegalArgumentException e) {
            return sw(0x6700);
        }
        if ((c.cla & 0x0C) == 0x0C) {
            return secure(c, command);
        }
        if (c.cla != 0x00) {
            return sw(0x6E00);
        }
        return switch (c.ins) {
            case 0xA4 -> plainSelect(c);
            case 0x84 -> getChallenge(c);
            case 0x82 -> externalAuthenticate(c);
            case 0xB0, 0xB1 -> sw(selected ? 0x6982 : 0x6A82);
            default -> sw(0x6D00);
        };
    }

    private byte[] plainSelect(Apdu c) {
        if (c.p1 == 0x04) {
            if (hasApplication && Arrays.equals(c.data, EMRTD_AID)) {
                reset();
                selected = true;
                return sw(0x9000);
            }
            return sw(0x6A82);
        }
        if (c.p1 == 0x00 && Arrays.equals(c.data, new byte[]{0x3F, 0x00})) {
            reset();
            return sw(0x9000);
        }
        // Files of the application only under secure messaging; EF.CardAccess (PACE) is not there.
        return sw(selected ? 0x6982 : 0x6A82);
    }

    private byte[] getChallenge(Apdu c) {
        if (!hasApplication || !selected) {
            return sw(hasApplication ? 0x6985 : 0x6D00);
        }
        if (c.le != 8) {
            return sw(0x6700);
        }
        session = null;
        challenge = new byte[8];
        random.nextBytes(challenge);
        return withSw(challenge, 0x9000);
    }

    private byte[] externalAuthenticate(Apdu c) {
        if (!selected || challenge == null) {
            return sw(0x6985);
        }
        if (c.data.length != 40) {
            return sw(0x6700);
        }
        byte[] rndIcc = challenge;
        challenge = null;
        byte[] kEnc = SecureChannel.deriveKey(bacSeed, 1);
        byte[] kMac = SecureChannel.deriveKey(bacSeed, 2);
        byte[] eIfd = Arrays.copyOf(c.data, 32);
        byte[] mIfd = Arrays.copyOfRange(c.data, 32, 40);
        if (!Arrays.equals(SecureChannel.retailMac(kMac, eIfd), mIfd)) {
            return sw(0x6300);
        }
        byte[] s = SecureChannel.tdes(javax.crypto.Cipher.DECRYPT_MODE, kEnc, eIfd);
        if (!Arrays.equals(Arrays.copyOfRange(s, 8, 16), rndIcc)) {
            return sw(0x6300);
        }
        byte[] rndIfd = Arrays.copyOf(s, 8);
        byte[] kIfd = Arrays.copyOfRange(s, 16, 32);
        byte[] kIcc = new byte[16];
        random.nextBytes(kIcc);
        byte[] r = SecureChannel.concat(rndIcc, rndIfd, kIcc);
        byte[] eIcc = SecureChannel.tdes(javax.crypto.Cipher.ENCRYPT_MODE, kEnc, r);
        byte[] mIcc = SecureChannel.retailMac(kMac, eIcc);

        byte[] seed = new byte[16];
        for (int i = 0; i < 16; i++) {
            seed[i] = (byte) (kIfd[i] ^ kIcc[i]);
        }
        long ssc = 0;
        for (int i = 4; i < 8; i++) {
            ssc = (ssc << 8) | (rndIcc[i] & 0xFF);
        }
        for (int i = 4; i < 8; i++) {
            ssc = (ssc << 8) | (rndIfd[i] & 0xFF);
        }
        session = new SecureChannel(seed, ssc);
        currentFile = -1;
        return withSw(SecureChannel.concat(eIcc, mIcc), 0x9000);
    }

    /** A command under secure messaging: check the MAC, decrypt, run it, wrap the answer. */
    private byte[] secure(Apdu c, byte[] raw) {
        if (session == null) {
            return sw(0x6982);
        }
        byte[] cryptogram = null;
        byte[] do8x = new byte[0];
        byte[] do97 = new byte[0];
        byte[] mac = null;
        int le = 0;
        int i = 0;
        byte[] d = c.data;
        try {
            while (i < d.length) {
                int start = i;
                int tag = d[i++] & 0xFF;
                int len = d[i++] & 0xFF;
                if (len == 0x81) {
                    len = d[i++] & 0xFF;
                } else if (len == 0x82) {
                    len = ((d[i] & 0xFF) << 8) | (d[i + 1] & 0xFF);
                    i += 2;
                } else if (len > 0x82) {
                    throw new IllegalArgumentException();
                }
                byte[] value = Arrays.copyOfRange(d, i, i + len);
                i += len;
                switch (tag) {
                    case 0x87 -> {
                        do8x = Arrays.copyOfRange(d, start, i);
                        cryptogram = Arrays.copyOfRange(value, 1, value.length);
                    }
                    case 0x85 -> {
                        do8x = Arrays.copyOfRange(d, start, i);
                        cryptogram = value;
                    }
                    case 0x97 -> {
                        do97 = Arrays.copyOfRange(d, start, i);
                        le = value.length == 1 ? (value[0] == 0 ? 256 : value[0] & 0xFF)
                                : ((value[0] & 0xFF) << 8 | (value[1] & 0xFF)) == 0 ? 65536
                                : (value[0] & 0xFF) << 8 | (value[1] & 0xFF);
                    }
                    case 0x8E -> mac = value;
                    default -> throw new IllegalArgumentException();
                }
            }
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            session = null;
            return sw(0x6988);
        }
        byte[] header = SecureChannel.pad(new byte[]{(byte) c.cla, (byte) c.ins, (byte) c.p1, (byte) c.p2});
        byte[] macInput = SecureChannel.concat(session.nextSsc(), header, do8x, do97);
        if (mac == null || !Arrays.equals(session.mac(macInput), mac)) {
            session = null;
            return sw(0x6988);
        }
        byte[] data = new byte[0];
        if (cryptogram != null) {
            try {
                data = SecureChannel.unpad(session.decrypt(cryptogram));
            } catch (IllegalArgumentException e) {
                session = null;
                return sw(0x6988);
            }
        }
        Answer a = switch (c.ins) {
            case 0xA4 -> selectFile(c, data);
            case 0xB0 -> readBinary(c, le);
            case 0xB1 -> readBinaryOdd(c, data, le);
            default -> new Answer(new byte[0], 0x6D00);
        };
        if (a.sw != 0x9000 && a.sw != 0x6282) {
            // Errors go back unprotected; the reader then does not count a response either.
            return sw(a.sw);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (a.data.length > 0) {
            byte[] enc = session.encrypt(SecureChannel.pad(a.data));
            boolean odd = (c.ins & 1) == 1;
            body.write(odd ? 0x85 : 0x87);
            writeLength(body, enc.length + (odd ? 0 : 1));
            if (!odd) {
                body.write(0x01);
            }
            body.writeBytes(enc);
        }
        body.writeBytes(new byte[]{(byte) 0x99, 0x02, (byte) (a.sw >> 8), (byte) a.sw});
        byte[] rmac = session.mac(SecureChannel.concat(session.nextSsc(), body.toByteArray()));
        body.writeBytes(new byte[]{(byte) 0x8E, 0x08});
        body.writeBytes(rmac);
        return withSw(body.toByteArray(), 0x9000);
    }

    private Answer selectFile(Apdu c, byte[] fid) {
        if (fid.length != 2 || (c.p1 != 0x02 && c.p1 != 0x00)) {
            return new Answer(new byte[0], 0x6A86);
        }
        short f = (short) (((fid[0] & 0xFF) << 8) | (fid[1] & 0xFF));
        if (!files.containsKey(f)) {
            return new Answer(new byte[0], 0x6A82);
        }
        currentFile = f;
        return new Answer(new byte[0], 0x9000);
    }

    private Answer readBinary(Apdu c, int le) {
        int offset;
        if ((c.p1 & 0x80) != 0) {
            Short f = SFI.get(c.p1 & 0x1F);
            if (f == null || !files.containsKey(f)) {
                return new Answer(new byte[0], 0x6A82);
            }
            currentFile = f;
            offset = c.p2;
        } else {
            offset = ((c.p1 & 0x7F) << 8) | c.p2;
        }
        return slice(offset, le);
    }

    /** READ BINARY with odd INS: offset in DO'54, answer in DO'53 (its header counts in Le). */
    private Answer readBinaryOdd(Apdu c, byte[] data, int le) {
        if (c.p1 != 0 || c.p2 != 0) {
            short f = (short) ((c.p1 << 8) | c.p2);
            if (!files.containsKey(f)) {
                return new Answer(new byte[0], 0x6A82);
            }
            currentFile = f;
        }
        if (data.length < 3 || data[0] != 0x54 || data[1] != data.length - 2 || data[1] > 3) {
            return new Answer(new byte[0], 0x6A80);
        }
        int offset = 0;
        for (int i = 2; i < data.length; i++) {
            offset = (offset << 8) | (data[i] & 0xFF);
        }
        int room = le - 2 >= 128 ? le - 3 : le - 2;
        Answer a = slice(offset, Math.max(room, 0));
        if (a.sw != 0x9000 && a.sw != 0x6282) {
            return a;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x53);
        writeLength(out, a.data.length);
        out.writeBytes(a.data);
        return new Answer(out.toByteArray(), a.sw);
    }

    private Answer slice(int offset, int le) {
        if (currentFile < 0) {
            return new Answer(new byte[0], 0x6986);
        }
        byte[] file = files.get(currentFile);
        if (offset >= file.length) {
            return new Answer(new byte[0], 0x6B00);
        }
        int n = Math.min(le, file.length - offset);
        return new Answer(Arrays.copyOfRange(file, offset, offset + n), n < le ? 0x6282 : 0x9000);
    }

    private record Answer(byte[] data, int sw) {
    }

    private static void writeLength(ByteArrayOutputStream out, int length) {
        if (length < 0x80) {
            out.write(length);
        } else if (length < 0x100) {
            out.write(0x81);
            out.write(length);
        } else {
            out.write(0x82);
            out.write(length >> 8);
            out.write(length);
        }
    }

    private static byte[] sw(int sw) {
        return new byte[]{(byte) (sw >> 8), (byte) sw};
    }

    private static byte[] withSw(byte[] data, int sw) {
        byte[] out = Arrays.copyOf(data, data.length + 2);
        out[data.length] = (byte) (sw >> 8);
        out[data.length + 1] = (byte) sw;
        return out;
    }

    /** A command APDU in short or extended form. {@code le} 0 means no Le. */
    private record Apdu(int cla, int ins, int p1, int p2, byte[] data, int le) {
        static Apdu parse(byte[] b) {
            if (b.length < 4) {
                throw new IllegalArgumentException("short APDU");
            }
            int cla = b[0] & 0xFF;
            int ins = b[1] & 0xFF;
            int p1 = b[2] & 0xFF;
            int p2 = b[3] & 0xFF;
            if (b.length == 4) {
                return new Apdu(cla, ins, p1, p2, new byte[0], 0);
            }
            if (b.length == 5) {
                return new Apdu(cla, ins, p1, p2, new byte[0], b[4] == 0 ? 256 : b[4] & 0xFF);
            }
            if (b[4] != 0) {
                int lc = b[4] & 0xFF;
                if (b.length == 5 + lc) {
                    return new Apdu(cla, ins, p1, p2, Arrays.copyOfRange(b, 5, 5 + lc), 0);
                }
                if (b.length == 6 + lc) {
                    int le = b[5 + lc] & 0xFF;
                    return new Apdu(cla, ins, p1, p2, Arrays.copyOfRange(b, 5, 5 + lc), le == 0 ? 256 : le);
                }
                throw new IllegalArgumentException("bad length");
            }
            int n = ((b[5] & 0xFF) << 8) | (b[6] & 0xFF);
            if (b.length == 7) {
                return new Apdu(cla, ins, p1, p2, new byte[0], n == 0 ? 65536 : n);
            }
            if (b.length == 7 + n) {
                return new Apdu(cla, ins, p1, p2, Arrays.copyOfRange(b, 7, 7 + n), 0);
            }
            if (b.length == 9 + n) {
                int le = ((b[7 + n] & 0xFF) << 8) | (b[8 + n] & 0xFF);
                return new Apdu(cla, ins, p1, p2, Arrays.copyOfRange(b, 7, 7 + n), le == 0 ? 65536 : le);
            }
            throw new IllegalArgumentException("bad length");
        }
    }
}
