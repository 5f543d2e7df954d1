package org.batonjava.sdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import c1.config.v1.Configuration;
import c1.config.v1.ConstraintKind;
import c1.config.v1.Field;
import java.util.List;
import org.batonjava.sdk.config.ConfigField;
import org.batonjava.sdk.config.FieldRelation;
import org.batonjava.sdk.connector.GoSdkShape;
import org.junit.jupiter.api.Test;

/**
 * Field kinds, rules and constraints of the {@code config} schema beyond what the Metabase fields
 * use.
 */
class ConfigSchemaTest {
  private final ConfigSchema schema = new ConfigSchema("X", "/docs", "/icon.svg");

  @Test
  void kindsDefaultsAndRules() {
    List<ConfigField> fields =
        List.of(
            ConfigField.stringList("regions").defaultValue("eu,us").placeholder("eu").build(),
            ConfigField.integer("page-size").required().range(1, 500).defaultValue(50).build(),
            ConfigField.bool("verbose").defaultValue(true).build(),
            ConfigField.string("internal").notExported().build());

    Configuration config = schema.build(List.of(), fields, List.of(), GoSdkShape.V0_25_0);

    assertThat(config.getFieldsList())
        .extracting(Field::getName)
        .containsExactly("regions", "page-size", "verbose");
    assertThat(config.getFields(0).getStringSliceField().getDefaultValueList())
        .containsExactly("eu", "us");
    assertThat(config.getFields(0).getPlaceholder()).isEqualTo("eu");
    Field pageSize = config.getFields(1);
    assertThat(pageSize.getIsRequired()).isTrue();
    assertThat(pageSize.getIntField().getDefaultValue()).isEqualTo(50);
    assertThat(pageSize.getIntField().getRules().getGte()).isEqualTo(1);
    assertThat(pageSize.getIntField().getRules().getLte()).isEqualTo(500);
    assertThat(pageSize.getIntField().getRules().getIsRequired()).isTrue();
    assertThat(config.getFields(2).getBoolField().getDefaultValue()).isTrue();
  }

  @Test
  void relationsBetweenExportedFieldsBecomeConstraints() {
    List<ConfigField> fields =
        List.of(
            ConfigField.string("user").build(),
            ConfigField.string("password").secret().build(),
            ConfigField.string("hidden-one").notExported().build());

    Configuration config =
        schema.build(
            List.of(),
            fields,
            List.of(
                FieldRelation.requiredTogether("user", "password"),
                FieldRelation.requiredTogether("user", "hidden-one")),
            GoSdkShape.V0_25_0);

    assertThat(config.getConstraintsList()).hasSize(1);
    assertThat(config.getConstraints(0).getKind())
        .isEqualTo(ConstraintKind.CONSTRAINT_KIND_REQUIRED_TOGETHER);
    assertThat(config.getConstraints(0).getFieldNamesList()).containsExactly("user", "password");
  }

  @Test
  void v056ShapeDropsLaterSdkFieldsAndSortsByName() {
    Configuration config =
        schema.build(
            DefaultFields.fields(),
            List.of(ConfigField.string("a-first").build()),
            List.of(),
            GoSdkShape.V0_5_6);

    assertThat(config.getFieldsList())
        .extracting(Field::getName)
        .isSorted()
        .contains("a-first", "log-level")
        .doesNotContain(
            "http-timeout-seconds", "health-check", "session-store-maximum-size", "file");
  }
}
