package org.mashlive.bench;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

import org.mashlive.TestClients;
import org.mashlive.TestReferrals;

/**
 * Posts new referrals to a backend over plain HTTP/1.1 on kept-alive sockets, each read and written
 * by a virtual thread that blocks on it. A full reactive HTTP client in the load generator spent a
 * large share of the 2 cores it shares with the backend (section 4 used to give the backend barely
 * more than one core); this one writes the request's bytes and reads the status line, the headers
 * and the body's length, so what the machine spends goes to the backend and PostgreSQL.
 *
 * <p>Every post names a new child under a new external reference ({@link TestReferrals#police()}),
 * signs in as the demo duty lead with HTTP Basic and names itself as a program does, exactly as the
 * tests' clients do.
 */
final class Posts implements AutoCloseable {

    /**
     * What one closed-loop run came to: the latencies and refusals recorded, over how many seconds,
     * and how many posts were answered 201 in the whole run, settling included.
     */
    record Run(long[] latencies, long refused, double seconds, long answered) {

        double rate() {
            return latencies.length / seconds;
        }
    }

    private final int port;
    private final byte[] head;
    private final ConcurrentLinkedQueue<Connection> idle = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Connection> all = new ConcurrentLinkedQueue<>();

    Posts(int port) {
        this.port = port;
        var user = (TestClients.User) TestClients.DUTY_LEAD;
        String credentials = user.username() + ":" + user.password();
        this.head = ("POST /api/referrals HTTP/1.1\r\n"
                + "Host: localhost:" + port + "\r\n"
                + "Authorization: Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8))
                + "\r\n"
                + TestClients.CLIENT_HEADER + ": mash-live-bench\r\n"
                + "Content-Type: application/json\r\n"
                + "Accept: application/json\r\n"
                + "Content-Length: ").getBytes(StandardCharsets.US_ASCII);
    }

    /** One post of a new contact, on an idle connection or a new one: its latency in microseconds, or -1 when not answered 201. */
    long post() {
        return post(TestReferrals.police().getBytes(StandardCharsets.UTF_8), 201);
    }

    /** One post of {@code body}: its latency in microseconds, or -1 when not answered {@code expected}. */
    private long post(byte[] body, int expected) {
        var connection = idle.poll();
        try {
            if (connection == null) {
                connection = new Connection(port);
                all.add(connection);
            }
            long latency = connection.post(head, body, expected);
            if (connection.open) {
                idle.add(connection);
            } else {
                all.remove(connection);
            }
            return latency;
        } catch (IOException e) {
            if (connection != null) {
                connection.close();
                all.remove(connection);
            }
            return -1;
        }
    }

    /**
     * {@code clients} posting one after the other, each waiting for its answer before the next, for
     * {@code settle} unrecorded and then {@code measure} recorded.
     */
    Run closedLoop(int clients, Duration settle, Duration measure) {
        var latencies = new ConcurrentLinkedQueue<Long>();
        var refused = new java.util.concurrent.atomic.AtomicLong();
        var answered = new java.util.concurrent.atomic.AtomicLong();
        long start = System.nanoTime();
        long recordFrom = start + settle.toNanos();
        long end = recordFrom + measure.toNanos();
        var threads = new ArrayList<Thread>();
        for (int c = 0; c < clients; c++) {
            threads.add(Thread.ofVirtual().start(() -> {
                long now;
                while ((now = System.nanoTime()) < end) {
                    long latency = post();
                    if (latency >= 0) {
                        answered.incrementAndGet();
                    }
                    if (now >= recordFrom) {
                        if (latency >= 0) {
                            latencies.add(latency);
                        } else {
                            refused.incrementAndGet();
                        }
                    }
                }
            }));
        }
        join(threads);
        return new Run(latencies.stream().mapToLong(Long::longValue).toArray(), refused.get(),
                (end - recordFrom) / 1e9, answered.get());
    }

    /**
     * {@code count} posts arriving as a Poisson process at {@code perSecond} on average: each gap drawn
     * from the exponential distribution, so no arrival keeps step with any timer of the system
     * measured. Seeded, so a run can be repeated. Each arrival is sent by a virtual thread of its own,
     * however many are still waiting for their answers. Their answer latencies, -1 for each refused.
     */
    long[] poisson(int count, double perSecond, long seed) {
        return poisson(count, perSecond, seed, this::post);
    }

