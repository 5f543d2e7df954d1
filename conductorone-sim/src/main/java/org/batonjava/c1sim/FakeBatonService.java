package org.batonjava.c1sim;

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
import c1.connectorapi.baton.v1.BatonServiceUploadAssetRequest;
import c1.connectorapi.baton.v1.BatonServiceUploadAssetResponse;
import c1.connectorapi.baton.v1.StartDebuggingRequest;
import c1.connectorapi.baton.v1.StartDebuggingResponse;
import com.google.protobuf.Message;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The fake's {@code BatonService}: validates what the real service validates (host id, Hello
 * metadata and OS info, leases, upload order and checksum, one final state per FinishTask), records
 * every call, serves scripted tasks with the configured {@code next_poll}/{@code next_heartbeat},
 * and injects scripted errors.
 */
final class FakeBatonService extends BatonServiceGrpc.BatonServiceImplBase {
  private final TaskBoard board;
  private final CallLog log;
  private final Faults faults;
  private final Clock clock;
  private volatile Duration nextPoll = Duration.ofMillis(200);
  private volatile Duration nextHeartbeat = Duration.ofSeconds(1);
  private volatile BatonServiceHelloRequest lastHello;

  FakeBatonService(TaskBoard board, CallLog log, Faults faults, Clock clock) {
    this.board = board;
    this.log = log;
    this.faults = faults;
    this.clock = clock;
  }

  void nextPoll(Duration value) {
    this.nextPoll = value;
  }

  void nextHeartbeat(Duration value) {
    this.nextHeartbeat = value;
  }

  Optional<BatonServiceHelloRequest> lastHello() {
    return Optional.ofNullable(lastHello);
  }

  @Override
  public void hello(
      BatonServiceHelloRequest request, StreamObserver<BatonServiceHelloResponse> response) {
    record("Hello", request.getHostId(), request);
    if (fail(Faults.Kind.HELLO, response) || invalidHostId(request.getHostId(), response)) {
      return;
    }
    String problem = helloProblem(request);
    if (problem != null) {
      response.onError(Status.INVALID_ARGUMENT.withDescription(problem).asRuntimeException());
      return;
    }
    lastHello = request;
    if (!request.getTaskId().isEmpty()) {
      board.helloAnswered(request.getTaskId());
    }
    response.onNext(BatonServiceHelloResponse.getDefaultInstance());
    response.onCompleted();
  }

  @Override
  public void getTask(
      BatonServiceGetTaskRequest request, StreamObserver<BatonServiceGetTaskResponse> response) {
    record("GetTask", request.getHostId(), request);
    if (fail(Faults.Kind.GET_TASK, response) || invalidHostId(request.getHostId(), response)) {
      return;
    }
    BatonServiceGetTaskResponse.Builder out =
        BatonServiceGetTaskResponse.newBuilder()
            .setNextPoll(duration(nextPoll))
            .setNextHeartbeat(duration(nextHeartbeat));
    board.lease(request.getHostId()).ifPresent(out::setTask);
    response.onNext(out.build());
    response.onCompleted();
  }

  /**
   * Batched polling: up to {@code page_size} (1..100) queued tasks are leased at once; ids in
   * {@code known_task_ids} are never sent again.
   */
  @Override
  public void getTasks(
      BatonServiceGetTasksRequest request, StreamObserver<BatonServiceGetTasksResponse> response) {
    record("GetTasks", request.getHostId(), request);
    if (fail(Faults.Kind.GET_TASKS, response) || invalidHostId(request.getHostId(), response)) {
      return;
    }
    if (request.getPageSize() < 1 || request.getPageSize() > 100) {
      response.onError(
          Status.INVALID_ARGUMENT
              .withDescription("page_size must be between 1 and 100, got " + request.getPageSize())
              .asRuntimeException());
      return;
    }
    BatonServiceGetTasksResponse.Builder out =
        BatonServiceGetTasksResponse.newBuilder()
            .setNextPoll(duration(nextPoll))
            .setNextHeartbeat(duration(nextHeartbeat));
    out.addAllTasks(
        board.leaseUpTo(request.getHostId(), request.getPageSize(), request.getKnownTaskIdsList()));
    response.onNext(out.build());
    response.onCompleted();
  }

