package vn.hanoi.branch.certify;

/**
 * The branch's signing key cannot be used. The message names the file and the cause, never the
 * password; {@link #reason()} lets the counter show the clerk what to do (type the password again,
 * ask for a renewed certificate, …).
 */
public final class SigningKeyException extends Exception {

    public enum Reason {
        /** Not a PKCS#12 file, or it cannot be read. */
        UNREADABLE,
        /** The password does not open the file or its key. */
        WRONG_PASSWORD,
        /** The password file may be read by others than its owner. */
        PASSWORD_FILE_EXPOSED,
        /** The file holds certificates only. */
        NO_KEY,
        EXPIRED,
        NOT_YET_VALID,
        /** The certificate is not meant for signing documents (key usage or extended key usage). */
        KEY_USAGE
    }

    private final Reason reason;

    public SigningKeyException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public SigningKeyException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
