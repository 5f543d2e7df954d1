package org.batonjava.sdk.service.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import c1.connector.v2.Grant;
import c1.connector.v2.Resource;
import c1.connectorapi.baton.v1.Task;
import io.grpc.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.batonjava.c1sim.Faults;
import org.batonjava.c1sim.FinishedTask;
import org.batonjava.c1sim.RecordedCall;
import org.batonjava.c1sim.Tasks;
import org.batonjava.c1sim.UploadRecord;
import org.batonjava.sdk.c1z.C1zOptions;
import org.batonjava.sdk.c1z.C1zStore;
import org.batonjava.sdk.c1z.GrantFilter;
import org.batonjava.sdk.c1z.SyncRun;
import org.batonjava.sdk.c1z.SyncType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Full-sync tasks: heartbeat, sync, upload (checksum, chunks, retries), finish, cancellation. */
class FullSyncTest {
  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir Path dir;

  @Test
  void aFullSyncIsHeartbeatedUploadedReadableAndFinishedWithoutResponse() throws Exception {
    try (ServiceHarness h = new ServiceHarness(dir)) {
      h.connector.users = 7;
      Task task = Tasks.syncFull();
      h.c1.tasks().enqueue(task);
      h.start();
      FinishedTask done = h.c1.tasks().awaitFinished(task.getId(), WAIT);

      assertThat(done.success()).as(done.message()).isTrue();
      assertThat(done.request().getSuccess().hasResponse()).isFalse();
      assertThat(done.request().getSuccess().getAnnotationsList()).isEmpty();
      assertThat(done.request().getHostId()).isEqualTo("test-host");
      List<String> order =
          h.c1.calls().all().stream()
              .filter(c -> c.request() != null)
              .map(RecordedCall::method)
              .filter(m -> !m.equals("GetTask"))
              .toList();
      assertThat(order).containsSubsequence("Heartbeat", "UploadAsset", "FinishTask");

      List<UploadRecord> uploads = h.c1.tasks().uploads(task.getId());
      assertThat(uploads).hasSize(1);
      assertThat(uploads.get(0).isC1z()).isTrue();
      assertThat(uploads.get(0).hostId()).isEqualTo("test-host");

      try (C1zStore store = open(uploads.get(0))) {
        SyncRun run = store.syncRuns().latestFinished().orElseThrow();
        assertThat(run.type()).isEqualTo(SyncType.FULL);
        List<Resource> users =
            store.reader().listResources(run.id(), java.util.Optional.of("user"), "", 0).items();
        assertThat(users).hasSize(7);
        List<Grant> grants = store.reader().listGrants(run.id(), GrantFilter.all(), "", 0).items();
        assertThat(grants)
            .extracting(g -> g.getPrincipal().getId().getResource())
            .containsExactly("u1");
      }
      assertThat(leftoverSyncFiles(h)).isEmpty();
    }
  }

