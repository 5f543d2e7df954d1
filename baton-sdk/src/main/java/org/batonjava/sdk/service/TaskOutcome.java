package org.batonjava.sdk.service;

import com.google.protobuf.Any;
import com.google.protobuf.Message;
import java.util.List;
import java.util.Optional;

/** How a task handler ended, which decides the {@code FinishTask} call (or its absence). */
sealed interface TaskOutcome {
  /** {@code FinishTask} with {@code success{annotations, response}}. */
  record Success(Optional<Message> response, List<Any> annotations) implements TaskOutcome {
    static Success empty() {
      return new Success(Optional.empty(), List.of());
    }

    static Success of(Message response, List<Any> annotations) {
      return new Success(Optional.of(response), annotations);
    }
  }

  /** {@code FinishTask} with {@code status} and {@code error{non_retryable}}. */
  record Failure(TaskFailure failure) implements TaskOutcome {}

  /**
   * No {@code FinishTask} at all, as in the Go SDK: Hello tasks, and syncs whose first heartbeat
   * failed or was cancelled (ConductorOne's lease runs out instead).
   */
  record NoFinish(String reason) implements TaskOutcome {}
}
