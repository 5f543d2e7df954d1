package org.batonjava.metabase.connector;

import java.util.List;
import java.util.Locale;

/**
 * The connector's own configuration fields, exactly as the Go connectors declare them (their
 * {@code config_schema.json}): the same names, display names, descriptions, required/secret flags and defaults
 * in all three variants. The CLI runtime turns each into a flag, a {@code BATON_*} variable and a schema field.
 */
public final class MetabaseFields {
  /** The kind of value a field holds. */
  public enum Kind {
    STRING,
    BOOL
  }

  /**
   * One field.
   *
   * @param name the flag name without dashes
   * @param displayName shown in ConductorOne
   * @param description one sentence
   * @param kind string or bool
   * @param required must be set and non-empty
   * @param secret never echoed; wrapped in a {@link org.batonjava.sdk.crypto.Secret}
   * @param defaultValue textual default, empty when none is declared
   */
  public record Field(
      String name, String displayName, String description, Kind kind, boolean required, boolean secret,
      String defaultValue) {

    /** {@code --name}. */
    public String flag() {
      return "--" + name;
    }

    /** {@code BATON_} + upper snake case. */
    public String envVar() {
      return "BATON_" + name.toUpperCase(Locale.ROOT).replace('-', '_');
    }
  }

  public static final Field BASE_URL = new Field("metabase-base-url", "Base URL",
      "Metabase Base URL e.g. https://metabase.example.com", Kind.STRING, true, false, "");

  public static final Field API_KEY = new Field("metabase-api-key", "API Key", "Metabase API Key",
      Kind.STRING, true, true, "");

  /** A bool field whose schema carries no default ({@code "boolField": {}}); unset means false. */
  public static final Field WITH_PAID_PLAN = new Field("metabase-with-paid-plan", "Metabase with paid plan",
      "Set to true if using Metabase paid plan, false for Open Source / self-hosted (free)", Kind.BOOL, false, false, "");

  /** In the order of the unversioned connector's schema. */
  public static final List<Field> ALL = List.of(BASE_URL, API_KEY, WITH_PAID_PLAN);

  private MetabaseFields() {}
}
