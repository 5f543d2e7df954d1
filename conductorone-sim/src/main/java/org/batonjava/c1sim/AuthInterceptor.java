package org.batonjava.c1sim;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.time.Clock;

/**
 * Every BatonService call must carry {@code authorization: Bearer <token>} with a token the fake
 * issued and that has not expired; otherwise {@code UNAUTHENTICATED} (the refusal is recorded).
 * Puts the User-Agent into the call context for the call log.
 */
final class AuthInterceptor implements ServerInterceptor {
  static final Context.Key<String> USER_AGENT = Context.key("user-agent");
  private static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
  private static final Metadata.Key<String> UA =
      Metadata.Key.of("user-agent", Metadata.ASCII_STRING_MARSHALLER);

  private final IssuedTokens tokens;
  private final CallLog log;
  private final Clock clock;

  AuthInterceptor(IssuedTokens tokens, CallLog log, Clock clock) {
    this.tokens = tokens;
    this.log = log;
    this.clock = clock;
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    String userAgent = String.valueOf(headers.get(UA));
    String method = call.getMethodDescriptor().getBareMethodName();
    String authorization = headers.get(AUTHORIZATION);
    String refusal = null;
    if (authorization == null) {
      refusal = "no authorization header";
    } else if (!authorization.startsWith("Bearer ")) {
      refusal = "authorization is not a Bearer token";
    } else if (tokens.check(authorization.substring("Bearer ".length())).isEmpty()) {
      refusal = "unknown or expired token";
    }
    if (refusal != null) {
      log.add(new RecordedCall(method, clock.instant(), "", userAgent, null, refusal));
      call.close(Status.UNAUTHENTICATED.withDescription(refusal), new Metadata());
      return new ServerCall.Listener<>() {};
    }
    return Contexts.interceptCall(
        Context.current().withValue(USER_AGENT, userAgent), call, headers, next);
  }
}
