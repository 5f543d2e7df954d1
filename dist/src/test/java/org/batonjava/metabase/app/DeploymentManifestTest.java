package org.batonjava.metabase.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.batonjava.metabase.connector.MetabaseDefinition;
import org.batonjava.metabase.connector.MetabaseVariant;
import org.batonjava.sdk.cli.DefaultFields;
import org.batonjava.sdk.config.ConfigField;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Kubernetes manifests only set variables the connector reads, with values Kubernetes accepts.
 */
class DeploymentManifestTest {
  /** Variables the service-mode code reads directly, not through a flag. */
  static final Set<String> ENV_ONLY = Set.of("BATON_HOST_ID", "BATON_C1_API_HOST");

  static Path manifest(MetabaseVariant v) {
    return Path.of("..").resolve("deploy/kubernetes").resolve(v.binaryName() + ".yaml");
  }

  static List<JsonNode> documents(Path file) throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    List<JsonNode> docs = new ArrayList<>();
    try (YAMLParser parser = new YAMLFactory().createParser(file.toFile())) {
      var it = yaml.readValues(parser, JsonNode.class);
      while (it.hasNext()) {
        docs.add(it.next());
      }
    }
    return docs;
  }

  static Set<String> envNames(MetabaseVariant v) {
    Set<String> names = new TreeSet<>(ENV_ONLY);
    List<ConfigField> fields = new ArrayList<>();
    new MetabaseDefinition(v).settings().forEach(s -> fields.add(s.field()));
    fields.addAll(DefaultFields.fields());
    for (ConfigField f : fields) {
      names.add("BATON_" + f.name().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
    return names;
  }

  @ParameterizedTest
  @EnumSource(
      value = MetabaseVariant.class,
      names = {"UNVERSIONED", "V049", "V056"})
  void everyVariableIsARealFlagOfThatVariant(MetabaseVariant v) throws IOException {
    Map<String, JsonNode> byKind = new HashMap<>();
    for (JsonNode doc : documents(manifest(v))) {
      byKind.put(doc.path("kind").asText(), doc);
    }
    JsonNode secret = byKind.get("Secret");
    JsonNode deployment = byKind.get("Deployment");
    assertThat(secret).isNotNull();
    assertThat(deployment).isNotNull();

    Set<String> known = envNames(v);
    List<String> set = new ArrayList<>();
    secret
        .path("stringData")
        .properties()
        .forEach(
            e -> {
              set.add(e.getKey());
              assertThat(e.getValue().isTextual())
                  .as("Secret value %s is a quoted string", e.getKey())
                  .isTrue();
            });
    assertThat(set)
        .contains(
            "BATON_CLIENT_ID",
            "BATON_CLIENT_SECRET",
            "BATON_METABASE_API_KEY",
            "BATON_METABASE_BASE_URL");
    JsonNode container =
        deployment.path("spec").path("template").path("spec").path("containers").get(0);
    Map<String, String> env = new HashMap<>();
    container
        .path("env")
        .forEach(
            e -> {
              assertThat(e.path("value").isTextual())
                  .as("env %s is a string", e.path("name").asText())
                  .isTrue();
              env.put(e.path("name").asText(), e.path("value").asText());
              set.add(e.path("name").asText());
            });
    assertThat(known).containsAll(set);
    assertThat(env)
        .containsEntry("BATON_HOST_ID", v.binaryName())
        .containsEntry("BATON_HEALTH_CHECK", "true");
    assertThat(container.path("envFrom").get(0).path("secretRef").path("name").asText())
        .isEqualTo(v.binaryName() + "-secrets");

    String app = v.binaryName().replace("baton-", "");
    for (JsonNode labels :
        List.of(
            deployment.path("metadata").path("labels"),
            deployment.path("spec").path("template").path("metadata").path("labels"))) {
      assertThat(labels.path("baton").isTextual()).isTrue();
      assertThat(labels.path("baton").asText()).isEqualTo("true");
      assertThat(labels.path("baton-app").asText()).isEqualTo(app);
    }

    // Production needs: probes on the health server, non-root read-only root with a writable /tmp,
    // drain time.
    int healthPort = Integer.parseInt(env.get("BATON_HEALTH_CHECK_PORT"));
    assertThat(container.path("ports").get(0).path("containerPort").asInt()).isEqualTo(healthPort);
    assertThat(container.path("readinessProbe").path("httpGet").path("path").asText())
        .isEqualTo("/ready");
    assertThat(container.path("livenessProbe").path("httpGet").path("path").asText())
        .isEqualTo("/live");
    assertThat(env.get("BATON_HEALTH_CHECK_BIND_ADDRESS")).isEqualTo("0.0.0.0");
    assertThat(container.path("securityContext").path("readOnlyRootFilesystem").asBoolean())
        .isTrue();
    assertThat(container.path("volumeMounts").get(0).path("mountPath").asText()).isEqualTo("/tmp");
    JsonNode pod = deployment.path("spec").path("template").path("spec");
    assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).isTrue();
    assertThat(pod.path("terminationGracePeriodSeconds").asInt())
        .as("longer than the connector's shutdown drain")
        .isGreaterThan(
            (int) org.batonjava.sdk.service.ServiceConfig.DEFAULT_SHUTDOWN_GRACE.toSeconds() + 10);
    assertThat(container.path("resources").path("limits").path("memory").asText()).isNotEmpty();
  }

  @ParameterizedTest
  @EnumSource(
      value = MetabaseVariant.class,
      names = {"UNVERSIONED", "V049", "V056"})
  void theDockerfileHasATargetPerVariant(MetabaseVariant v) throws IOException {
    String dockerfile = Files.readString(Path.of("..").resolve("deploy/Dockerfile"));
    assertThat(dockerfile).contains("AS " + v.binaryName() + "\n");
    assertThat(ImageEntrypoint.of(dockerfile, v.binaryName()))
        .contains(
            "org.batonjava.metabase.app."
                + switch (v) {
                  case V049 -> "BatonMetabaseV049";
                  case V056 -> "BatonMetabaseV056";
                  default -> "BatonMetabase";
                });
  }
}
