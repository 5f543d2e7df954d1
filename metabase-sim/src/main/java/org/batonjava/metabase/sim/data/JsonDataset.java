package org.batonjava.metabase.sim.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.batonjava.metabase.sim.databases.DataAccess;
import org.batonjava.metabase.sim.state.SimDatabase;

/**
 * A dataset read from JSON (see the module README for the format). The demo dataset is one of
 * these, shipped as a resource.
 */
public final class JsonDataset implements Dataset {
  /** Root of the file. */
  record DatasetFile(
      String name,
      Integer revision,
      List<GroupRow> groups,
      List<UserRow> users,
      List<DatabaseRow> databases,
      List<PermissionRow> permissions,
      List<CollectionRow> collections,
      List<CollectionPermissionRow> collectionPermissions,
      Integer collectionRevision,
      List<ApiKeyRow> apiKeys,
      List<ApplicationPermissionRow> applicationPermissions,
      Integer applicationRevision,
      List<SsoMappingRow> ssoGroupMappings,
      List<SandboxRow> sandboxes,
      List<ImpersonationRow> impersonations) {}

  record CollectionRow(
      int id,
      String name,
      Integer parentId,
      Integer personalOwnerId,
      boolean archived,
      Instant createdAt) {}

  record CollectionPermissionRow(int groupId, String collection, String level) {}

  record SandboxRow(
      int groupId,
      int tableId,
      Integer cardId,
      com.fasterxml.jackson.databind.JsonNode attributeRemappings) {}

  record ImpersonationRow(int groupId, int dbId, String attribute) {}

  record SsoMappingRow(String provider, String idpGroup, List<Integer> groupIds) {}

  record ApplicationPermissionRow(int groupId, String permission) {}

  record ApiKeyRow(String name, int groupId, Integer createdBy) {}

  record GroupRow(int id, String name) {}

  record UserRow(
      int id,
      String email,
      String firstName,
      String lastName,
      Boolean active,
      String password,
      Instant dateJoined,
      Instant lastLogin,
      List<Integer> groups,
      List<Integer> managerOf,
      String ssoSource,
      com.fasterxml.jackson.databind.JsonNode loginAttributes) {}

  record DatabaseRow(
      int id,
      String name,
      String engine,
      String description,
      boolean sample,
      boolean audit,
      Instant createdAt,
      List<TableRow> tables) {}

  record TableRow(int id, String schema, String name) {}

  record PermissionRow(int groupId, int databaseId, String access, String download) {}

  private static final Instant EPOCH = Instant.parse("2024-01-01T00:00:00Z");
  private final DatasetFile file;

  private JsonDataset(DatasetFile file) {
    this.file = file;
  }

  /**
   * Parses a dataset.
   *
   * @throws IllegalArgumentException with a one-line reason when the JSON is not a valid dataset
   */
  public static JsonDataset read(InputStream in, String source) {
    ObjectMapper mapper =
        new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    try {
      mapper.registerModule(
          new com.fasterxml.jackson.databind.module.SimpleModule()
              .addDeserializer(Instant.class, new InstantDeserializer()));
      DatasetFile f = mapper.readValue(in, DatasetFile.class);
      return new JsonDataset(f);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot read dataset "
              + source
              + ": "
              + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()),
          e);
    }
  }

  @Override
  public String name() {
    return file.name() == null ? "json" : file.name();
  }

  @Override
  public void populate(DatasetLoader loader) {
    for (GroupRow g : list(file.groups())) {
      loader.group(g.id(), g.name());
    }
    for (DatabaseRow d : list(file.databases())) {
      List<SimDatabase.Table> tables =
          list(d.tables()).stream()
              .map(
                  t ->
                      new SimDatabase.Table(t.id(), t.schema() == null ? "" : t.schema(), t.name()))
              .toList();
      loader.database(
          d.id(),
          d.name(),
          d.engine() == null ? "postgres" : d.engine(),
          d.description(),
          d.sample(),
          d.audit(),
          d.createdAt() == null ? EPOCH : d.createdAt(),
          tables);
    }
    for (UserRow u : list(file.users())) {
      Instant joined = u.dateJoined() == null ? EPOCH.plusSeconds(3600L * u.id()) : u.dateJoined();
      org.batonjava.metabase.sim.state.SimUser user =
          loader.user(
              u.id(),
              u.email(),
              u.firstName(),
              u.lastName(),
              u.active() == null || u.active(),
              u.password(),
              joined,
              u.lastLogin(),
              list(u.groups()),
              list(u.managerOf()));
      user.ssoSource(u.ssoSource());
      if (u.loginAttributes() != null && u.loginAttributes().isObject()) {
        user.loginAttributes(u.loginAttributes());
      }
    }
    for (PermissionRow p : list(file.permissions())) {
      loader.access(p.groupId(), p.databaseId(), access(p.access()), p.download());
    }
    loader.fillDefaults();
    if (file.revision() != null) {
      loader.revision(file.revision());
    }
    for (CollectionRow c : list(file.collections())) {
      loader
          .collections()
          .collection(
              c.id(),
              c.name(),
              c.parentId(),
              c.personalOwnerId(),
              c.archived(),
              c.createdAt() == null ? EPOCH : c.createdAt());
    }
    for (CollectionPermissionRow p : list(file.collectionPermissions())) {
      loader.collections().access(p.groupId(), p.collection(), p.level());
    }
    if (file.collectionRevision() != null) {
      loader.collectionRevision(file.collectionRevision());
    }
    for (ApplicationPermissionRow a : list(file.applicationPermissions())) {
      loader.applicationAccess(a.groupId(), a.permission());
    }
    if (file.applicationRevision() != null) {
      loader.applicationRevision(file.applicationRevision());
    }
    for (SsoMappingRow m : list(file.ssoGroupMappings())) {
      loader.ssoMapping(m.provider(), m.idpGroup(), list(m.groupIds()));
    }
    for (SandboxRow r : list(file.sandboxes())) {
      loader.sandbox(r.groupId(), r.tableId(), r.cardId(), r.attributeRemappings());
    }
    for (ImpersonationRow r : list(file.impersonations())) {
      loader.impersonation(r.groupId(), r.dbId(), r.attribute());
    }
    for (ApiKeyRow k : list(file.apiKeys())) {
      loader.apiKey(k.name(), k.groupId(), k.createdBy() == null ? 0 : k.createdBy());
    }
  }

  private static DataAccess access(String text) {
    try {
      return DataAccess.valueOf(text.toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "unknown access '"
              + text
              + "' (expected none, no-self-service, query-builder, native or blocked)");
    }
  }

  private static <T> List<T> list(List<T> l) {
    return l == null ? List.of() : l;
  }

  /** ISO-8601 instants without the jsr310 module. */
  private static final class InstantDeserializer
      extends com.fasterxml.jackson.databind.JsonDeserializer<Instant> {
    @Override
    public Instant deserialize(
        com.fasterxml.jackson.core.JsonParser p,
        com.fasterxml.jackson.databind.DeserializationContext ctx)
        throws IOException {
      try {
        return Instant.parse(p.getValueAsString());
      } catch (RuntimeException e) {
        throw ctx.weirdStringException(
            p.getValueAsString(), Instant.class, "not an ISO-8601 instant");
      }
    }
  }
}
