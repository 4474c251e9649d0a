package vn.hanoi.branch.testkit.scan;

import vn.hanoi.branch.scan.ScanSource;
import vn.hanoi.branch.scan.ScanSourcePlugin;

/** Registers the demo's {@link SimulatedScanner} as {@code --scanner sim} where the testkit is on the class path. */
public final class SimulatedScannerPlugin implements ScanSourcePlugin {
    @Override
    public String name() {
        return "sim";
    }

    @Override
    public ScanSource open() {
        return SimulatedScanner.demo();
    }
}
