package org.batonjava.sdk.config;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One configuration setting, declared once and turned into a flag ({@code --name}), an environment
 * variable ({@code BATON_NAME}), a {@code .baton.yaml} key ({@code name}) and, when exported, a
 * field of the {@code config} schema. Build with {@link #string}, {@link #bool}, {@link #integer}
 * or {@link #stringList}.
 *
 * @param name the flag name in kebab-case, without dashes
 * @param shortName a one-letter alias ({@code f} for {@code -f}), or empty
 * @param displayName shown in the ConductorOne UI (schema only)
 * @param description one sentence, shown in help and the schema
 * @param placeholder example value for the UI (schema only)
 * @param kind the value type
 * @param required the value must be set and non-empty
 * @param secret the value is wrapped in a {@link org.batonjava.sdk.crypto.Secret} and never echoed
 * @param defaultText the default in its textual form (lists comma-separated), or empty for none
 * @param export whether and how the field appears in the {@code config} schema
 * @param hidden left out of {@code --help}
 * @param min smallest allowed value of an {@link FieldKind#INT} field
 * @param max largest allowed value of an {@link FieldKind#INT} field
 * @param allowedValues the only values a {@link FieldKind#STRING} field accepts (case-insensitive);
 *     empty = any
 */
public record ConfigField(
    String name,
    String shortName,
    String displayName,
    String description,
    String placeholder,
    FieldKind kind,
    boolean required,
    boolean secret,
    String defaultText,
    Export export,
    boolean hidden,
    OptionalLong min,
    OptionalLong max,
    List<String> allowedValues) {

  /**
   * Where a field appears in the {@code config} schema (Go: export targets {@code gui}, {@code
   * ops}, none).
   */
  public enum Export {
    /** Not in the schema (most generic flags). */
    NONE,
    /** In the schema as a connector setting (the default for connector fields). */
    GUI,
    /** In the schema with {@code isOps: true} (operator settings such as the log level). */
    OPS
  }

  public ConfigField {
    Objects.requireNonNull(name, "name");
    if (!name.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
      throw new IllegalArgumentException("field name must be kebab-case: " + name);
    }
    if (!shortName.isEmpty() && !shortName.matches("[a-zA-Z]")) {
      throw new IllegalArgumentException("short name must be one letter: " + shortName);
    }
    if (secret && kind != FieldKind.STRING) {
      throw new IllegalArgumentException("only string fields can be secret: " + name);
    }
    if (secret && !defaultText.isEmpty()) {
      throw new IllegalArgumentException("a secret field cannot have a default: " + name);
    }
    if ((min.isPresent() || max.isPresent()) && kind != FieldKind.INT) {
      throw new IllegalArgumentException("only int fields have a range: " + name);
    }
    allowedValues = List.copyOf(allowedValues);
  }

  public static Builder string(String name) {
    return new Builder(name, FieldKind.STRING);
  }

  public static Builder bool(String name) {
    return new Builder(name, FieldKind.BOOL);
  }

  public static Builder integer(String name) {
    return new Builder(name, FieldKind.INT);
  }

  public static Builder stringList(String name) {
    return new Builder(name, FieldKind.STRING_LIST);
  }

  /** {@code --name}. */
  public String flag() {
    return "--" + name;
  }

  /** {@code BATON_} + the name in upper snake case, as viper's AutomaticEnv derives it. */
  public String envVar() {
    return "BATON_" + name.toUpperCase(Locale.ROOT).replace('-', '_');
  }

  public boolean isOps() {
    return export == Export.OPS;
  }

  public boolean exported() {
    return export != Export.NONE;
  }

  /**
   * A fluent builder; connector fields are exported as {@link Export#GUI} unless told otherwise.
   */
  public static final class Builder {
    private final String name;
    private final FieldKind kind;
    private String shortName = "";
    private String displayName = "";
    private String description = "";
    private String placeholder = "";
    private boolean required;
    private boolean secret;
    private String defaultText = "";
    private Export export = Export.GUI;
    private boolean hidden;
    private OptionalLong min = OptionalLong.empty();
    private OptionalLong max = OptionalLong.empty();
    private List<String> allowedValues = List.of();

    private Builder(String name, FieldKind kind) {
      this.name = name;
      this.kind = kind;
    }

    public Builder shortName(char letter) {
      this.shortName = String.valueOf(letter);
      return this;
    }

    public Builder displayName(String text) {
      this.displayName = text;
      return this;
    }

    public Builder description(String text) {
      this.description = text;
      return this;
    }

    public Builder placeholder(String text) {
      this.placeholder = text;
      return this;
    }

    public Builder required() {
      this.required = true;
      return this;
    }

    public Builder secret() {
      this.secret = true;
      return this;
    }

    /** The default in textual form: {@code "300"}, {@code "true"}, {@code "a,b"}. */
    public Builder defaultValue(String text) {
      this.defaultText = text;
      return this;
    }

    public Builder defaultValue(long value) {
      return defaultValue(Long.toString(value));
    }

    public Builder defaultValue(boolean value) {
      return defaultValue(Boolean.toString(value));
    }

    /** Exported to the schema with {@code isOps: true}. */
    public Builder ops() {
      this.export = Export.OPS;
      return this;
    }

    /** Not exported to the schema. */
    public Builder notExported() {
      this.export = Export.NONE;
      return this;
    }

    public Builder hidden() {
      this.hidden = true;
      return this;
    }

    public Builder range(long minimum, long maximum) {
      this.min = OptionalLong.of(minimum);
      this.max = OptionalLong.of(maximum);
      return this;
    }

    public Builder atLeast(long minimum) {
      this.min = OptionalLong.of(minimum);
      return this;
    }

    public Builder oneOf(String... values) {
      this.allowedValues = List.of(values);
      return this;
    }

    public ConfigField build() {
      return new ConfigField(
          name,
          shortName,
          displayName,
          description,
          placeholder,
          kind,
          required,
          secret,
          defaultText,
          export,
          hidden,
          min,
          max,
          allowedValues);
    }
  }
}
