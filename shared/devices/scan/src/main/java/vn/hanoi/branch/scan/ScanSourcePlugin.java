package vn.hanoi.branch.scan;

/**
 * A scan source that is not a device, found on the class path by its name (ServiceLoader): the
 * testkit's simulated scanner registers as {@code sim} for the demo and the tests. Installed packages
 * carry none.
 */
public interface ScanSourcePlugin {
    /** The {@code --scanner} value that picks it ({@code sim}). */
    String name();

    ScanSource open();
}
