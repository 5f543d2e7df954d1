package org.batonjava.metabase.app;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.batonjava.metabase.connector.ConnectorConfig;
import org.batonjava.metabase.connector.MetabaseConnectors;
import org.batonjava.metabase.connector.MetabaseFields;
import org.batonjava.metabase.connector.MetabaseVariant;
import org.batonjava.sdk.cli.BatonApp;
import org.batonjava.sdk.cli.ConfigField;
import org.batonjava.sdk.cli.ResolvedConfig;
import org.batonjava.sdk.cli.RunEnvironment;
import org.batonjava.sdk.cli.ValueOrigin;
import org.batonjava.sdk.connector.GoSdkShape;

/**
 * The command line of one drop-in binary: the Go connector's own fields (and, for {@code baton-metabase}, the
 * extra {@code --metabase-version auto}), the SDK's generic flags, and the connector built from them.
 */
public final class MetabaseApp {
  /** The flag that switches {@code baton-metabase} to version detection; not in the Go connectors. */
  static final String METABASE_VERSION = "metabase-version";
  static final String HTTP_TIMEOUT = "http-timeout-seconds";
  /** The switch for API keys and collections (on by default only with auto); not in the Go connectors. */
  static final String EXTENDED_ACCESS = "metabase-extended-access";

  private MetabaseApp() {}

  /** The app of {@code variant} ({@link MetabaseVariant#UNVERSIONED}, {@code V049} or {@code V056}). */
  public static BatonApp of(MetabaseVariant variant, RunEnvironment environment) {
    return BatonApp.builder()
        .name(variant.binaryName())
        .version(version())
        .description(variant.description() + ".")
        .displayName(variant.displayName())
        .helpUrl("/docs/baton/metabase")
        .iconUrl("/static/app-icons/metabase.svg")
        .fields(fields(variant))
        .goSdkShape(variant == MetabaseVariant.UNVERSIONED ? GoSdkShape.V0_25_0 : GoSdkShape.V0_5_6)
        .connectorFactory(config -> MetabaseConnectors.create(config(variant, config)))
        .environment(environment)
        .build();
  }

  static List<ConfigField> fields(MetabaseVariant variant) {
    List<ConfigField> fields = new ArrayList<>();
    for (MetabaseFields.Field f : MetabaseFields.ALL) {
      ConfigField.Builder b = f.kind() == MetabaseFields.Kind.BOOL
          ? ConfigField.bool(f.name()).defaultValue(false)
          : ConfigField.string(f.name());
      b.displayName(f.displayName()).description(f.description());
      if (f.required()) {
        b.required();
      }
      if (f.secret()) {
        b.secret();
      }
      fields.add(b.build());
    }
    if (variant == MetabaseVariant.UNVERSIONED) {
      // Not part of the Go connector's schema, so `config` output stays identical; see docs/COMPATIBILITY.md.
      fields.add(ConfigField.string(METABASE_VERSION).displayName("Metabase version")
          .description("auto: read the server's version and also sync databases with the permission model of that"
              + " version (any Metabase >= 0.49, free or paid); empty: users and groups only, like the Go connector")
          .oneOf("auto").notExported().build());
    }
    // Not exported either: the Go-named variants' `config` stays Go's; see docs/COMPATIBILITY.md.
    fields.add(ConfigField.bool(EXTENDED_ACCESS).defaultValue(false).displayName("Extended access")
        .description("Also sync API keys and collections (who can view or curate them); on by default with"
            + " --metabase-version auto, off otherwise")
        .notExported().build());
    return fields;
  }

  static ConnectorConfig config(MetabaseVariant variant, ResolvedConfig config) {
    MetabaseVariant effective = variant;
    if (variant == MetabaseVariant.UNVERSIONED && "auto".equals(config.string(METABASE_VERSION))) {
      effective = MetabaseVariant.AUTO;
    }
    boolean extended = config.origin(EXTENDED_ACCESS).kind() == ValueOrigin.Kind.DEFAULT
        ? effective == MetabaseVariant.AUTO
        : config.bool(EXTENDED_ACCESS);
    return new ConnectorConfig(
        config.string(MetabaseFields.BASE_URL.name()),
        config.secret(MetabaseFields.API_KEY.name()),
        config.bool(MetabaseFields.WITH_PAID_PLAN.name()),
        effective,
        Duration.ofSeconds(config.integer(HTTP_TIMEOUT)),
        extended);
  }

  static String version() {
    String v = MetabaseApp.class.getPackage().getImplementationVersion();
    return v == null || v.isBlank() ? "dev" : v;
  }
}
