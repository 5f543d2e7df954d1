package org.batonjava.sdk.service;

import c1.connectorapi.baton.v1.Task;

/** Runs one kind of task; returns how it ended, or throws {@link TaskFailure}. */
@FunctionalInterface
interface TaskHandler {
  TaskOutcome handle(Task task, TaskContext context);
}
