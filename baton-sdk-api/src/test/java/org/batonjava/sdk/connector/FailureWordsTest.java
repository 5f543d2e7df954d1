package org.batonjava.sdk.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

/** Low-level failures in words, never as Java class names. */
class FailureWordsTest {
  @Test
  void kindsAreSaidInWordsWithTheDetail() {
    assertThat(FailureWords.of(new NoSuchFileException("/data/sync.c1z")))
        .isEqualTo("no such file or folder (/data/sync.c1z)");
    assertThat(FailureWords.of(new AccessDeniedException("/data")))
        .isEqualTo("permission denied (/data)");
    assertThat(FailureWords.of(new EOFException())).isEqualTo("the input ended early");
    assertThat(FailureWords.of(new ConnectException("Connection refused")))
        .isEqualTo("connection refused (Connection refused)");
    assertThat(FailureWords.of(new SocketException("Connection reset")))
        .isEqualTo("the connection broke (Connection reset)");
    assertThat(FailureWords.of(new IOException())).isEqualTo("input/output error");
    assertThat(FailureWords.of(new IOException("disk full"))).isEqualTo("disk full");
    assertThat(FailureWords.of(new NullPointerException()))
        .isEqualTo("an unexpected internal error");
    assertThat(FailureWords.of(new IllegalStateException("boom"))).isEqualTo("boom");
  }
}
