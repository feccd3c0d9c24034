package org.mashlive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ports for servers a test starts itself and must know the port of beforehand (a process of its
 * own, Prometheus, a mail server). The system chooses a free port; one already handed out in this
 * JVM is never handed out again, so two servers of one test never get the same port. Where a
 * server can bind port 0 and say which port it got, that is better still.
 */
public final class TestPorts {

    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private TestPorts() {
    }

    public static int free() {
        while (true) {
            int port;
            try (var socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException("No free port: " + e.getMessage(), e);
            }
            if (HANDED_OUT.add(port)) {
                return port;
            }
        }
    }
}
