package vn.hanoi.branch.agent.sync;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;

/**
 * Sends one document's chunks from the city's acknowledged offset with several in flight, each on its own
 * connection, so the link does not idle while a chunk waits for its acknowledgement (measured: that wait
 * cost about a tenth of the upload rate). The city says how far ahead it takes chunks (contract 1.1,
 * {@code window}); a 1.0 city does not, and gets one chunk at a time as before. Chunks may land out of order;
 * the city acknowledges the bytes from zero with no gap, which is where a cut upload resumes.
 */
final class ChunkPipeline {
    private final CityClient city;
    private final int chunkBytes;
    private final int maxInFlight;
    private final BandwidthCap cap;

    ChunkPipeline(CityClient city, int chunkBytes, int maxInFlight, BandwidthCap cap) {
        this.city = city;
        this.chunkBytes = chunkBytes;
        this.maxInFlight = maxInFlight;
        this.cap = cap;
    }

    /** Chunks in flight for an upload: as many as fit the city's window, so none is refused for running ahead. */
    int depth(CityClient.Upload u) {
        return (int) Math.max(1, Math.min(maxInFlight, u.window() / chunkBytes));
    }

    private record Sent(long end, Future<CityClient.Upload> answer) {
    }

    /**
     * Sends {@code file} until the city holds all of it; {@code acked} hears each acknowledged offset. On a
     * failure the chunks still in flight are cut and the exception thrown: the next round resumes.
     */
    void send(CityClient.Upload u, Path file, LongConsumer acked) throws IOException, InterruptedException {
        int depth = depth(u);
        long offset = u.ackedOffset();
        long next = offset;
        ArrayDeque<Sent> inFlight = new ArrayDeque<>();
        try (ExecutorService senders = Executors.newFixedThreadPool(depth,
                Thread.ofPlatform().name("city-upload-", 1).daemon(true).factory())) {
            try {
                while (offset < u.size()) {
                    while (inFlight.size() < depth && next < u.size()) {
                        long start = next;
                        long len = Math.min(chunkBytes, u.size() - start);
                        inFlight.add(new Sent(start + len,
                                senders.submit(() -> city.putChunk(u.uploadId(), file, start, len, u.size(), cap))));
                        next += len;
                    }
                    Sent oldest = inFlight.removeFirst();
                    offset = answer(oldest).ackedOffset(); // every chunk before it was answered: the city's word
                    if (offset < oldest.end()) {
                        // Not taken (a 409: the city wants another offset, e.g. it lost what was ahead of a gap). The
                        // chunks behind it were sent for a position it does not hold: let them end, ask where it
                        // stands, go on from there.
                        while (!inFlight.isEmpty()) {
                            answer(inFlight.removeFirst());
                        }
                        offset = city.upload(u.uploadId()).ackedOffset();
                        next = offset;
                    }
                    acked.accept(offset);
                }
            } catch (IOException | InterruptedException | RuntimeException e) {
                if (!inFlight.isEmpty()) {
                    city.cancelCalls(); // a cut link or a stop: end the other chunks now, not after their timeout
                }
                throw e;
            }
        }
    }

    private static CityClient.Upload answer(Sent s) throws IOException, InterruptedException {
        try {
            return s.answer().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(e.getCause());
        }
    }
}
