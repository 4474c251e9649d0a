package vn.hanoi.branch.testkit.city;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the city knows of one upload besides its acknowledged offset: the chunks stored ahead of a gap
 * (contract 1.1 lets a branch keep several chunks in flight, so they can land out of order) and the running
 * SHA-256 of the contiguous bytes. In memory only: after a simulator restart the branch resumes from the
 * acknowledged offset, which is durable, and sends what was ahead again; the hash is then read from the
 * file at completion.
 *
 * <p>Two chunks may write the same bytes at once (a resent chunk while a cut connection's request is still
 * being read): they are the same bytes of the same document, since an upload is bound to its SHA-256, and
 * the hash check at completion catches anything else.
 */
final class UploadProgress {
    /** Chunks stored beyond the acknowledged offset: start to end (exclusive). */
    private final TreeMap<Long, Long> ahead = new TreeMap<>();
    /** SHA-256 of bytes [0, hashedTo); null when not known (the upload began before a simulator restart). */
    private MessageDigest digest;
    private long hashedTo;

    UploadProgress(long ackedOffset) {
        this.digest = ackedOffset == 0 ? newDigest() : null;
    }

    /** A copy of the running hash when a chunk starts where it stands, to go on hashing as the bytes arrive; else null. */
    synchronized MessageDigest continueAt(long start) {
        try {
            return digest != null && hashedTo == start ? (MessageDigest) digest.clone() : null;
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Records a chunk [start, end) that is now stored in {@code part}; returns the new acknowledged offset: the
     * end of the bytes from zero with no gap. {@code inline} is the hash continued over this chunk's bytes, or
     * null. The caller holds this object's lock from reading the acknowledged offset to storing the new one.
     */
    synchronized long landed(long acked, long start, long end, MessageDigest inline, FileChannel part) throws IOException {
        if (end <= acked) {
            return acked; // sent again after a lost answer: already counted
        }
        if (start > acked) {
            ahead.merge(start, end, Math::max);
            return acked;
        }
        if (inline != null && hashedTo == start) {
            digest = inline;
            hashedTo = end;
        } else {
            hashUpTo(part, end);
        }
        long offset = end;
        for (Map.Entry<Long, Long> next = ahead.firstEntry(); next != null && next.getKey() <= offset; next = ahead.firstEntry()) {
            ahead.remove(next.getKey());
            if (next.getValue() > offset) {
                offset = next.getValue();
                hashUpTo(part, offset); // stored earlier, hashed only now that no gap is before it
            }
        }
        return offset;
    }

    /** The running hash when it covers all {@code size} bytes; else null (the caller reads the file). */
    synchronized MessageDigest digestOf(long size) {
        return digest != null && hashedTo == size ? digest : null;
    }

    private void hashUpTo(FileChannel part, long end) throws IOException {
        if (digest == null) {
            return;
        }
        ByteBuffer buf = ByteBuffer.allocate(1 << 20);
        while (hashedTo < end) {
            buf.clear().limit((int) Math.min(buf.capacity(), end - hashedTo));
            int n = part.read(buf, hashedTo);
            if (n <= 0) {
                throw new IOException("upload part shorter than its acknowledged chunks");
            }
            digest.update(buf.array(), 0, n);
            hashedTo += n;
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
