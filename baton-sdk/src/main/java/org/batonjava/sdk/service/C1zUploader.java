package org.batonjava.sdk.service;

import c1.connectorapi.baton.v1.BatonServiceUploadAssetRequest;
import c1.connectorapi.baton.v1.BatonServiceUploadAssetRequest.UploadData;
import c1.connectorapi.baton.v1.BatonServiceUploadAssetRequest.UploadEOF;
import c1.connectorapi.baton.v1.BatonServiceUploadAssetRequest.UploadMetadata;
import c1.connectorapi.baton.v1.BatonServiceUploadAssetResponse;
import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Uploads a file with the client-streaming {@code UploadAsset} call, exactly as the Go SDK does:
 * one {@code metadata{host_id, task_id}}, the bytes in 512 KiB {@code data} messages (the last one
 * shorter, none for an empty file), one {@code eof} with the SHA-256 of the whole file, half-close,
 * wait for the answer. Up to three attempts, each a new stream from the start of the file (waits:
 * none, then 1 s). Flow control is respected, so the file is never held in memory; a task
 * cancellation aborts the stream.
 */
final class C1zUploader {
  static final int CHUNK_BYTES = 512 * 1024;
  static final int ATTEMPTS = 3;
  private static final Logger LOG = LoggerFactory.getLogger(C1zUploader.class);

  private final BatonServiceClient client;
  private final String hostId;
  private final Duration secondRetryWait;

  C1zUploader(BatonServiceClient client, String hostId) {
    this(client, hostId, Duration.ofSeconds(1));
  }

  C1zUploader(BatonServiceClient client, String hostId, Duration secondRetryWait) {
    this.client = client;
    this.hostId = hostId;
    this.secondRetryWait = secondRetryWait;
  }

  /**
   * Uploads {@code file} for {@code task}; throws {@link TaskFailure} (retryable) after the last
   * failed attempt.
   */
  void upload(TaskContext task, Path file) {
    Status last = Status.UNKNOWN;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      task.throwIfCancelled();
      try {
        long bytes = uploadOnce(task, file);
        LOG.info("Uploaded {} bytes for task {}", bytes, task.taskId());
        return;
      } catch (StatusRuntimeException e) {
        last = e.getStatus();
      } catch (IOException e) {
        last = Status.UNKNOWN.withDescription("cannot read " + file + ": " + e.getMessage());
      }
      task.throwIfCancelled();
      LOG.warn(
          "Upload attempt {}/{} for task {} failed: {}{}",
          attempt,
          ATTEMPTS,
          task.taskId(),
          last.getCode(),
          last.getDescription() == null ? "" : ": " + last.getDescription());
      if (attempt == 2) {
        sleep(secondRetryWait);
      }
    }
    throw TaskFailure.status(
        last.getCode(),
        last.getDescription() == null ? "upload failed" : last.getDescription(),
        false);
  }

  private long uploadOnce(TaskContext task, Path file) throws IOException {
    CompletableFuture<BatonServiceUploadAssetResponse> done = new CompletableFuture<>();
    Object readiness = new Object();
    ClientResponseObserver<BatonServiceUploadAssetRequest, BatonServiceUploadAssetResponse>
        observer =
            new ClientResponseObserver<>() {
              @Override
              public void beforeStart(
                  ClientCallStreamObserver<BatonServiceUploadAssetRequest> stream) {
                stream.setOnReadyHandler(
                    () -> {
                      synchronized (readiness) {
                        readiness.notifyAll();
                      }
                    });
              }

              @Override
              public void onNext(BatonServiceUploadAssetResponse value) {
                done.complete(value);
              }

              @Override
              public void onError(Throwable t) {
                done.completeExceptionally(t);
                synchronized (readiness) {
                  readiness.notifyAll();
                }
              }

              @Override
              public void onCompleted() {
                done.complete(BatonServiceUploadAssetResponse.getDefaultInstance());
              }
            };
    @SuppressWarnings("unchecked")
    ClientCallStreamObserver<BatonServiceUploadAssetRequest> stream =
        (ClientCallStreamObserver<BatonServiceUploadAssetRequest>)
            client.async().uploadAsset(observer);
    long total = 0;
    TaskContext.Registration onCancel = task.onCancel(() -> stream.cancel("task cancelled", null));
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest sha256 = sha256();
      send(
          stream,
          readiness,
          done,
          BatonServiceUploadAssetRequest.newBuilder()
              .setMetadata(UploadMetadata.newBuilder().setHostId(hostId).setTaskId(task.taskId()))
              .build());
      byte[] buffer = new byte[CHUNK_BYTES];
      int n;
      while ((n = in.readNBytes(buffer, 0, CHUNK_BYTES)) > 0) {
        sha256.update(buffer, 0, n);
        total += n;
        send(
            stream,
            readiness,
            done,
            BatonServiceUploadAssetRequest.newBuilder()
                .setData(UploadData.newBuilder().setData(ByteString.copyFrom(buffer, 0, n)))
                .build());
      }
      send(
          stream,
          readiness,
          done,
          BatonServiceUploadAssetRequest.newBuilder()
              .setEof(
                  UploadEOF.newBuilder().setSha256Checksum(ByteString.copyFrom(sha256.digest())))
              .build());
      stream.onCompleted();
      done.get();
      return total;
    } catch (StatusRuntimeException | IOException e) {
      stream.cancel("upload failed", e);
      throw e;
    } catch (ExecutionException e) {
      throw Status.fromThrowable(e.getCause()).asRuntimeException();
    } catch (InterruptedException e) {
      stream.cancel("interrupted", e);
      Thread.currentThread().interrupt();
      throw Status.CANCELLED.withDescription("upload interrupted").asRuntimeException();
    } catch (RuntimeException e) {
      stream.cancel("upload failed", e);
      throw Status.UNKNOWN.withDescription(e.getMessage()).withCause(e).asRuntimeException();
    } finally {
      onCancel.remove();
    }
  }

  /** Waits for the transport to take more (or for the call to end), then sends one message. */
  private static void send(
      ClientCallStreamObserver<BatonServiceUploadAssetRequest> stream,
      Object readiness,
      CompletableFuture<BatonServiceUploadAssetResponse> done,
      BatonServiceUploadAssetRequest message) {
    synchronized (readiness) {
      while (!stream.isReady() && !done.isDone()) {
        try {
          readiness.wait(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw Status.CANCELLED.withDescription("upload interrupted").asRuntimeException();
        }
      }
    }
    if (done.isCompletedExceptionally()) {
      throw Status.fromThrowable(done.handle((v, t) -> t).join()).asRuntimeException();
    }
    stream.onNext(message);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
