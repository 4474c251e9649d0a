package vn.hanoi.branch.agent.testing;

import java.io.InputStream;
import java.util.SplittableRandom;

/** Pseudo-random bytes of a given length, made as they are read (a scan stand-in that compresses as badly). */
public final class RandomBytes extends InputStream {
    private final SplittableRandom random;
    private long left;

    public RandomBytes(long size, long seed) {
        this.left = size;
        this.random = new SplittableRandom(seed);
    }

    @Override
    public int read() {
        if (left <= 0) {
            return -1;
        }
        left--;
        return random.nextInt(256);
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (left <= 0) {
            return -1;
        }
        int n = (int) Math.min(len, left);
        for (int i = 0; i < n; i += 8) {
            long v = random.nextLong();
            for (int k = 0; k < 8 && i + k < n; k++) {
                b[off + i + k] = (byte) (v >>> (8 * k));
            }
        }
        left -= n;
        return n;
    }
}
