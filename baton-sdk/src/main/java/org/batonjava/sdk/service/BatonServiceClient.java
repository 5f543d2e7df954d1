package org.batonjava.sdk.service;

import c1.connectorapi.baton.v1.BatonServiceFinishTaskRequest;
import c1.connectorapi.baton.v1.BatonServiceFinishTaskResponse;
import c1.connectorapi.baton.v1.BatonServiceGetTaskRequest;
import c1.connectorapi.baton.v1.BatonServiceGetTaskResponse;
import c1.connectorapi.baton.v1.BatonServiceGetTasksRequest;
import c1.connectorapi.baton.v1.BatonServiceGetTasksResponse;
import c1.connectorapi.baton.v1.BatonServiceGrpc;
import c1.connectorapi.baton.v1.BatonServiceHeartbeatRequest;
import c1.connectorapi.baton.v1.BatonServiceHeartbeatResponse;
import c1.connectorapi.baton.v1.BatonServiceHelloRequest;
import c1.connectorapi.baton.v1.BatonServiceHelloResponse;
import io.grpc.CallCredentials;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;

/**
 * The {@code c1.connectorapi.baton.v1.BatonService} client: one TLS (HTTP/2, ALPN h2) channel to
 * ConductorOne, a bearer token on every call. Unary calls carry a deadline so that a silently dead
 * connection cannot hang the poll loop; {@code FinishTask} gets 30 s, like the Go SDK.
 */
final class BatonServiceClient implements AutoCloseable {
  static final Duration UNARY_DEADLINE = Duration.ofSeconds(60);
  static final Duration FINISH_DEADLINE = Duration.ofSeconds(30);

  /** The User-Agent suffix the Go SDK sends (ConductorOne may look at it). */
  static final String SDK_USER_AGENT = "baton-sdk/v0.25.0";

  private final ManagedChannel channel;
  private final BatonServiceGrpc.BatonServiceBlockingStub blocking;
  private final BatonServiceGrpc.BatonServiceStub async;

  BatonServiceClient(ManagedChannel channel, CallCredentials credentials) {
    this.channel = channel;
    this.blocking = BatonServiceGrpc.newBlockingStub(channel).withCallCredentials(credentials);
    this.async = BatonServiceGrpc.newStub(channel).withCallCredentials(credentials);
  }

  /** A TLS channel to {@code endpoint}, verifying the server against {@code trust}. */
  static BatonServiceClient connect(
      C1Endpoint endpoint, TrustMaterial trust, CallCredentials credentials, String clientName) {
    try {
      ManagedChannel channel =
          NettyChannelBuilder.forAddress(endpoint.host(), endpoint.port())
              .sslContext(
                  GrpcSslContexts.forClient().trustManager(trust.trustManagerFactory()).build())
              .userAgent(clientName + " " + SDK_USER_AGENT)
              .build();
      return new BatonServiceClient(channel, credentials);
    } catch (SSLException e) {
      throw new IllegalStateException("cannot set up TLS for ConductorOne: " + e.getMessage(), e);
    }
  }

  BatonServiceHelloResponse hello(BatonServiceHelloRequest request) {
    return blocking
        .withDeadlineAfter(UNARY_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
        .hello(request);
  }

  BatonServiceGetTaskResponse getTask(BatonServiceGetTaskRequest request) {
    return blocking
        .withDeadlineAfter(UNARY_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
        .getTask(request);
  }

  BatonServiceGetTasksResponse getTasks(BatonServiceGetTasksRequest request) {
    return blocking
        .withDeadlineAfter(UNARY_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
        .getTasks(request);
  }

  BatonServiceHeartbeatResponse heartbeat(BatonServiceHeartbeatRequest request) {
    return blocking
        .withDeadlineAfter(UNARY_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
        .heartbeat(request);
  }

  BatonServiceFinishTaskResponse finishTask(BatonServiceFinishTaskRequest request) {
    return blocking
        .withDeadlineAfter(FINISH_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
        .finishTask(request);
  }

  /** The streaming stub, for {@code UploadAsset}. */
  BatonServiceGrpc.BatonServiceStub async() {
    return async;
  }

  @Override
  public void close() {
    channel.shutdown();
    try {
      if (!channel.awaitTermination(5, TimeUnit.SECONDS)) {
        channel.shutdownNow();
      }
    } catch (InterruptedException e) {
      channel.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
