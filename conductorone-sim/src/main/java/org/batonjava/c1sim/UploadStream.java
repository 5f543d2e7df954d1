package org.batonjava.c1sim;

import c1.connectorapi.baton.v1.BatonServiceUploadAssetRequest;
import c1.connectorapi.baton.v1.BatonServiceUploadAssetResponse;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * One {@code UploadAsset} stream: exactly one {@code metadata} first (for a task leased to that
 * host), then {@code data} chunks of 1 byte..1 MiB, then exactly one {@code eof} whose SHA-256 must
 * match the data, then the half-close. Anything out of order is {@code INVALID_ARGUMENT}; a
 * checksum mismatch is {@code DATA_LOSS}. Only complete streams are stored, so a retried upload
 * replaces nothing half-written.
 */
final class UploadStream implements StreamObserver<BatonServiceUploadAssetRequest> {
  static final int MAX_CHUNK = 1024 * 1024;

  private enum State {
    METADATA,
    DATA,
    EOF_SEEN,
    FAILED
  }

  private final StreamObserver<BatonServiceUploadAssetResponse> response;
  private final TaskBoard board;
  private final Faults faults;
  private final BiConsumer<String, BatonServiceUploadAssetRequest> recorder;
  private final ByteArrayOutputStream content = new ByteArrayOutputStream();
  private final List<Integer> chunks = new ArrayList<>();
  private final MessageDigest sha256;
  private State state = State.METADATA;
  private String taskId;
  private String hostId;

  UploadStream(
      StreamObserver<BatonServiceUploadAssetResponse> response,
      TaskBoard board,
      Faults faults,
      BiConsumer<String, BatonServiceUploadAssetRequest> recorder) {
    this.response = response;
    this.board = board;
    this.faults = faults;
    this.recorder = recorder;
    try {
      this.sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public synchronized void onNext(BatonServiceUploadAssetRequest message) {
    if (state == State.FAILED) {
      return;
    }
    switch (message.getMsgCase()) {
      case METADATA -> {
        if (state != State.METADATA) {
          fail(Status.INVALID_ARGUMENT.withDescription("metadata must come first and once"));
          return;
        }
        hostId = message.getMetadata().getHostId();
        taskId = message.getMetadata().getTaskId();
        recorder.accept(hostId, message);
        Optional<Status> injected = faults.take(Faults.Kind.UPLOAD);
        if (injected.isPresent()) {
          fail(injected.get());
          return;
        }
        if (!board.leasedTo(taskId, hostId)) {
          fail(
              Status.FAILED_PRECONDITION.withDescription(
                  "task " + taskId + " is not leased to " + hostId));
          return;
        }
        state = State.DATA;
      }
      case DATA -> {
        int size = message.getData().getData().size();
        if (state != State.DATA) {
          fail(Status.INVALID_ARGUMENT.withDescription("data before metadata or after eof"));
        } else if (size < 1 || size > MAX_CHUNK) {
          fail(
              Status.INVALID_ARGUMENT.withDescription(
                  "data chunks must be 1 byte to 1 MiB, got " + size));
        } else {
          byte[] bytes = message.getData().getData().toByteArray();
          content.writeBytes(bytes);
          sha256.update(bytes);
          chunks.add(size);
        }
      }
      case EOF -> {
        byte[] expected = message.getEof().getSha256Checksum().toByteArray();
        if (state != State.DATA) {
          fail(Status.INVALID_ARGUMENT.withDescription("eof before metadata or twice"));
        } else if (expected.length != 32) {
          fail(Status.INVALID_ARGUMENT.withDescription("sha256_checksum must be 32 bytes"));
        } else if (!MessageDigest.isEqual(expected, sha256.digest())) {
          fail(Status.DATA_LOSS.withDescription("sha256_checksum does not match the data"));
        } else {
          state = State.EOF_SEEN;
        }
      }
      default -> fail(Status.INVALID_ARGUMENT.withDescription("empty upload message"));
    }
  }

  @Override
  public synchronized void onError(Throwable t) {
    state = State.FAILED;
  }

  @Override
  public synchronized void onCompleted() {
    if (state == State.FAILED) {
      return;
    }
    if (state != State.EOF_SEEN) {
      fail(Status.INVALID_ARGUMENT.withDescription("stream ended without eof"));
      return;
    }
    board.upload(new UploadRecord(taskId, hostId, content.toByteArray(), List.copyOf(chunks)));
    response.onNext(BatonServiceUploadAssetResponse.getDefaultInstance());
    response.onCompleted();
  }

  private void fail(Status status) {
    state = State.FAILED;
    response.onError(status.asRuntimeException());
  }
}
