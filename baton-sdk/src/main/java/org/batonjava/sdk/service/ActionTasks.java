package org.batonjava.sdk.service;

import c1.connector.v2.BatonActionSchema;
import c1.connector.v2.BatonActionStatus;
import c1.connector.v2.GetActionSchemaResponse;
import c1.connector.v2.GetActionStatusResponse;
import c1.connector.v2.InvokeActionResponse;
import c1.connector.v2.ListActionSchemasResponse;
import c1.connectorapi.baton.v1.Task;
import com.google.protobuf.Struct;
import io.grpc.Status;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.batonjava.sdk.c1z.Ksuid;
import org.batonjava.sdk.connector.ActionHandler;
import org.batonjava.sdk.connector.Connector;
import org.batonjava.sdk.connector.ConnectorException;
import org.batonjava.sdk.provision.ProvisioningRetry;

/**
 * The four action task types: list schemas (optionally of one resource type), get one schema,
 * invoke, and status. Actions run synchronously, so an invocation answers {@code COMPLETE} with its
 * result; the last 100 results stay available to {@code action_status}. A failed action finishes
 * the task with an error (retryable), as the Go SDK does for a {@code FAILED} status.
 */
final class ActionTasks {
  private static final int REMEMBERED_RESULTS = 100;

  private final Connector connector;
  private final Ksuid ids = new Ksuid();
  private final Map<String, GetActionStatusResponse> results =
      new LinkedHashMap<>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, GetActionStatusResponse> eldest) {
          return size() > REMEMBERED_RESULTS;
        }
      };

  ActionTasks(Connector connector) {
    this.connector = connector;
  }

  TaskOutcome listSchemas(Task task, TaskContext context) {
    String type = task.getActionListSchemas().getResourceTypeId();
    List<BatonActionSchema> schemas =
        connector.actions().stream()
            .map(ActionHandler::schema)
            .filter(s -> type.isEmpty() || s.getResourceTypeId().equals(type))
            .toList();
    return TaskOutcome.Success.of(
        ListActionSchemasResponse.newBuilder().addAllSchemas(schemas).build(), List.of());
  }

  TaskOutcome getSchema(Task task, TaskContext context) {
    ActionHandler handler = handler(task.getActionGetSchema().getName());
    return TaskOutcome.Success.of(
        GetActionSchemaResponse.newBuilder().setSchema(handler.schema()).build(), List.of());
  }

  TaskOutcome invoke(Task task, TaskContext context) {
    Task.ActionInvokeTask invoke = task.getActionInvoke();
    ActionHandler handler = handler(invoke.getName());
    Struct result;
    try {
      result =
          ProvisioningRetry.standard()
              .call("action " + invoke.getName(), () -> handler.invoke(invoke.getArgs()))
              .value();
    } catch (RuntimeException e) {
      throw TaskFailure.fromConnector(e, false);
    }
    String id = ids.next(Instant.now());
    InvokeActionResponse response =
        InvokeActionResponse.newBuilder()
            .setId(id)
            .setName(invoke.getName())
            .setStatus(BatonActionStatus.BATON_ACTION_STATUS_COMPLETE)
            .setResponse(result)
            .build();
    synchronized (results) {
      results.put(
          id,
          GetActionStatusResponse.newBuilder()
              .setId(id)
              .setName(invoke.getName())
              .setStatus(BatonActionStatus.BATON_ACTION_STATUS_COMPLETE)
              .setResponse(result)
              .build());
    }
    return TaskOutcome.Success.of(response, List.of());
  }

  TaskOutcome status(Task task, TaskContext context) {
    Task.ActionStatusTask status = task.getActionStatus();
    GetActionStatusResponse known;
    synchronized (results) {
      known = results.get(status.getId());
    }
    if (known == null) {
      throw TaskFailure.fromConnector(
          new ConnectorException(
              Status.Code.NOT_FOUND,
              "no action invocation " + status.getId() + " is known to this connector process"),
          false);
    }
    return TaskOutcome.Success.of(known, List.of());
  }

  private ActionHandler handler(String name) {
    return connector.actions().stream()
        .filter(h -> h.schema().getName().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                TaskFailure.fromConnector(
                    new ConnectorException(Status.Code.NOT_FOUND, "unknown action " + name),
                    false));
  }
}