  @Override
  public void heartbeat(
      BatonServiceHeartbeatRequest request,
      StreamObserver<BatonServiceHeartbeatResponse> response) {
    record("Heartbeat", request.getHostId(), request);
    if (fail(Faults.Kind.HEARTBEAT, response) || invalidHostId(request.getHostId(), response)) {
      return;
    }
    if (!board.leasedTo(request.getTaskId(), request.getHostId())) {
      response.onError(
          Status.NOT_FOUND
              .withDescription(
                  "task " + request.getTaskId() + " is not leased to " + request.getHostId())
              .asRuntimeException());
      return;
    }
    boolean cancelled = board.heartbeat(request.getTaskId());
    response.onNext(
        BatonServiceHeartbeatResponse.newBuilder()
            .setNextHeartbeat(duration(nextHeartbeat))
            .setCancelled(cancelled)
            .build());
    response.onCompleted();
  }

  @Override
  public StreamObserver<BatonServiceUploadAssetRequest> uploadAsset(
      StreamObserver<BatonServiceUploadAssetResponse> response) {
    return new UploadStream(
        response, board, faults, (hostId, metadata) -> record("UploadAsset", hostId, metadata));
  }

  @Override
  public void finishTask(
      BatonServiceFinishTaskRequest request,
      StreamObserver<BatonServiceFinishTaskResponse> response) {
    record("FinishTask", request.getHostId(), request);
    if (fail(Faults.Kind.FINISH_TASK, response) || invalidHostId(request.getHostId(), response)) {
      return;
    }
    if (!TaskIds.valid(request.getTaskId())) {
      response.onError(
          Status.INVALID_ARGUMENT
              .withDescription("task_id must be 27 alphanumerics")
              .asRuntimeException());
      return;
    }
    if (request.getFinalStateCase()
        == BatonServiceFinishTaskRequest.FinalStateCase.FINALSTATE_NOT_SET) {
      response.onError(
          Status.INVALID_ARGUMENT
              .withDescription("one of success/error is required")
              .asRuntimeException());
      return;
    }
    board.finish(request);
    response.onNext(BatonServiceFinishTaskResponse.getDefaultInstance());
    response.onCompleted();
  }

  @Override
  public void startDebugging(
      StartDebuggingRequest request, StreamObserver<StartDebuggingResponse> response) {
    response.onError(Status.UNIMPLEMENTED.asRuntimeException());
  }

  private static String helloProblem(BatonServiceHelloRequest request) {
    if (!request.hasConnectorMetadata()
        || request.getConnectorMetadata().getDisplayName().isEmpty()) {
      return "connector_metadata.display_name is required";
    }
    if (!request.getTaskId().isEmpty() && !TaskIds.valid(request.getTaskId())) {
      return "task_id must be empty or 27 alphanumerics";
    }
    BatonServiceHelloRequest.OSInfo os = request.getOsInfo();
    for (String field :
        List.of(
            os.getHostname(),
            os.getOs(),
            os.getPlatform(),
            os.getPlatformVersion(),
            os.getPlatformFamily(),
            os.getKernelVersion(),
            os.getKernelArch(),
            os.getVirtualizationSystem())) {
      if (field.isEmpty()) {
        return "every os_info field must be set: " + os;
      }
    }
    BatonServiceHelloRequest.BuildInfo build = request.getBuildInfo();
    if (build.getLangVersion().isEmpty()
        || build.getPackage().isEmpty()
        || build.getPackageVersion().isEmpty()) {
      return "every build_info field must be set";
    }
    return null;
  }

  private static boolean invalidHostId(String hostId, StreamObserver<?> response) {
    if (hostId.isEmpty() || hostId.length() > 256) {
      response.onError(
          Status.INVALID_ARGUMENT
              .withDescription("host_id must be 1..256 characters")
              .asRuntimeException());
      return true;
    }
    return false;
  }

  private boolean fail(Faults.Kind kind, StreamObserver<?> response) {
    Optional<Status> status = faults.take(kind);
    status.ifPresent(s -> response.onError(s.asRuntimeException()));
    return status.isPresent();
  }

  private void record(String method, String hostId, Message request) {
    String ua = AuthInterceptor.USER_AGENT.get();
    log.add(new RecordedCall(method, clock.instant(), hostId, ua == null ? "" : ua, request, ""));
  }

  private static com.google.protobuf.Duration duration(Duration d) {
    return com.google.protobuf.Duration.newBuilder()
        .setSeconds(d.getSeconds())
        .setNanos(d.getNano())
        .build();
  }
}
