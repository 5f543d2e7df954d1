package org.batonjava.metabase.connector;

import java.util.List;
import org.batonjava.sdk.config.ConfigField;
import org.batonjava.sdk.config.Setting;
import org.batonjava.sdk.crypto.Secret;

/**
 * The connector's own settings, each declared once. The first three are exactly as the Go
 * connectors declare them (their {@code config_schema.json}): the same names, display names,
 * descriptions, required/secret flags and defaults in all three variants. The CLI runtime turns
 * each into a flag, a {@code BATON_*} variable and a schema field; {@link MetabaseDefinition} reads
 * them back typed.
 */
public final class MetabaseFields {
  public static final Setting<String> BASE_URL =
      Setting.string(
          ConfigField.string("metabase-base-url")
              .displayName("Base URL")
              .description("Metabase Base URL e.g. https://metabase.example.com")
              .required()
              .build());

  public static final Setting<Secret> API_KEY =
      Setting.secret(
          ConfigField.string("metabase-api-key")
              .displayName("API Key")
              .description("Metabase API Key")
              .required()
              .secret()
              .build());

  /** A bool field whose schema carries no default ({@code "boolField": {}}); unset means false. */
  public static final Setting<Boolean> WITH_PAID_PLAN =
      Setting.bool(
          ConfigField.bool("metabase-with-paid-plan")
              .displayName("Metabase with paid plan")
              .description(
                  "Set to true if using Metabase paid plan, false for Open Source / self-hosted (free)")
              .build());

  /**
   * {@code --metabase-version} ({@code baton-metabase} only): {@code auto} switches to version
   * detection. Not part of the Go connector's schema (not exported), so {@code config} output stays
   * identical; see docs/COMPATIBILITY.md.
   */
  public static final Setting<String> METABASE_VERSION =
      Setting.string(
          ConfigField.string("metabase-version")
              .displayName("Metabase version")
              .description(
                  "auto: read the server's version and also sync databases with the permission model of that"
                      + " version (any Metabase >= 0.49, free or paid); empty: users and groups only, like the Go connector")
              .oneOf("auto")
              .notExported()
              .build());

  /**
   * {@code --metabase-extended-access} (all variants): API keys and collections. On by default with
   * {@code --metabase-version auto}, off for the Go-named variants; not exported, so {@code config}
   * output stays identical; see docs/COMPATIBILITY.md (C9).
   */
  public static final Setting<Boolean> EXTENDED_ACCESS =
      Setting.bool(
          ConfigField.bool("metabase-extended-access")
              .displayName("Extended access")
              .description(
                  "Also sync API keys and collections (who can view or curate them); on by default with"
                      + " --metabase-version auto, off otherwise")
              .notExported()
              .build());

  /**
   * {@code --force} (all variants, extended access only): add a group membership even where an
   * identity provider's group sync maps the group and would undo it at the user's next SSO login.
   * Not exported.
   */
  public static final Setting<Boolean> FORCE =
      Setting.bool(
          ConfigField.bool("force")
              .displayName("Force")
              .description(
                  "Add group memberships even in groups an identity provider's group sync manages (Metabase"
                      + " undoes them at the user's next SSO login); without it such grants are refused")
              .notExported()
              .build());

  /**
   * {@code --metabase-page-concurrency} (all variants): how many pages of users a sync reads at
   * once (1 reads one page after the other, as the Go connectors do); above 1 the membership map
   * and the permission graph are also read in the background. Not exported, so {@code config}
   * output stays identical.
   */
  public static final Setting<Long> PAGE_CONCURRENCY =
      Setting.integer(
          ConfigField.integer("metabase-page-concurrency")
              .displayName("Page concurrency")
              .defaultValue(ConnectorConfig.DEFAULT_PAGE_CONCURRENCY)
              .range(1, 16)
              .description(
                  "How many pages of users a sync requests at once (1 to 16; 1 = one after the other)")
              .notExported()
              .build());

  /** The Go connectors' fields, in the order of the unversioned connector's schema. */
  public static final List<Setting<?>> ALL = List.of(BASE_URL, API_KEY, WITH_PAID_PLAN);

  private MetabaseFields() {}
}
