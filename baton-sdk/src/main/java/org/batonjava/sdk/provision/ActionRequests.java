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

/** Custom actions: {@code --list-action-schemas} and {@code --invoke-action NAME --invoke-action-args JSON}. */
public final class ActionRequests {
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
    return schemas().stream().map(s -> {
      try {
        return printer.print(s);
      } catch (InvalidProtocolBufferException e) {
        throw new IllegalStateException(e);
      }
    }).collect(Collectors.joining(",\n", "[\n", "\n]"));
  }

  /** Runs the action; {@code argsJson} is a JSON object. Returns the action's result. */
  public Struct invoke(String name, String argsJson) {
    ActionHandler handler = connector.actions().stream()
        .filter(h -> h.schema().getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new ConnectorException(Status.Code.NOT_FOUND, "unknown action " + name + "; this connector offers "
            + connector.actions().stream().map(h -> h.schema().getName()).collect(Collectors.joining(", "))));
    Struct.Builder args = Struct.newBuilder();
    try {
      JsonFormat.parser().merge(argsJson == null || argsJson.isBlank() ? "{}" : argsJson, args);
    } catch (InvalidProtocolBufferException e) {
      throw new ConnectorException(Status.Code.INVALID_ARGUMENT,
          "--invoke-action-args must be a JSON object, e.g. '{\"userId\": \"42\"}' (" + e.getMessage() + ")");
    }
    return handler.invoke(args.build());
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
