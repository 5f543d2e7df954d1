package org.batonjava.sdk.connector;

import java.util.List;
import org.batonjava.sdk.config.ConfigValues;
import org.batonjava.sdk.config.FieldRelation;
import org.batonjava.sdk.config.Setting;

/**
 * Everything the CLI runtime needs to run a connector: its names, its settings (each declared once,
 * typed) and how to build it from their values. A launcher only registers it ({@code
 * BatonApp.builder().connector(definition)}).
 */
public interface ConnectorDefinition {
  /** The binary name, e.g. {@code baton-example}. */
  String name();

  /** The {@code config} schema's display name, e.g. {@code Example}. */
  String displayName();

  /** One paragraph at the top of {@code --help}. */
  String description();

  default String helpUrl() {
    return "";
  }

  default String iconUrl() {
    return "";
  }

  /** The connector's own settings, in schema order; the runtime appends its generic ones. */
  List<Setting<?>> settings();

  /** Rules over several of the connector's settings (exported as schema constraints). */
  default List<FieldRelation> relations() {
    return List.of();
  }

  /**
   * Builds the connector. It must not call the target system (that is {@link
   * Connector#validate()}'s job); a {@link ConnectorException} or {@link IllegalArgumentException}
   * it throws is reported as one {@code error:} line.
   */
  Connector create(ConfigValues values);
}
