package vn.hanoi.branch.testkit.city;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The running SHA-256 of one upload's acknowledged bytes, so completion need not read the file again. In
 * memory only: after a simulator restart the hash is read from the file at completion.
 *
 * <p>Two requests may write the same bytes at once (the branch resumed while the city was still reading the
 * request of a cut connection): they are the same bytes of the same document, since an upload is bound to
 * its SHA-256, and the check at completion catches anything else. Whichever acknowledges first is hashed
 * as it arrived; the other's bytes past that are read back from the file.
 */
final class UploadProgress {
    /** SHA-256 of bytes [0, hashedTo); null when not known (the upload began before a simulator restart). */
    private MessageDigest digest;
    private long hashedTo;

    UploadProgress(long ackedOffset) {
        this.digest = ackedOffset == 0 ? newDigest() : null;
    }

    /** A copy of the running hash when a request starts where it stands, to go on hashing as bytes arrive; else null. */
    synchronized MessageDigest continueAt(long start) {
        return digest != null && hashedTo == start ? copy(digest) : null;
    }

    /**
     * Records bytes [start, end) now durable in {@code part}; returns the new acknowledged offset. {@code inline}
     * is the request's running hash up to {@code end} (it goes on hashing: a copy is kept), or null. The caller
     * holds this object's lock from reading the acknowledged offset to storing the new one.
     */
    synchronized long landed(long acked, long start, long end, MessageDigest inline, FileChannel part) throws IOException {
        if (end <= acked) {
            return acked; // sent again after a lost answer: already counted
        }
        if (inline != null && hashedTo == start) {
            digest = copy(inline);
            hashedTo = end;
        } else if (digest != null) {
            ByteBuffer buf = ByteBuffer.allocate(1 << 20);
            while (hashedTo < end) {
                buf.clear().limit((int) Math.min(buf.capacity(), end - hashedTo));
                int n = part.read(buf, hashedTo);
                if (n <= 0) {
                    throw new IOException("upload part shorter than its acknowledged bytes");
                }
                digest.update(buf.array(), 0, n);
                hashedTo += n;
            }
        }
        return end;
    }

    /** The running hash when it covers all {@code size} bytes; else null (the caller reads the file). */
    synchronized MessageDigest digestOf(long size) {
        return digest != null && hashedTo == size ? digest : null;
    }

    private static MessageDigest copy(MessageDigest md) {
        try {
            return (MessageDigest) md.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
