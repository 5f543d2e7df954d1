package org.batonjava.sdk.config;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.batonjava.sdk.crypto.Secret;

/**
 * A typed configuration setting: one {@link ConfigField} declaration (name, description, kind,
 * default, required, secret, export) and the type its value reaches the connector as. A connector
 * declares each of its settings once, lists them in {@code ConnectorDefinition.settings()} and
 * reads them back with {@link ConfigValues#get(Setting)}:
 *
 * <pre>{@code
 * static final Setting<String> BASE_URL = Setting.string(ConfigField.string("example-base-url")
 *     .displayName("Base URL").description("The server's base URL").required().build());
 * ...
 * String url = values.get(BASE_URL);
 * }</pre>
 *
 * @param <T> {@link String}, {@link Secret}, {@link Boolean}, {@link Long} or {@code List<String>}
 */
public final class Setting<T> {
  private final ConfigField field;
  private final Function<ConfigValues, T> reader;

  private Setting(
      ConfigField field, FieldKind kind, boolean secret, Function<ConfigValues, T> reader) {
    this.field = Objects.requireNonNull(field, "field");
    if (field.kind() != kind || field.secret() != secret) {
      throw new IllegalArgumentException(
          field.name() + " is a " + (field.secret() ? "secret " : "") + field.kind() + " field");
    }
    this.reader = reader;
  }

  /** A plain string setting ({@code ""} when unset without default). */
  public static Setting<String> string(ConfigField field) {
    return new Setting<>(field, FieldKind.STRING, false, values -> values.string(field.name()));
  }

  /** A secret string setting (an empty secret when unset); never echoed. */
  public static Setting<Secret> secret(ConfigField field) {
    return new Setting<>(field, FieldKind.STRING, true, values -> values.secret(field.name()));
  }

  /** A boolean setting (false when unset without default). */
  public static Setting<Boolean> bool(ConfigField field) {
    return new Setting<>(field, FieldKind.BOOL, false, values -> values.bool(field.name()));
  }

  /** An integer setting. */
  public static Setting<Long> integer(ConfigField field) {
    return new Setting<>(field, FieldKind.INT, false, values -> values.longValue(field.name()));
  }

  /** A list of strings (empty when unset). */
  public static Setting<List<String>> strings(ConfigField field) {
    return new Setting<>(
        field, FieldKind.STRING_LIST, false, values -> values.strings(field.name()));
  }

  /**
   * The declaration the CLI runtime turns into a flag, a {@code BATON_*} variable and a schema
   * field.
   */
  public ConfigField field() {
    return field;
  }

  T readFrom(ConfigValues values) {
    return reader.apply(values);
  }

  public String name() {
    return field.name();
  }

  public String displayName() {
    return field.displayName();
  }

  public String description() {
    return field.description();
  }

  public FieldKind kind() {
    return field.kind();
  }

  public boolean required() {
    return field.required();
  }

  public boolean secret() {
    return field.secret();
  }

  /** The default in textual form, empty when none is declared. */
  public String defaultValue() {
    return field.defaultText();
  }

  /** {@code --name}. */
  public String flag() {
    return field.flag();
  }

  /** {@code BATON_} + the name in upper snake case. */
  public String envVar() {
    return field.envVar();
  }

  @Override
  public String toString() {
    return "Setting[" + field.name() + "]";
  }
}
