package org.batonjava.sdk.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The optional YAML configuration file: {@code ./.baton.yaml}, or the file named by {@code
 * BATON_CONFIG_PATH} (which must end in {@code .yaml} or {@code .yml} and must exist). Keys are
 * flag names; values are scalars or lists of scalars. Unknown keys are ignored, as viper does.
 *
 * @param path the file that was read
 * @param values flag name to a {@code String} or a {@code List<String>}
 */
record ConfigFile(Path path, Map<String, Object> values) {
  static final String PATH_VARIABLE = "BATON_CONFIG_PATH";
  static final String DEFAULT_NAME = ".baton.yaml";

  ConfigFile {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** Finds and reads the file for this environment and working directory, if there is one. */
  static Optional<ConfigFile> locate(Map<String, String> env, Path workingDirectory) {
    String configured = env.getOrDefault(PATH_VARIABLE, "");
    if (!configured.isEmpty()) {
      String lower = configured.toLowerCase(Locale.ROOT);
      if (!lower.endsWith(".yaml") && !lower.endsWith(".yml")) {
        throw new ConfigException(
            PATH_VARIABLE + " must name a .yaml or .yml file, got \"" + configured + "\"");
      }
      Path path = workingDirectory.resolve(configured);
      if (!Files.isRegularFile(path)) {
        throw new ConfigException(
            "config file " + path + " (from " + PATH_VARIABLE + ") does not exist");
      }
      return Optional.of(read(path));
    }
    Path path = workingDirectory.resolve(DEFAULT_NAME);
    return Files.isRegularFile(path) ? Optional.of(read(path)) : Optional.empty();
  }

  private static ConfigFile read(Path path) {
    JsonNode root;
    try {
      root = new YAMLMapper().readTree(path.toFile());
    } catch (JsonProcessingException e) {
      // Only the position: the parser's messages quote file content, which may hold a secret.
      String where =
          e.getLocation() == null
              ? ""
              : " (line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr()
                  + ")";
      throw new ConfigException("config file " + path + " is not valid YAML" + where);
    } catch (NoSuchFileException e) {
      throw new ConfigException("config file " + path + " does not exist");
    } catch (IOException e) {
      throw new ConfigException("config file " + path + " cannot be read: " + e.getMessage());
    }
    if (root == null || root instanceof MissingNode || root.isNull()) {
      return new ConfigFile(path, Map.of());
    }
    if (!root.isObject()) {
      throw new ConfigException(
          "config file " + path + " must be a mapping of flag names to values");
    }
    Map<String, Object> values = new LinkedHashMap<>();
    root.properties()
        .forEach(
            entry -> {
              JsonNode node = entry.getValue();
              if (node.isArray()) {
                List<String> items = new ArrayList<>();
                node.forEach(item -> items.add(item.asText()));
                values.put(entry.getKey(), items);
              } else if (node.isValueNode() && !node.isNull()) {
                values.put(entry.getKey(), node.asText());
              }
            });
    return new ConfigFile(path, values);
  }
}
