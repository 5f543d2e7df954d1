package org.batonjava.sdk.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.batonjava.sdk.config.ConfigField;
import org.batonjava.sdk.config.FieldRelation;

/**
 * Resolves every field from its sources in precedence order — flag, then {@code BATON_*}
 * environment variable (empty values count as unset, as with viper), then the YAML config file,
 * then the default — and checks the required fields and relations. The first problem is thrown as a
 * one-line {@link ConfigException}.
 */
final class ConfigResolver {
  private final List<ConfigField> fields;
  private final List<FieldRelation> relations;

  ConfigResolver(List<ConfigField> fields, List<FieldRelation> relations) {
    this.fields = List.copyOf(fields);
    this.relations = List.copyOf(relations);
  }

  /**
   * @param flags values given on the command line, by field name (String, Boolean or List of
   *     String)
   * @param env the process environment
   * @param file the config file, if any
   */
  ResolvedConfig resolve(
      Map<String, Object> flags, Map<String, String> env, Optional<ConfigFile> file) {
    Map<String, ResolvedConfig.Entry> entries = new LinkedHashMap<>();
    Set<String> trimmed = new HashSet<>();
    for (ConfigField field : fields) {
      ResolvedConfig.Entry entry = resolveOne(field, flags, env, file, trimmed);
      if (field.required() && ResolvedConfig.isEmpty(entry.value())) {
        throw new ConfigException(field.flag() + " is required (or set " + field.envVar() + ")");
      }
      entries.put(field.name(), entry);
    }
    ResolvedConfig config = new ResolvedConfig(entries, trimmed);
    for (FieldRelation relation : relations) {
      checkTogether(relation, config);
    }
    return config;
  }

  private static ResolvedConfig.Entry resolveOne(
      ConfigField field,
      Map<String, Object> flags,
      Map<String, String> env,
      Optional<ConfigFile> file,
      Set<String> trimmed) {
    if (flags.containsKey(field.name())) {
      return parsed(field, flags.get(field.name()), ValueOrigin.commandLine(), trimmed);
    }
    String fromEnv = env.get(field.envVar());
    if (fromEnv != null && !fromEnv.isEmpty()) {
      return parsed(field, fromEnv, ValueOrigin.environment(field.envVar()), trimmed);
    }
    if (file.isPresent() && file.get().values().containsKey(field.name())) {
      ValueOrigin origin = ValueOrigin.configFile(file.get().path().toString());
      return parsed(field, file.get().values().get(field.name()), origin, trimmed);
    }
    ValueOrigin origin = ValueOrigin.defaultValue();
    Object value =
        field.defaultText().isEmpty()
            ? FieldValueParser.zero(field)
            : FieldValueParser.parse(field, field.defaultText(), origin);
    return new ResolvedConfig.Entry(field, value, origin);
  }

  /**
   * Parses a value; a secret whose surrounding whitespace was removed is noted in {@code trimmed}.
   */
  private static ResolvedConfig.Entry parsed(
      ConfigField field, Object raw, ValueOrigin origin, Set<String> trimmed) {
    Object value = FieldValueParser.parse(field, raw, origin);
    if (field.secret() && raw instanceof String text && !text.equals(text.strip())) {
      trimmed.add(field.name());
    }
    return new ResolvedConfig.Entry(field, value, origin);
  }

  private void checkTogether(FieldRelation relation, ResolvedConfig config) {
    List<String> set = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (String name : relation.fieldNames()) {
      (config.isSet(name) ? set : missing).add(name);
    }
    if (!set.isEmpty() && !missing.isEmpty()) {
      ConfigField absent = field(missing.get(0));
      throw new ConfigException(
          absent.flag()
              + " is required when --"
              + set.get(0)
              + " is set (or set "
              + absent.envVar()
              + ")");
    }
  }

  private ConfigField field(String name) {
    return fields.stream()
        .filter(f -> f.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("relation names an unknown field: " + name));
  }
}
