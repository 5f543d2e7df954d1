package org.batonjava.c1sim;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * The one TLS listener of the fake: it terminates TLS (ALPN {@code h2} and {@code http/1.1}) and
 * pipes the decrypted bytes of each connection to a loopback back end chosen by the negotiated
 * protocol: {@code h2} to the gRPC server, {@code http/1.1} (or no ALPN) to the HTTP server of the
 * token endpoint. So token requests and BatonService calls share one host:port, as on the real
 * ConductorOne.
 *
 * <p>Limit: a token request sent over HTTP/2 (the Go token client offers h2 first) reaches the gRPC
 * server and fails; the Java service client posts tokens over HTTP/1.1.
 */
final class TlsFrontDoor implements Closeable {
  private final SSLServerSocket server;
  private final int grpcPort;
  private final int httpPort;
  private final ExecutorService threads;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  private TlsFrontDoor(SSLServerSocket server, int grpcPort, int httpPort) {
    this.server = server;
    this.grpcPort = grpcPort;
    this.httpPort = httpPort;
    AtomicInteger n = new AtomicInteger();
    this.threads =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "c1sim-tls-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /** Listens on loopback {@code port} (0 = any free port). */
  static TlsFrontDoor start(SSLContext context, int port, int grpcPort, int httpPort)
      throws IOException {
    SSLServerSocket server =
        (SSLServerSocket)
            context
                .getServerSocketFactory()
                .createServerSocket(port, 64, InetAddress.getLoopbackAddress());
    SSLParameters params = server.getSSLParameters();
    params.setApplicationProtocols(new String[] {"h2", "http/1.1"});
    params.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
    server.setSSLParameters(params);
    TlsFrontDoor door = new TlsFrontDoor(server, grpcPort, httpPort);
    door.threads.execute(door::acceptLoop);
    return door;
  }

  int port() {
    return server.getLocalPort();
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        SSLSocket client = (SSLSocket) server.accept();
        open.add(client);
        threads.execute(() -> serve(client));
      } catch (IOException e) {
        if (closed) {
          return;
        }
      }
    }
  }

  private void serve(SSLSocket client) {
    Socket backend = null;
    try {
      client.setSoTimeout(30_000);
      client.startHandshake();
      client.setSoTimeout(0);
      String protocol = client.getApplicationProtocol();
      int port = "h2".equals(protocol) ? grpcPort : httpPort;
      backend = new Socket();
      backend.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
      backend.setTcpNoDelay(true);
      open.add(backend);
      Socket b = backend;
      threads.execute(() -> pump(b, client));
      pump(client, backend);
    } catch (IOException e) {
      closeQuietly(client);
      closeQuietly(backend);
    }
  }

  /** Copies {@code from} → {@code to} until end of stream, then closes both sides. */
  private void pump(Socket from, Socket to) {
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = from.getInputStream()) {
      OutputStream out = to.getOutputStream();
      int n;
      while ((n = in.read(buffer)) >= 0) {
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (SocketException e) {
      // the other side closed
    } catch (IOException e) {
      // connection error: drop both sides
    } finally {
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  private void closeQuietly(Socket s) {
    if (s != null) {
      open.remove(s);
      try {
        s.close();
      } catch (IOException e) {
        // already closed
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      server.close();
    } catch (IOException e) {
      // closing anyway
    }
    open.forEach(this::closeQuietly);
    threads.shutdownNow();
  }
}
