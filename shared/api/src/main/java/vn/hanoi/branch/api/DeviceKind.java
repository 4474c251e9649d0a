package vn.hanoi.branch.api;

/** What a paired device is; the agent grants each kind only the calls it needs. */
public enum DeviceKind { KIOSK, COUNTER, SCREEN }
