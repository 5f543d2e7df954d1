package org.batonjava.sdk.service;

import io.grpc.CallCredentials;
import io.grpc.Metadata;
import io.grpc.SecurityLevel;
import io.grpc.Status;
import java.util.concurrent.Executor;
import org.batonjava.sdk.connector.FailureWords;

/**
 * Per-call credentials: {@code authorization: Bearer <token>} from the {@link TokenSource}, only on
 * connections with privacy and integrity (TLS). A token that cannot be had fails the call with
 * {@code UNAUTHENTICATED}, as in the Go SDK.
 */
final class BearerCredentials extends CallCredentials {
  static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  private final TokenSource tokens;

  BearerCredentials(TokenSource tokens) {
    this.tokens = tokens;
  }

  @Override
  public void applyRequestMetadata(
      RequestInfo info, Executor appExecutor, MetadataApplier applier) {
    if (info.getSecurityLevel() != SecurityLevel.PRIVACY_AND_INTEGRITY) {
      applier.fail(
          Status.UNAUTHENTICATED.withDescription(
              "ConductorOne credentials are only sent over TLS"));
      return;
    }
    appExecutor.execute(
        () -> {
          try {
            Metadata headers = new Metadata();
            headers.put(AUTHORIZATION, tokens.token().authorization());
            applier.apply(headers);
          } catch (TokenException e) {
            applier.fail(Status.UNAUTHENTICATED.withDescription(e.getMessage()));
          } catch (RuntimeException e) {
            applier.fail(
                Status.UNAUTHENTICATED.withDescription(
                    "failed to get token: " + FailureWords.of(e)));
          }
        });
  }
}
