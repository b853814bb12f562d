package io.schemaspring.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy on 127.0.0.1 in front of a server that can black-hole the network: while
 * {@link #blackHole()} holds, nothing crosses in either direction and nothing is closed,
 * as when a firewall drops packets; {@link #heal()} drops the connections the partition
 * broke and lets new ones through.
 */
final class BlackHoleProxy implements AutoCloseable {

    private final ServerSocket server;

    private final int targetPort;

    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

    private volatile boolean dropping;

    BlackHoleProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "black-hole-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return this.server.getLocalPort();
    }

    void blackHole() {
        this.dropping = true;
    }

    void heal() {
        for (Socket socket : this.sockets) {
            closeQuietly(socket);
        }
        this.sockets.clear();
        this.dropping = false;
    }

    private void accept() {
        while (!this.server.isClosed()) {
            try {
                Socket client = this.server.accept();
                this.sockets.add(client);
                if (this.dropping) {
                    continue;
                }
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), this.targetPort);
                this.sockets.add(upstream);
                pump(client, upstream);
                pump(upstream, client);
            }
            catch (IOException ex) {
                // the server socket closed, or the target refused: the client sees its
                // connection end
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread pump = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                for (int read; (read = in.read(buffer)) >= 0;) {
                    while (this.dropping) {
                        Thread.sleep(20);
                    }
                    out.write(buffer, 0, read);
                    out.flush();
                }
            }
            catch (IOException | InterruptedException ex) {
                // one side went away
            }
            finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "black-hole-pump");
        pump.setDaemon(true);
        pump.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        }
        catch (IOException ex) {
            // closing anyway
        }
    }

    @Override
    public void close() throws IOException {
        this.server.close();
        heal();
    }

}
