package org.batonjava.sdk.provision;

import c1.connector.v2.BatonActionSchema;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Struct;
import com.google.protobuf.util.JsonFormat;
import io.grpc.Status;
import java.util.List;
import java.util.stream.Collectors;
import org.batonjava.sdk.connector.ActionHandler;
import org.batonjava.sdk.connector.Connector;
import org.batonjava.sdk.connector.ConnectorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Custom actions: {@code --list-action-schemas} and {@code --invoke-action NAME
 * --invoke-action-args JSON}.
 */
public final class ActionRequests {
  private static final Logger LOG = LoggerFactory.getLogger(ActionRequests.class);

  private final Connector connector;

  public ActionRequests(Connector connector) {
    this.connector = connector;
  }

  public List<BatonActionSchema> schemas() {
    return connector.actions().stream().map(ActionHandler::schema).toList();
  }

  /** The schemas as protojson, one object per action, in a JSON array. */
  public String schemasJson() {
    JsonFormat.Printer printer = JsonFormat.printer();
    return schemas().stream()
        .map(
            s -> {
              try {
                return printer.print(s);
              } catch (InvalidProtocolBufferException e) {
                throw new IllegalStateException(e);
              }
            })
        .collect(Collectors.joining(",\n", "[\n", "\n]"));
  }

  /** Runs the action; {@code argsJson} is a JSON object. Returns the action's result. */
  public Struct invoke(String name, String argsJson) {
    ActionHandler handler =
        connector.actions().stream()
            .filter(h -> h.schema().getName().equals(name))
            .findFirst()
            .orElseThrow(
                () ->
                    new ConnectorException(
                        Status.Code.NOT_FOUND,
                        "unknown action "
                            + name
                            + "; this connector offers "
                            + connector.actions().stream()
                                .map(h -> h.schema().getName())
                                .collect(Collectors.joining(", "))));
    Struct args;
    try {
      args =
          JsonObjectArgument.parse(
              "--invoke-action-args",
              argsJson == null || argsJson.isBlank() ? "{}" : argsJson,
              "{\"userId\": \"42\"}");
    } catch (JsonObjectArgument.Problem e) {
      throw new ConnectorException(Status.Code.INVALID_ARGUMENT, e.getMessage());
    }
    ProvisioningRetry.Result<Struct> result =
        ProvisioningRetry.standard().call("action " + name, () -> handler.invoke(args));
    if (result.earlierAttemptUncertain()) {
      LOG.warn(
          "action {}: an earlier attempt's answer was lost; the result below is the state now, and this run's"
              + " request may have made the change",
          name);
    }
    return result.value();
  }

  /** A result as compact JSON for the one line printed after an action. */
  public static String json(Struct result) {
    try {
      return JsonFormat.printer().omittingInsignificantWhitespace().print(result);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException(e);
    }
  }
}
