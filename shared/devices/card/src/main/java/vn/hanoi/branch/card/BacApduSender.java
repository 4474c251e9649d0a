package vn.hanoi.branch.card;

import net.sf.scuba.smartcards.CardService;
import net.sf.scuba.smartcards.CardServiceException;
import net.sf.scuba.smartcards.CommandAPDU;
import net.sf.scuba.smartcards.ISO7816;
import net.sf.scuba.smartcards.ResponseAPDU;
import org.jmrtd.APDULevelBACCapable;
import org.jmrtd.Util;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.IvParameterSpec;
import java.security.GeneralSecurityException;
import java.util.Arrays;

/**
 * The two BAC commands (GET CHALLENGE, EXTERNAL AUTHENTICATE) for JMRTD's {@code BACProtocol}, sent
 * once each. JMRTD's own sender repeats EXTERNAL AUTHENTICATE with another Le whenever the answer
 * is not 9000, so every wrong key guessed from the QR would cost a third APDU; here the repeat is
 * kept for the one case it exists for, a chip refusing Le=40 (6700 / 6Cxx).
 *
 * <p>A chip may refuse GET CHALLENGE after a failed authentication until the applet is selected
 * again: then {@code reselect} runs once and the challenge is asked again.
 */
final class BacApduSender implements APDULevelBACCapable {
    private static final IvParameterSpec ZERO_IV = new IvParameterSpec(new byte[8]);

    private final CardService card;
    private final Reselect reselect;

    interface Reselect {
        void run() throws CardServiceException;
    }

    BacApduSender(CardService card, Reselect reselect) {
        this.card = card;
        this.reselect = reselect;
    }

    @Override
    public byte[] sendGetChallenge() throws CardServiceException {
        ResponseAPDU r = card.transmit(new CommandAPDU(ISO7816.CLA_ISO7816, ISO7816.INS_GET_CHALLENGE, 0, 0, 8));
        if (r.getSW() != 0x9000 || r.getData().length != 8) {
            reselect.run();
            r = card.transmit(new CommandAPDU(ISO7816.CLA_ISO7816, ISO7816.INS_GET_CHALLENGE, 0, 0, 8));
        }
        if (r.getSW() != 0x9000 || r.getData().length != 8) {
            throw new CardServiceException("GET CHALLENGE refused", r.getSW());
        }
        return r.getData();
    }

    @Override
    public byte[] sendMutualAuth(byte[] rndIFD, byte[] rndICC, byte[] kIFD, SecretKey kEnc, SecretKey kMac)
            throws CardServiceException {
        try {
            Cipher cipher = Util.getCipher("DESede/CBC/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, kEnc, ZERO_IV);
            byte[] s = new byte[32];
            System.arraycopy(rndIFD, 0, s, 0, 8);
            System.arraycopy(rndICC, 0, s, 8, 8);
            System.arraycopy(kIFD, 0, s, 16, 16);
            byte[] eIFD = cipher.doFinal(s);
            Mac mac = Mac.getInstance("ISO9797Alg3Mac", Util.getBouncyCastleProvider());
            mac.init(kMac);
            byte[] mIFD = mac.doFinal(Util.pad(eIFD, 8));
            byte[] data = Arrays.copyOf(eIFD, 40);
            System.arraycopy(mIFD, 0, data, 32, 8);

            ResponseAPDU r = card.transmit(new CommandAPDU(ISO7816.CLA_ISO7816, ISO7816.INS_EXTERNAL_AUTHENTICATE, 0, 0, data, 40));
            if (r.getSW() == 0x6700 || (r.getSW() & 0xFF00) == 0x6C00) {
                r = card.transmit(new CommandAPDU(ISO7816.CLA_ISO7816, ISO7816.INS_EXTERNAL_AUTHENTICATE, 0, 0, data, 256));
            }
            byte[] answer = r.getData();
            if (r.getSW() != 0x9000 || answer.length != 40) {
                throw new CardServiceException("EXTERNAL AUTHENTICATE refused", r.getSW());
            }
            mac.init(kMac);
            byte[] expected = mac.doFinal(Util.pad(Arrays.copyOf(answer, 32), 8));
            if (!Arrays.equals(Arrays.copyOf(expected, 8), Arrays.copyOfRange(answer, 32, 40))) {
                throw new CardServiceException("EXTERNAL AUTHENTICATE answer has a wrong MAC");
            }
            cipher.init(Cipher.DECRYPT_MODE, kEnc, ZERO_IV);
            byte[] r2 = cipher.doFinal(answer, 0, 32);
            // The chip must echo both nonces: otherwise the answer is a replay, not this session.
            if (!Arrays.equals(Arrays.copyOf(r2, 8), rndICC) || !Arrays.equals(Arrays.copyOfRange(r2, 8, 16), rndIFD)) {
                throw new CardServiceException("EXTERNAL AUTHENTICATE answer does not echo the nonces");
            }
            return r2;
        } catch (GeneralSecurityException e) {
            throw new CardServiceException("BAC cryptography failed", e);
        }
    }
}
