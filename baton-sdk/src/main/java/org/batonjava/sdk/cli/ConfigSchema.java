package org.batonjava.sdk.cli;

import c1.config.v1.BoolField;
import c1.config.v1.Configuration;
import c1.config.v1.Constraint;
import c1.config.v1.ConstraintKind;
import c1.config.v1.Field;
import c1.config.v1.Int64Rules;
import c1.config.v1.IntField;
import c1.config.v1.StringField;
import c1.config.v1.StringRules;
import c1.config.v1.StringSliceField;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.batonjava.sdk.config.ConfigField;
import org.batonjava.sdk.config.FieldRelation;
import org.batonjava.sdk.connector.GoSdkShape;

/**
 * Builds the {@code c1.config.v1.Configuration} that the {@code config} subcommand prints: exported
 * default fields first, then the connector's (v0.25.0 shape), or all exported fields sorted by name
 * (v0.5.6 shape); constraints only for relations between exported connector fields.
 *
 * @param displayName the connector's name in the ConductorOne UI
 * @param helpUrl documentation link
 * @param iconUrl icon link
 */
record ConfigSchema(String displayName, String helpUrl, String iconUrl) {

  Configuration build(
      List<ConfigField> defaultFields,
      List<ConfigField> connectorFields,
      List<FieldRelation> connectorRelations,
      GoSdkShape shape) {
    List<ConfigField> exported = new ArrayList<>();
    for (ConfigField field : defaultFields) {
      boolean knownToShape =
          shape != GoSdkShape.V0_5_6 || DefaultFields.EXPORTED_BY_V0_5_6.contains(field.name());
      if (field.exported() && knownToShape) {
        exported.add(field);
      }
    }
    connectorFields.stream().filter(ConfigField::exported).forEach(exported::add);
    if (shape.sortsConfigFieldsByName()) {
      exported.sort(Comparator.comparing(ConfigField::name));
    }

    Configuration.Builder out =
        Configuration.newBuilder()
            .setDisplayName(displayName)
            .setHelpUrl(helpUrl)
            .setIconUrl(iconUrl);
    exported.forEach(field -> out.addFields(field(field)));
    Set<String> exportedNames =
        exported.stream().map(ConfigField::name).collect(Collectors.toSet());
    for (FieldRelation relation : connectorRelations) {
      if (exportedNames.containsAll(relation.fieldNames())) {
        out.addConstraints(
            Constraint.newBuilder()
                .setKind(ConstraintKind.CONSTRAINT_KIND_REQUIRED_TOGETHER)
                .addAllFieldNames(relation.fieldNames()));
      }
    }
    return out.build();
  }

  static Field field(ConfigField field) {
    Field.Builder out =
        Field.newBuilder()
            .setName(field.name())
            .setDisplayName(field.displayName())
            .setDescription(field.description())
            .setPlaceholder(field.placeholder())
            .setIsRequired(field.required())
            .setIsOps(field.isOps())
            .setIsSecret(field.secret());
    String defaultText = field.defaultText();
    switch (field.kind()) {
      case STRING -> {
        StringField.Builder string = StringField.newBuilder().setDefaultValue(defaultText);
        if (field.required()) {
          string.setRules(StringRules.newBuilder().setIsRequired(true));
        }
        out.setStringField(string);
      }
      case BOOL ->
          out.setBoolField(
              BoolField.newBuilder().setDefaultValue(Boolean.parseBoolean(defaultText)));
      case INT -> {
        IntField.Builder integer = IntField.newBuilder();
        if (!defaultText.isEmpty()) {
          integer.setDefaultValue(Long.parseLong(defaultText));
        }
        if (field.min().isPresent() || field.max().isPresent() || field.required()) {
          Int64Rules.Builder rules = Int64Rules.newBuilder().setIsRequired(field.required());
          field.min().ifPresent(rules::setGte);
          field.max().ifPresent(rules::setLte);
          integer.setRules(rules);
        }
        out.setIntField(integer);
      }
      case STRING_LIST -> {
        StringSliceField.Builder list = StringSliceField.newBuilder();
        for (String item : defaultText.split(",", -1)) {
          if (!item.isBlank()) {
            list.addDefaultValue(item.trim());
          }
        }
        out.setStringSliceField(list);
      }
    }
    return out.build();
  }
}
