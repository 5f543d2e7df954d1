package org.batonjava.sdk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import c1.connector.v2.Entitlement;
import c1.connector.v2.Grant;
import c1.connector.v2.GrantExpandable;
import c1.connector.v2.GrantSources;
import c1.connector.v2.Resource;
import c1.connector.v2.ResourceId;
import c1.connector.v2.ResourceType;
import com.github.luben.zstd.ZstdInputStream;
import com.google.protobuf.Any;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.batonjava.sdk.c1z.C1zOptions;
import org.batonjava.sdk.c1z.C1zStore;
import org.batonjava.sdk.c1z.SyncType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Expansion a principal at a time, during the bulk load, stores the same grants as expansion edge
 * by edge with every index kept up to date: every column of every grant (row order aside), with
 * each rule of expansion exercised: several sources into one destination, grants the principal
 * already had, shallow edges, principal-type filters, and a derived grant whose id a connector
 * grant already uses.
 */
class PrincipalExpansionTest {
  @TempDir Path dir;

  private final Resource u1 = user("u1");
  private final Resource u2 = user("u2");
  private final Resource u3 = user("u3");
  private final Resource u4 = user("u4");
  private final Resource app = resource("app", "a1");
  private final Resource g1 = resource("group", "g1");
  private final Resource g2 = resource("group", "g2");
  private final Resource g3 = resource("group", "g3");
  private final Resource db1 = resource("database", "1");
  private final Resource db2 = resource("database", "2");
  private final Entitlement member1 = entitlement(g1, "member");
  private final Entitlement member2 = entitlement(g2, "member");
  private final Entitlement member3 = entitlement(g3, "member");
  private final Entitlement access1 = entitlement(db1, "access");
  private final Entitlement access2 = entitlement(db2, "access");
  private final Entitlement write1 = entitlement(db1, "write");

  private List<Grant> grants() {
    return List.of(
        grant(member1, u1),
        grant(member2, u1),
        // u1 holds g1 a second time, through a grant with another id and another copy of u1: the
        // first grant's copy stays in what u1 derives from g1.
        grant(member1, u1.toBuilder().setDisplayName("u1 again").build()).toBuilder()
            .setId("group:g1:member:user:u1:again")
            .build(),
        // u2 holds g1 only through another group: indirect for g1, so the shallow edge skips it.
        withSources(grant(member1, u2), "group:g9:member"),
        grant(member2, u3),
        grant(member3, u3),
        grant(member3, u4),
        grant(member3, app),
        // Grants the principals already have on destinations.
        grant(access1, u2),
        grant(write1, u3),
        // The edges: two sources into database 1, a shallow one into database 2, users only into
        // write.
        expandable(grant(access1, g1), false, List.of(), member1.getId()),
        expandable(grant(access1, g2), false, List.of(), member2.getId()),
        expandable(grant(access2, g1), true, List.of(), member1.getId()),
        expandable(grant(write1, g3), false, List.of("user"), member3.getId()),
        // An expandable connector grant that uses the id expansion gives u1's grant on database
        // 2: the derived grant's upsert replaces its data and keeps its expansion.
        expandable(
            grant(write1, g2).toBuilder().setId(access2.getId() + ":user:u1").build(),
            false,
            List.of(),
            member2.getId()));
  }

  @Test
  void principalAtATimeStoresWhatEdgeByEdgeStores() throws Exception {
    Path edges = dir.resolve("edges.c1z");
    Path principals = dir.resolve("principals.c1z");
    long byEdge = sync(edges, grants(), false);
    long byPrincipal = sync(principals, grants(), true);

    assertThat(byPrincipal).isEqualTo(byEdge).isEqualTo(5);
    assertThat(grantRows(principals)).isEqualTo(grantRows(edges));
    assertThat(grantRows(edges))
        .anySatisfy(r -> assertThat(r).startsWith("database:1:access:user:u1 "))
        .noneSatisfy(r -> assertThat(r).startsWith("database:2:access:user:u2 "))
        .noneSatisfy(r -> assertThat(r).startsWith("database:1:write:app:a1 "));
  }

  @Test
  void aGrantSentTwiceDuringTheLoadFallsBackToEdgeByEdge() throws Exception {
    List<Grant> twice = new ArrayList<>(grants());
    twice.add(grant(member3, u4));
    Path edges = dir.resolve("edges.c1z");
    Path principals = dir.resolve("principals.c1z");
    sync(edges, twice, false);
    sync(principals, twice, true);

    assertThat(grantRows(principals)).isEqualTo(grantRows(edges));
  }

