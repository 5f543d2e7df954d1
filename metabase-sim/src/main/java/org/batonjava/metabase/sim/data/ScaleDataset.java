package org.batonjava.metabase.sim.data;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.batonjava.metabase.sim.collections.CollectionSeeder;
import org.batonjava.metabase.sim.databases.DataAccess;
import org.batonjava.metabase.sim.state.SimDatabase;
import org.batonjava.metabase.sim.state.SimGroup;

/**
 * A large deterministic dataset for benchmarks: generated names, random (seeded) memberships,
 * databases and access. User 1 is always the active administrator {@code admin@scale.example.com}.
 */
public final class ScaleDataset implements Dataset {
  private static final String[] FIRST = {
    "Ada", "Alan", "Barbara", "Carlos", "Dana", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jamal",
    "Kira", "Liam", "Mei", "Noor", "Oscar", "Priya", "Quinn", "Rosa", "Sven", "Tariq", "Uma",
    "Victor", "Wen", "Ximena", "Yusuf", "Zoe"
  };
  private static final String[] LAST = {
    "Anders",
    "Brown",
    "Chen",
    "Diaz",
    "Evans",
    "Fischer",
    "Garcia",
    "Hughes",
    "Ito",
    "Jensen",
    "Khan",
    "Lopez",
    "Moreau",
    "Nakamura",
    "Okafor",
    "Petrov",
    "Quispe",
    "Rossi",
    "Silva",
    "Tanaka",
    "Ueda",
    "Varga",
    "Weber",
    "Xu",
    "Young",
    "Zimmer"
  };
  private static final String[] TEAM = {
    "Sales",
    "Support",
    "Finance",
    "Data",
    "Platform",
    "Growth",
    "Legal",
    "Design",
    "Research",
    "Ops"
  };
  private static final String[] ENGINES = {
    "postgres", "mysql", "bigquery-cloud-sdk", "snowflake", "redshift", "h2"
  };
  private static final Instant EPOCH = Instant.parse("2023-01-01T00:00:00Z");

  private final ScaleParameters p;

  public ScaleDataset(ScaleParameters parameters) {
    this.p = parameters;
  }

  @Override
  public String name() {
    return "scale";
  }

  @Override
  public void populate(DatasetLoader loader) {
    Random random = new Random(p.seed());
    int firstGroup = 3;
    for (int i = 0; i < p.groups(); i++) {
      loader.group(firstGroup + i, String.format("%s %04d", TEAM[i % TEAM.length], i + 1));
    }
    for (int d = 1; d <= p.databases(); d++) {
      List<SimDatabase.Table> tables =
          List.of(
              new SimDatabase.Table(d * 10 + 1, "public", "events"),
              new SimDatabase.Table(d * 10 + 2, "public", "accounts"));
      loader.database(
          d,
          String.format("Warehouse %04d", d),
          ENGINES[d % ENGINES.length],
          null,
          d == 1,
          false,
          EPOCH,
          tables);
    }
    int perUser = Math.min(p.membershipsPerUser(), p.groups());
    for (int id = 1; id <= p.users(); id++) {
      String first = FIRST[random.nextInt(FIRST.length)];
      String last = LAST[random.nextInt(LAST.length)];
      Set<Integer> groups = new LinkedHashSet<>();
      while (groups.size() < perUser) {
        groups.add(firstGroup + random.nextInt(p.groups()));
      }
      boolean admin = id <= 3;
      if (admin) {
        groups.add(SimGroup.ADMINISTRATORS);
      }
      boolean deactivated = random.nextDouble() < p.deactivatedShare() && id != 1;
      String email =
          id == 1
              ? "admin@scale.example.com"
              : String.format("%s.%s.%d@scale.example.com", first, last, id)
                  .toLowerCase(java.util.Locale.ROOT);
      Instant joined = EPOCH.plusSeconds(60L * id);
      Instant lastLogin =
          random.nextInt(4) == 0 ? null : joined.plusSeconds(86_400L * (1 + random.nextInt(300)));
      List<Integer> managerOf =
          loader.paid() && random.nextInt(50) == 0 && !groups.isEmpty()
              ? List.of(groups.iterator().next())
              : List.of();
      loader.user(
          id,
          email,
          first,
          last,
          !deactivated,
          id == 1 ? "metabase1" : null,
          joined,
          lastLogin,
          new ArrayList<>(groups),
          managerOf);
    }
    if (p.databases() > 0) {
      loader.access(SimGroup.ALL_USERS, 1, DataAccess.QUERY_BUILDER, "full");
      DataAccess[] levels = {
        DataAccess.QUERY_BUILDER, DataAccess.NATIVE, DataAccess.NO_SELF_SERVICE
      };
      for (int g = 0; g < p.groups(); g++) {
        for (int k = 0; k < Math.min(3, p.databases()); k++) {
          loader.access(
              firstGroup + g,
              1 + random.nextInt(p.databases()),
              levels[random.nextInt(levels.length)],
              "limited");
        }
      }
    }
    loader.fillDefaults();
    collections(loader, random, firstGroup);
    apiKeys(loader, random, firstGroup);
  }

  /**
   * One top-level collection per team, the rest nested up to four levels below random earlier ones,
   * one personal collection (with a child) per hundred collections; All Users view root, each group
   * holds a few random levels.
   */
  private void collections(DatasetLoader loader, Random random, int firstGroup) {
    CollectionSeeder seeder = loader.collections();
    int personal = Math.min(p.users(), p.collections() / 100);
    int teams = Math.min(TEAM.length, p.collections() - 2 * personal);
    List<Integer> shared = new ArrayList<>();
    Map<Integer, Integer> depth = new HashMap<>();
    int id = 1;
    for (int t = 0; t < teams; t++, id++) {
      seeder.collection(id, TEAM[t], null, null, false, EPOCH);
      shared.add(id);
      depth.put(id, 1);
    }
    for (int u = 1; u <= personal; u++) {
      seeder.collection(id, "Personal collection of user " + u, null, u, false, EPOCH);
      seeder.collection(id + 1, "Drafts " + u, id, null, false, EPOCH);
      id += 2;
    }
    while (id <= p.collections()) {
      int parent = shared.get(random.nextInt(shared.size()));
      Integer parentId = depth.get(parent) >= 4 ? null : parent;
      seeder.collection(id, String.format("Reports %05d", id), parentId, null, false, EPOCH);
      shared.add(id);
      depth.put(id, parentId == null ? 1 : depth.get(parent) + 1);
      id++;
    }
    seeder.access(SimGroup.ALL_USERS, "root", "read");
    if (shared.isEmpty()) {
      return;
    }
    String[] levels = {"read", "write"};
    for (int g = 0; g < p.groups(); g++) {
      for (int k = 0; k < 4; k++) {
        int c = shared.get(random.nextInt(shared.size()));
        seeder.access(firstGroup + g, Integer.toString(c), levels[random.nextInt(levels.length)]);
      }
    }
    loader.collectionRevision(1);
  }

  /**
   * One key in twenty in Administrators, the others in a random group (All Users when there is
   * none).
   */
  private void apiKeys(DatasetLoader loader, Random random, int firstGroup) {
    for (int k = 1; k <= p.apiKeys(); k++) {
      int group =
          k % 20 == 1
              ? SimGroup.ADMINISTRATORS
              : p.groups() == 0 ? SimGroup.ALL_USERS : firstGroup + random.nextInt(p.groups());
      loader.apiKey(String.format("Service key %04d", k), group, 1);
    }
  }
}
