package org.batonjava.sdk.connector;

import c1.connector.v2.BatonActionSchema;
import com.google.protobuf.Struct;

/** A custom action a connector offers ({@code --invoke-action NAME --invoke-action-args JSON}). */
public interface ActionHandler {
  /** Name, arguments and return types, as shown by {@code --list-action-schemas}. */
  BatonActionSchema schema();

  /**
   * Runs the action synchronously and returns its result; throws {@link ConnectorException} on
   * failure.
   */
  Struct invoke(Struct args);
}
