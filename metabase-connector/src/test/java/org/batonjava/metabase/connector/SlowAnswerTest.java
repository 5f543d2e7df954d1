package org.batonjava.metabase.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.grpc.Status;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.batonjava.sdk.connector.ConnectorException;
import org.batonjava.sdk.crypto.Secret;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A server that sends its headers at once and then trickles the body (one byte every half second)
 * over a real local socket. {@code --http-timeout-seconds} bounds the whole exchange: the call ends
 * as a retryable {@code DEADLINE_EXCEEDED} that says the answer stalled, instead of hanging. The
 * preemptive limit only catches a hang; it is far above the configured timeout.
 */
class SlowAnswerTest {
  private static final String BODY_START = "{\"id\":1,\"first_name\":\"";

  /** Serves every connection on its own thread; stops when closed. */
  private static final class TricklingServer implements AutoCloseable {
    final ServerSocket socket;
    final AtomicInteger bytesSent = new AtomicInteger();
    private final boolean chunked;
    private final Thread acceptor;

    TricklingServer(boolean chunked) throws IOException {
      this.chunked = chunked;
      socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
      acceptor = new Thread(this::acceptLoop, "trickling-server");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    private void acceptLoop() {
      while (!socket.isClosed()) {
        try {
          Socket client = socket.accept();
          Thread t = new Thread(() -> trickle(client), "trickle");
          t.setDaemon(true);
          t.start();
        } catch (IOException closed) {
          return;
        }
      }
    }

    private void trickle(Socket client) {
      try (client;
          InputStream in = client.getInputStream();
          OutputStream out = client.getOutputStream()) {
        readHeaders(in);
        String headers =
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: 1000000\r\n")
                + "\r\n";
        out.write(headers.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        byte[] body = (BODY_START + "x".repeat(2000)).getBytes(StandardCharsets.US_ASCII);
        for (byte b : body) {
          out.write(
              chunked
                  ? ("1\r\n" + (char) b + "\r\n").getBytes(StandardCharsets.US_ASCII)
                  : new byte[] {b});
          out.flush();
          bytesSent.incrementAndGet();
          Thread.sleep(500);
        }
      } catch (IOException | InterruptedException stopped) {
        // the client gave up and closed the connection: what the test wants
      }
    }

    private static void readHeaders(InputStream in) throws IOException {
      int state = 0;
      while (state < 4) {
        int c = in.read();
        if (c < 0) {
          throw new IOException("closed");
        }
        state =
            (c == '\r' && (state == 0 || state == 2)) || (c == '\n' && (state == 1 || state == 3))
                ? state + 1
                : 0;
      }
    }

    String baseUrl() {
      return "http://127.0.0.1:" + socket.getLocalPort();
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  @ParameterizedTest(name = "chunked={0}")
  @ValueSource(booleans = {false, true})
  void aStalledBodyEndsAsARetryableDeadlineExceeded(boolean chunked) throws Exception {
    try (TricklingServer server = new TricklingServer(chunked)) {
      MetabaseConnector connector = connectorWithTwoSecondTimeout(server);
      ConnectorException e =
          assertTimeoutPreemptively(
              Duration.ofSeconds(60),
              () -> catchThrowableOfType(ConnectorException.class, connector::validate));
      assertThat(e).as("the call must fail, not hang").isNotNull();
      assertThat(e.code()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
      assertThat(e.transientFailure()).isTrue();
      assertThat(e.getMessage())
          .isEqualTo(
              "Metabase at "
                  + server.baseUrl()
                  + " did not send its whole answer"
                  + " within 2 s (the answer stalled or came too slowly); raise --http-timeout-seconds if it is just slow"
                  + " (GET /api/user/current)");
      assertThat(server.bytesSent.get()).as("the body had started").isPositive();
      assertTheConnectionWasClosed(server);
    }
  }

  /** The membership list is read as it arrives; the timeout still bounds the whole answer. */
  @ParameterizedTest(name = "chunked={0}")
  @ValueSource(booleans = {false, true})
  void aStalledStreamedAnswerEndsAsARetryableDeadlineExceeded(boolean chunked) throws Exception {
    try (TricklingServer server = new TricklingServer(chunked)) {
      MetabaseConnector connector = connectorWithTwoSecondTimeout(server);
      c1.connector.v2.Resource user =
          c1.connector.v2.Resource.newBuilder()
              .setId(
                  c1.connector.v2.ResourceId.newBuilder().setResourceType("user").setResource("7"))
              .build();
      ConnectorException e =
          assertTimeoutPreemptively(
              Duration.ofSeconds(60),
              () ->
                  catchThrowableOfType(
                      ConnectorException.class,
                      () ->
                          connector
                              .resourceSyncers()
                              .get(0)
                              .grants(
                                  user, new org.batonjava.sdk.connector.PageRequest("", 0, "s1"))));
      assertThat(e).as("the call must fail, not hang").isNotNull();
      assertThat(e.code()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
      assertThat(e.transientFailure()).isTrue();
      assertThat(e.getMessage())
          .endsWith(
              " did not send its whole answer within 2 s (the answer stalled or came too slowly);"
                  + " raise --http-timeout-seconds if it is just slow"
                  + " (GET /api/permissions/membership)");
      assertTheConnectionWasClosed(server);
    }
  }

  private static MetabaseConnector connectorWithTwoSecondTimeout(TricklingServer server) {
    return MetabaseConnectors.create(
        ConnectorConfig.of(
                MetabaseVariant.UNVERSIONED,
                server.baseUrl(),
                Secret.of("mb_SlowBodyKey000000"),
                false)
            .withHttpTimeout(Duration.ofSeconds(2)));
  }

  private static void assertTheConnectionWasClosed(TricklingServer server)
      throws InterruptedException {
    int sent = server.bytesSent.get();
    Thread.sleep(1500);
    assertThat(server.bytesSent.get())
        .as("the connection was closed")
        .isLessThanOrEqualTo(sent + 1);
  }
}
