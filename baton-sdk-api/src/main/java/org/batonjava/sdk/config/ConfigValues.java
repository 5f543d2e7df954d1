package org.batonjava.sdk.config;

import java.util.List;
import org.batonjava.sdk.crypto.Secret;

/**
 * The resolved value of every setting (flags, {@code BATON_*} environment, {@code .baton.yaml},
 * defaults), as the CLI runtime hands it to {@code ConnectorDefinition.create}. Read a connector's
 * own settings with {@link #get(Setting)}; the string-keyed accessors are for the runtime.
 */
public interface ConfigValues {
  /** The typed value of a declared setting. */
  default <T> T get(Setting<T> setting) {
    return setting.readFrom(this);
  }

  String string(String name);

  Secret secret(String name);

  boolean bool(String name);

  long longValue(String name);

  List<String> strings(String name);

  /**
   * Whether the setting kept its default: neither the command line, the environment nor a config
   * file gave it a value (so a connector can pick a default that depends on other settings).
   */
  boolean isDefault(String name);

  /** {@link #isDefault(String)} for a declared setting. */
  default boolean isDefault(Setting<?> setting) {
    return isDefault(setting.name());
  }
}
