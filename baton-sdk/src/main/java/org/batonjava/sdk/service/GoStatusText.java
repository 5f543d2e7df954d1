package org.batonjava.sdk.service;

import io.grpc.Status;
import java.util.Locale;

/**
 * The text of a gRPC status error as grpc-go prints it ({@code rpc error: code = FailedPrecondition
 * desc = …}). In the Go SDK every connector error crosses a gRPC boundary (parent ⇄ connector
 * child), so ConductorOne sees connector failures in this form inside {@code
 * FinishTask.status.message}.
 */
final class GoStatusText {
  private GoStatusText() {}

  /** {@code rpc error: code = <GoName> desc = <message>}. */
  static String of(Status.Code code, String message) {
    return "rpc error: code = " + goName(code) + " desc = " + message;
  }

  /**
   * grpc-go's code names: {@code Canceled}, {@code InvalidArgument}, {@code FailedPrecondition}, …
   */
  static String goName(Status.Code code) {
    if (code == Status.Code.CANCELLED) {
      return "Canceled";
    }
    StringBuilder out = new StringBuilder();
    for (String word : code.name().split("_", -1)) {
      out.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
    }
    return out.toString();
  }
}
