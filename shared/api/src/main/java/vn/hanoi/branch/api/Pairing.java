package vn.hanoi.branch.api;

import java.time.Instant;

/** Pairing of a device with the agent: IT creates a short-lived code, the device trades it for a token. */
public final class Pairing {
    private Pairing() {
    }

    public record CodeRequest(DeviceKind kind, String name) {
    }

    public record Code(String code, DeviceKind kind, String name, Instant expiresAt) {
    }

    public record Request(String code, String deviceName) {
    }

    public record Result(long deviceId, DeviceKind kind, String name, String token) {
    }
}
