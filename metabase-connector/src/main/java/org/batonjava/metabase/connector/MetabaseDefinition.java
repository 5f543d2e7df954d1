package org.batonjava.metabase.connector;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.batonjava.sdk.config.ConfigValues;
import org.batonjava.sdk.config.Setting;
import org.batonjava.sdk.config.StandardSettings;
import org.batonjava.sdk.connector.ConnectorDefinition;

/**
 * What the CLI runtime needs to run one drop-in binary: the Go connector's names and fields (and,
 * for {@code baton-metabase}, the extra {@code --metabase-version auto}), and the connector built
 * from their values.
 *
 * @param variant {@link MetabaseVariant#UNVERSIONED}, {@code V049} or {@code V056}
 */
public record MetabaseDefinition(MetabaseVariant variant) implements ConnectorDefinition {
  @Override
  public String name() {
    return variant.binaryName();
  }

  @Override
  public String displayName() {
    return variant.displayName();
  }

  @Override
  public String description() {
    return variant.description() + ".";
  }

  @Override
  public String helpUrl() {
    return "/docs/baton/metabase";
  }

  @Override
  public String iconUrl() {
    return "/static/app-icons/metabase.svg";
  }

  @Override
  public List<Setting<?>> settings() {
    List<Setting<?>> settings = new ArrayList<>(MetabaseFields.ALL);
    if (variant == MetabaseVariant.UNVERSIONED) {
      settings.add(MetabaseFields.METABASE_VERSION);
    }
    settings.add(MetabaseFields.EXTENDED_ACCESS);
    settings.add(MetabaseFields.FORCE);
    settings.add(MetabaseFields.PAGE_CONCURRENCY);
    return settings;
  }

  @Override
  public MetabaseConnector create(ConfigValues values) {
    return MetabaseConnectors.create(config(values));
  }

  /**
   * The parsed configuration: {@code --metabase-version auto} turns {@code baton-metabase} into the
   * auto variant; {@code --metabase-extended-access} defaults to on for auto and off otherwise,
   * unless given.
   */
  ConnectorConfig config(ConfigValues values) {
    MetabaseVariant effective = variant;
    if (variant == MetabaseVariant.UNVERSIONED
        && "auto".equals(values.get(MetabaseFields.METABASE_VERSION))) {
      effective = MetabaseVariant.AUTO;
    }
    return new ConnectorConfig(
        values.get(MetabaseFields.BASE_URL),
        values.get(MetabaseFields.API_KEY),
        values.get(MetabaseFields.WITH_PAID_PLAN),
        effective,
        Duration.ofSeconds(values.get(StandardSettings.HTTP_TIMEOUT_SECONDS)),
        values.isDefault(MetabaseFields.EXTENDED_ACCESS)
            ? effective == MetabaseVariant.AUTO
            : values.get(MetabaseFields.EXTENDED_ACCESS),
        values.get(MetabaseFields.FORCE),
        values.get(MetabaseFields.PAGE_CONCURRENCY).intValue());
  }
}