  @Test
  void aDebugTaskUploadsItsDebugLogAfterTheC1z() throws Exception {
    try (ServiceHarness h = new ServiceHarness(dir)) {
      Task task = Tasks.syncFull().toBuilder().setDebug(true).build();
      h.c1.tasks().enqueue(task);
      h.start();
      FinishedTask done = h.c1.tasks().awaitFinished(task.getId(), WAIT);

      assertThat(done.success()).as(done.message()).isTrue();
      List<UploadRecord> uploads = h.c1.tasks().uploads(task.getId());
      assertThat(uploads).hasSize(2);
      assertThat(uploads.get(0).isC1z()).isTrue();
      assertThat(uploads.get(1).isC1z()).isFalse();
      List<String> lines =
          new String(uploads.get(1).content(), java.nio.charset.StandardCharsets.UTF_8)
              .lines()
              .toList();
      assertThat(lines)
          .isNotEmpty()
          .allSatisfy(line -> assertThat(line).startsWith("{\"level\":\""));
      assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("{\"level\":\"debug\""));
      assertThat(lines)
          .anySatisfy(line -> assertThat(line).contains("for task " + task.getId() + " wrote"));
      try (java.util.stream.Stream<Path> left = Files.list(h.tempDir)) {
        assertThat(left.map(p -> p.getFileName().toString()))
            .as("nothing left in the temp folder")
            .isEmpty();
      }
      // a task without debug uploads the c1z only
      Task plain = Tasks.syncFull();
      h.c1.tasks().enqueue(plain);
      assertThat(h.c1.tasks().awaitFinished(plain.getId(), WAIT).success()).isTrue();
      assertThat(h.c1.tasks().uploads(plain.getId())).hasSize(1);
    }
  }

  @Test
  void theTasksResourceTypesAndResourcesOnlyOptionsAreHonoured() throws Exception {
    try (ServiceHarness h = new ServiceHarness(dir)) {
      Task task =
          Tasks.syncFull(
              Task.SyncFullTask.newBuilder()
                  .addSyncResourceTypeIds("user")
                  .setSkipEntitlementsAndGrants(true)
                  .build());
      h.c1.tasks().enqueue(task);
      h.start();
      assertThat(h.c1.tasks().awaitFinished(task.getId(), WAIT).success()).isTrue();
      try (C1zStore store = open(h.c1.tasks().uploads(task.getId()).get(0))) {
        SyncRun run = store.syncRuns().latestFinished().orElseThrow();
        assertThat(run.type()).isEqualTo(SyncType.RESOURCES_ONLY);
        assertThat(
                store
                    .reader()
                    .listResources(run.id(), java.util.Optional.of("user"), "", 0)
                    .items())
            .hasSize(5);
        assertThat(
                store
                    .reader()
                    .listResources(run.id(), java.util.Optional.of("group"), "", 0)
                    .items())
            .isEmpty();
        assertThat(store.reader().listGrants(run.id(), GrantFilter.all(), "", 0).items()).isEmpty();
      }
    }
  }

  @Test
  void aLargeFileIsStreamedIn512KiBChunks() throws Exception {
    try (ServiceHarness h = new ServiceHarness(dir)) {
      h.connector.users = 1500;
      h.connector.descriptionBytes = 600;
      Task task = Tasks.syncFull();
      h.c1.tasks().enqueue(task);
      h.start();
      assertThat(h.c1.tasks().awaitFinished(task.getId(), WAIT).success()).isTrue();
      UploadRecord upload = h.c1.tasks().uploads(task.getId()).get(0);
      List<Integer> chunks = upload.chunkSizes();
      assertThat(chunks.size()).isGreaterThanOrEqualTo(2);
      assertThat(chunks.subList(0, chunks.size() - 1)).containsOnly(512 * 1024);
      assertThat(chunks.get(chunks.size() - 1)).isBetween(1, 512 * 1024);
      try (C1zStore store = open(upload)) {
        String sync = store.syncRuns().latestFinished().orElseThrow().id();
        assertThat(
                store
                    .reader()
                    .listResources(sync, java.util.Optional.of("user"), "", 10_000)
                    .items())
            .hasSize(1500);
      }
    }
  }

  @Test
  void aFailedUploadStreamIsRetriedFromTheStart() throws Exception {
    try (ServiceHarness h = new ServiceHarness(dir)) {
      h.c1.faults().fail(Faults.Kind.UPLOAD, Status.UNAVAILABLE.withDescription("blip"), 2);
      Task task = Tasks.syncFull();
      h.c1.tasks().enqueue(task);
      h.start();
      assertThat(h.c1.tasks().awaitFinished(task.getId(), WAIT).success()).isTrue();
      assertThat(h.c1.calls().of("UploadAsset")).hasSize(3);
      assertThat(h.c1.tasks().uploads(task.getId())).hasSize(1);
    }
  }

  @Test
  void threeFailedUploadsFinishTheTaskWithARetryableError() throws Exception {
    try (ServiceHarness h = new ServiceHarness(dir)) {
      h.c1.faults().fail(Faults.Kind.UPLOAD, Status.UNAVAILABLE.withDescription("storage down"), 3);
      Task task = Tasks.syncFull();
      h.c1.tasks().enqueue(task);
      h.start();
      FinishedTask done = h.c1.tasks().awaitFinished(task.getId(), WAIT);
      assertThat(done.success()).isFalse();
      assertThat(done.code()).isEqualTo(Status.Code.UNAVAILABLE);
      assertThat(done.message()).isEqualTo("rpc error: code = Unavailable desc = storage down");
      assertThat(done.nonRetryable()).isFalse();
      assertThat(h.c1.calls().of("UploadAsset")).hasSize(3);
      assertThat(leftoverSyncFiles(h)).isEmpty();
    }
  }

  @Test
  void aHeartbeatSayingCancelledStopsTheSyncWithACancelledFinish() throws Exception {
    try (ServiceHarness h = new ServiceHarness(dir)) {
      h.connector.users = 200;
      h.connector.pageDelay = Duration.ofMillis(100); // ~10 s of paging
      Task task = Tasks.syncFull();
      h.c1.tasks().enqueue(task);
      h.start();
      h.c1.tasks().awaitHeartbeats(task.getId(), 2, WAIT);
      h.c1.tasks().cancel(task.getId());
      FinishedTask done = h.c1.tasks().awaitFinished(task.getId(), Duration.ofSeconds(10));
      assertThat(done.success()).isFalse();
      assertThat(done.code()).isEqualTo(Status.Code.CANCELLED);
      assertThat(done.nonRetryable()).isFalse();
      assertThat(h.c1.tasks().uploads(task.getId())).isEmpty();
      assertThat(leftoverSyncFiles(h)).isEmpty();
    }
  }

  /**
   * A lost first heartbeat, to its end: the abandoned lease expires, the task is handed out again
   * and this time runs.
   */
  @Test
  void aTaskWhoseFirstHeartbeatFailedRunsAgainOnceItsLeaseExpires() throws Exception {
    try (ServiceHarness h = new ServiceHarness(dir)) {
      h.c1.faults().fail(Faults.Kind.HEARTBEAT, Status.UNAVAILABLE.withDescription("blip"), 1);
      h.c1.tasks().expireLeasesAfter(Duration.ofSeconds(2));
      Task sync = Tasks.syncFull();
      h.c1.tasks().enqueue(sync);
      h.start();
      FinishedTask done = h.c1.tasks().awaitFinished(sync.getId(), WAIT);
      assertThat(done.success()).as(done.message()).isTrue();
      assertThat(h.c1.tasks().expired()).containsExactly(sync.getId());
      assertThat(h.c1.tasks().uploads(sync.getId())).hasSize(1);
      assertThat(leftoverSyncFiles(h)).isEmpty();
    }
  }

  @Test
  void aFailedFirstHeartbeatLeavesTheTaskUnfinishedAndPollingGoesOn() throws Exception {
    try (ServiceHarness h = new ServiceHarness(dir)) {
      h.c1.faults().fail(Faults.Kind.HEARTBEAT, Status.NOT_FOUND.withDescription("lease lost"), 1);
      Task sync = Tasks.syncFull();
      Task next = Tasks.actionInvoke("echo", com.google.protobuf.Struct.getDefaultInstance());
      h.c1.tasks().enqueue(sync, next);
      h.start();
      assertThat(h.c1.tasks().awaitFinished(next.getId(), WAIT).success()).isTrue();
      Thread.sleep(500);
      assertThat(h.c1.tasks().finished(sync.getId())).isEmpty();
      assertThat(h.c1.tasks().leased()).contains(sync.getId());
      assertThat(h.c1.calls().of("UploadAsset")).isEmpty();
      assertThat(leftoverSyncFiles(h)).isEmpty();
    }
  }

  @Test
  void skipFullSyncValidatesAndUploadsAnEmptyFullSync() throws Exception {
    try (ServiceHarness h = new ServiceHarness(dir)) {
      Task task = Tasks.syncFull();
      h.c1.tasks().enqueue(task);
      h.start(
          b ->
              b.sync(
                  new org.batonjava.sdk.service.SyncSettings(java.util.Set.of(), false, true, 1)));
      assertThat(h.c1.tasks().awaitFinished(task.getId(), WAIT).success()).isTrue();
      try (C1zStore store = open(h.c1.tasks().uploads(task.getId()).get(0))) {
        SyncRun run = store.syncRuns().latestFinished().orElseThrow();
        assertThat(run.type()).isEqualTo(SyncType.FULL);
        assertThat(
                store.reader().listResources(run.id(), java.util.Optional.empty(), "", 0).items())
            .isEmpty();
      }
    }
  }

  @Test
  void nineFailedHeartbeatsInARowCancelTheSync() throws Exception {
    try (ServiceHarness h = new ServiceHarness(dir)) {
      h.connector.users = 400;
      h.connector.pageDelay = Duration.ofMillis(100); // ~20 s of paging
      Task task = Tasks.syncFull();
      h.c1.tasks().enqueue(task);
      h.start();
      h.c1.tasks().awaitHeartbeats(task.getId(), 1, WAIT);
      h.c1.faults().fail(Faults.Kind.HEARTBEAT, Status.UNAVAILABLE, 100);
      FinishedTask done = h.c1.tasks().awaitFinished(task.getId(), Duration.ofSeconds(16));
      assertThat(done.code()).isEqualTo(Status.Code.CANCELLED);
      long failedHeartbeats = h.c1.calls().of("Heartbeat").size() - 1L;
      assertThat(failedHeartbeats).isEqualTo(9);
    }
  }

  private static C1zStore open(UploadRecord upload) throws Exception {
    Path file = Files.createTempFile("uploaded", ".c1z");
    Files.write(file, upload.content());
    file.toFile().deleteOnExit();
    return C1zStore.openReadOnly(file, C1zOptions.defaults());
  }

  private static List<Path> leftoverSyncFiles(ServiceHarness h) throws Exception {
    try (Stream<Path> files = Files.list(h.tempDir)) {
      return files
          .filter(p -> p.getFileName().toString().startsWith("baton-sdk-sync-upload"))
          .toList();
    }
  }
}