    /**
     * {@code count} contacts already received, picked at random from {@code received}, sent again
     * as a Poisson process at {@code perSecond}: each is answered 200 with the referral it made,
     * and nothing is added to the board. Their answer latencies, -1 for each not answered 200.
     */
    long[] poissonRepeats(List<byte[]> received, int count, double perSecond, long seed) {
        // drawn here, not by the threads that send them, which run at once
        int[] picks = new java.util.SplittableRandom(seed + 1).ints(count, 0, received.size()).toArray();
        var next = new java.util.concurrent.atomic.AtomicInteger();
        return poisson(count, perSecond, seed, () -> post(received.get(picks[next.getAndIncrement()]), 200));
    }

    /** Posts {@code count} new contacts one after the other, each answered 201: their bodies. */
    List<byte[]> received(int count) {
        var bodies = new ArrayList<byte[]>(count);
        for (int i = 0; i < count; i++) {
            byte[] body = TestReferrals.police().getBytes(StandardCharsets.UTF_8);
            if (post(body, 201) < 0) {
                throw new IllegalStateException("a new contact was not answered 201");
            }
            bodies.add(body);
        }
        return bodies;
    }

    private long[] poisson(int count, double perSecond, long seed, java.util.function.LongSupplier send) {
        var random = new java.util.SplittableRandom(seed);
        long[] latencies = new long[count];
        var threads = new ArrayList<Thread>(count);
        long start = System.nanoTime();
        long at = start;
        for (int i = 0; i < count; i++) {
            at += (long) (-Math.log(1 - random.nextDouble()) / perSecond * 1e9);
            long due = at;
            while (System.nanoTime() < due) {
                LockSupport.parkNanos(due - System.nanoTime());
            }
            int index = i;
            threads.add(Thread.ofVirtual().start(() -> latencies[index] = send.getAsLong()));
        }
        join(threads);
        return latencies;
    }

    private static void join(List<Thread> threads) {
        for (var thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public void close() {
        all.forEach(Connection::close);
        all.clear();
        idle.clear();
    }

    /** One kept-alive HTTP/1.1 connection. */
    private static final class Connection {

        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private final byte[] line = new byte[8192];
        volatile boolean open = true;

        Connection(int port) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(60_000);
            in = new BufferedInputStream(socket.getInputStream(), 16384);
            out = socket.getOutputStream();
        }

        long post(byte[] head, byte[] body, int expected) throws IOException {
            byte[] length = (body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            byte[] request = new byte[head.length + length.length + body.length];
            System.arraycopy(head, 0, request, 0, head.length);
            System.arraycopy(length, 0, request, head.length, length.length);
            System.arraycopy(body, 0, request, head.length + length.length, body.length);
            long start = System.nanoTime();
            out.write(request);
            out.flush();
            String status = readLine();
            // "HTTP/1.1 201 Created"
            int code = status.length() >= 12 ? Integer.parseInt(status.substring(9, 12)) : 0;
            long contentLength = -1;
            boolean chunked = false;
            String header;
            while (!(header = readLine()).isEmpty()) {
                int colon = header.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String name = header.substring(0, colon).strip();
                String value = header.substring(colon + 1).strip();
                if (name.equalsIgnoreCase("content-length")) {
                    contentLength = Long.parseLong(value);
                } else if (name.equalsIgnoreCase("transfer-encoding") && value.equalsIgnoreCase("chunked")) {
                    chunked = true;
                } else if (name.equalsIgnoreCase("connection") && value.equalsIgnoreCase("close")) {
                    open = false;
                }
            }
            if (chunked) {
                long size;
                while ((size = Long.parseLong(readLine().split(";")[0].strip(), 16)) > 0) {
                    skip(size);
                    readLine();
                }
                while (!readLine().isEmpty()) {
                    // trailers
                }
            } else if (contentLength > 0) {
                skip(contentLength);
            }
            long latency = (System.nanoTime() - start) / 1000;
            if (!open) {
                close();
            }
            return code == expected ? latency : -1;
        }

        private String readLine() throws IOException {
            int n = 0;
            int b;
            while ((b = in.read()) != '\n') {
                if (b < 0) {
                    throw new EOFException("the backend closed the connection");
                }
                if (b != '\r' && n < line.length) {
                    line[n++] = (byte) b;
                }
            }
            return new String(line, 0, n, StandardCharsets.ISO_8859_1);
        }

        private void skip(long bytes) throws IOException {
            long left = bytes;
            while (left > 0) {
                long skipped = in.skip(left);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new EOFException("the backend closed the connection mid-answer");
                    }
                    skipped = 1;
                }
                left -= skipped;
            }
        }

        void close() {
            open = false;
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }
}