  /**
   * Writes a sync of {@code grants} (bulk-loaded when {@code principalAtATime}) and expands it;
   * returns the number of grants expansion created.
   */
  private long sync(Path file, List<Grant> grants, boolean principalAtATime) {
    C1zOptions options =
        C1zOptions.defaults()
            .withTempDir(dir.resolve("tmp"))
            .withClock(Clock.fixed(Instant.parse("2026-12-04T10:00:00Z"), ZoneOffset.UTC));
    try (C1zStore store = C1zStore.open(file, options)) {
      String syncId = store.syncRuns().start(SyncType.FULL, "");
      store
          .writer()
          .putResourceTypes(
              syncId,
              List.of(
                  type("user", ResourceType.Trait.TRAIT_USER),
                  type("app", ResourceType.Trait.TRAIT_APP),
                  type("group", ResourceType.Trait.TRAIT_GROUP),
                  type("database", ResourceType.Trait.TRAIT_UNSPECIFIED)));
      store.writer().putResources(syncId, List.of(u1, u2, u3, u4, app, g1, g2, g3, db1, db2));
      store
          .writer()
          .putEntitlements(syncId, List.of(member1, member2, member3, access1, access2, write1));
      if (principalAtATime) {
        store.beginBulkLoad();
      }
      store.writer().putGrants(syncId, grants);
      long created = new GrantExpander(store, syncId, () -> {}, principalAtATime).run();
      boolean sentTwice = grants.size() != grants.stream().map(Grant::getId).distinct().count();
      // The bulk load lasts through expansion a principal at a time; edge by edge ends it first.
      assertThat(store.bulkLoading()).isEqualTo(principalAtATime && !sentTwice);
      store.endBulkLoad();
      store.syncRuns().end(syncId, "");
      store.save();
      return created;
    }
  }

  /** Every column of every grant but the row and sync ids, ordered by grant id. */
  private List<String> grantRows(Path c1z) throws Exception {
    Path db = Files.createTempFile(dir, "unpacked", ".db");
    try (InputStream raw = Files.newInputStream(c1z)) {
      raw.readNBytes(5);
      try (InputStream in = new ZstdInputStream(raw)) {
        Files.copy(in, db, StandardCopyOption.REPLACE_EXISTING);
      }
    }
    List<String> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select * from v1_grants order by external_id")) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder row = new StringBuilder(rs.getString("external_id")).append(' ');
        for (int i = 1; i <= columns; i++) {
          String column = rs.getMetaData().getColumnName(i);
          if (column.equals("id") || column.equals("sync_id")) {
            continue;
          }
          Object value = rs.getObject(i);
          row.append(
                  value instanceof byte[] bytes
                      ? Base64.getEncoder().encodeToString(bytes)
                      : String.valueOf(value))
              .append(' ');
        }
        rows.add(row.toString());
      }
    }
    return rows;
  }

  private static ResourceType type(String id, ResourceType.Trait trait) {
    return ResourceType.newBuilder().setId(id).setDisplayName(id).addTraits(trait).build();
  }

  private static Resource resource(String type, String id) {
    return Resource.newBuilder()
        .setId(ResourceId.newBuilder().setResourceType(type).setResource(id))
        .setDisplayName(type + " " + id)
        .build();
  }

  private static Resource user(String id) {
    return resource("user", id);
  }

  private static Entitlement entitlement(Resource r, String slug) {
    return Entitlement.newBuilder()
        .setResource(r)
        .setId(r.getId().getResourceType() + ":" + r.getId().getResource() + ":" + slug)
        .setSlug(slug)
        .build();
  }

  private static Grant grant(Entitlement e, Resource principal) {
    return Grant.newBuilder()
        .setEntitlement(e)
        .setPrincipal(principal)
        .setId(
            e.getId()
                + ":"
                + principal.getId().getResourceType()
                + ":"
                + principal.getId().getResource())
        .build();
  }

  private static Grant withSources(Grant g, String source) {
    return g.toBuilder()
        .setSources(
            GrantSources.newBuilder()
                .putSources(source, GrantSources.GrantSource.newBuilder().build()))
        .build();
  }

  private static Grant expandable(
      Grant g, boolean shallow, List<String> principalTypes, String source) {
    return g.toBuilder()
        .addAnnotations(
            Any.pack(
                GrantExpandable.newBuilder()
                    .addEntitlementIds(source)
                    .setShallow(shallow)
                    .addAllResourceTypeIds(principalTypes)
                    .build()))
        .build();
  }
}
