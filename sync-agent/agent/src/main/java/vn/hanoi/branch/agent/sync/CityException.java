package vn.hanoi.branch.agent.sync;

import java.io.IOException;

/** The city answered, but not with success: its status and error code (bilingual message from the city). */
public final class CityException extends IOException {
    private final int status;
    private final String code;

    public CityException(int status, String code, String message) {
        super("city answered " + status + " " + code + ": " + message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** A 4xx other than 401/408/409/429 will not get better by sending the same again. */
    public boolean permanent() {
        return status >= 400 && status < 500 && status != 401 && status != 408 && status != 409 && status != 429;
    }
}
