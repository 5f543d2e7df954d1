package org.batonjava.sdk.cli;

import java.util.List;
import org.batonjava.sdk.config.ConfigField;

/** The Metabase connectors' own fields, as the Go connectors declare them (test fixture). */
final class MetabaseFields {
  static final String BASE_URL = "metabase-base-url";
  static final String API_KEY = "metabase-api-key";
  static final String WITH_PAID_PLAN = "metabase-with-paid-plan";

  private MetabaseFields() {}

  static List<ConfigField> all() {
    return List.of(
        ConfigField.string(BASE_URL)
            .displayName("Base URL")
            .required()
            .description("Metabase Base URL e.g. https://metabase.example.com")
            .build(),
        ConfigField.string(API_KEY)
            .displayName("API Key")
            .required()
            .secret()
            .description("Metabase API Key")
            .build(),
        ConfigField.bool(WITH_PAID_PLAN)
            .displayName("Metabase with paid plan")
            .defaultValue(false)
            .description(
                "Set to true if using Metabase paid plan, false for Open Source / self-hosted (free)")
            .build());
  }
}
