package org.batonjava.report;

import c1.connector.v2.Entitlement;
import c1.connector.v2.Grant;
import c1.connector.v2.GrantExpandable;
import c1.connector.v2.GroupTrait;
import c1.connector.v2.Resource;
import c1.connector.v2.ResourceType;
import c1.connector.v2.UserTrait;
import com.google.protobuf.Timestamp;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.batonjava.sdk.c1z.C1zOptions;
import org.batonjava.sdk.c1z.C1zStore;
import org.batonjava.sdk.c1z.Page;
import org.batonjava.sdk.c1z.RowReader;
import org.batonjava.sdk.c1z.SyncRun;
import org.batonjava.sdk.connector.Annotations;

/**
 * Reads the latest finished sync of a v1 c1z into an {@link AccessModel}, a page of rows at a time.
 * A Pebble (v3) file is refused with the SDK's one-line hint.
 */
public final class ModelReader {
  private final EmailRedactor redactor;

  public ModelReader(EmailRedactor redactor) {
    this.redactor = redactor;
  }

  public AccessModel read(Path file) {
    try (C1zStore store = C1zStore.openReadOnly(file, C1zOptions.defaults())) {
      SyncRun run =
          store
              .syncRuns()
              .latestFinished()
              .orElseThrow(
                  () ->
                      new ReportException(
                          file + " holds no finished sync; run a sync to completion first"));
      AccessModel model = new AccessModel(run.id(), run.endedAt().orElse(run.startedAt()));
      RowReader reader = store.reader();
      Map<String, ResourceType> types = new HashMap<>();
      for (ResourceType t : reader.allResourceTypes(run.id())) {
        types.put(t.getId(), t);
      }
      pages(
          token -> reader.listResources(run.id(), Optional.empty(), token, 0),
          r -> addResource(model, types, r));
      levelsPerTarget.clear();
      pages(
          token -> reader.listEntitlements(run.id(), Optional.empty(), token, 0),
          e -> addEntitlement(model, e));
      pages(token -> reader.listGrantsWithExpansion(run.id(), token, 0), g -> addGrant(model, g));
      return model;
    }
  }

  private void addResource(AccessModel model, Map<String, ResourceType> types, Resource r) {
    String type = r.getId().getResourceType();
    String key = type + ":" + r.getId().getResource();
    ResourceType rt = types.get(type);
    List<ResourceType.Trait> traits = rt == null ? List.of() : rt.getTraitsList();
    Optional<UserTrait> user = Annotations.find(r.getAnnotationsList(), UserTrait.class);
    boolean isGroup =
        traits.contains(ResourceType.Trait.TRAIT_GROUP)
            || Annotations.has(r.getAnnotationsList(), GroupTrait.class);
    if (user.isPresent() || traits.contains(ResourceType.Trait.TRAIT_USER)) {
      int principal = model.principalOf(key);
      UserTrait trait = user.orElse(UserTrait.getDefaultInstance());
      boolean apiKey =
          type.equals("api_key")
              || trait.getAccountType() == UserTrait.AccountType.ACCOUNT_TYPE_SERVICE
              || trait.getAccountType() == UserTrait.AccountType.ACCOUNT_TYPE_SYSTEM;
      String email =
          trait.getEmailsList().stream()
              .filter(UserTrait.Email::getIsPrimary)
              .findFirst()
              .or(() -> trait.getEmailsList().stream().findFirst())
              .map(UserTrait.Email::getAddress)
              .orElse(trait.getLogin());
      model.accountOfPrincipal.put(principal, model.accounts.size());
      // Metabase shows the e-mail as the name of a user without one; a redacted report hides it
      // there too.
      String name =
          redactor.enabled() && r.getDisplayName().contains("@")
              ? redactor.redact(r.getDisplayName())
              : r.getDisplayName();
      model.accounts.add(
          new Account(
              principal,
              key,
              name,
              redactor.redact(email),
              status(trait),
              trait.hasLastLogin() ? Optional.of(instant(trait.getLastLogin())) : Optional.empty(),
              apiKey));
    }
    if (!model.targetIndex.containsKey(key)) {
      model.targetIndex.put(key, model.targets.size());
      model.targets.add(
          new Target(
              key,
              type,
              rt == null || rt.getDisplayName().isEmpty() ? type : rt.getDisplayName(),
              targetName(r, key),
              isGroup));
    }
    if (isGroup) {
      model.principalOf(key);
    }
  }

  private final Map<Integer, Integer> levelsPerTarget = new HashMap<>();

  private String targetName(Resource r, String key) {
    if (r.getDisplayName().isEmpty()) {
      return key;
    }
    return redactor.enabled() && r.getDisplayName().contains("@")
        ? redactor.redact(r.getDisplayName())
        : r.getDisplayName();
  }

  private void addEntitlement(AccessModel model, Entitlement e) {
    String key =
        e.getResource().getId().getResourceType() + ":" + e.getResource().getId().getResource();
    Integer target = model.targetIndex.get(key);
    if (target == null || model.levelIndex.containsKey(e.getId())) {
      return;
    }
    int rank = levelsPerTarget.merge(target, 1, Integer::sum) - 1;
    String slug =
        e.getSlug().isEmpty() ? e.getId().substring(e.getId().lastIndexOf(':') + 1) : e.getSlug();
    model.levelIndex.put(e.getId(), model.levels.size());
    model.levels.add(new Level(e.getId(), target, slug, rank));
  }

  private static void addGrant(AccessModel model, Grant g) {
    Integer level = model.levelIndex.get(g.getEntitlement().getId());
    if (level == null) {
      return;
    }
    // A grant written by expansion names other entitlements as its sources; it is recomputed, not
    // read.
    if (g.hasSources()
        && !g.getSources().getSourcesMap().isEmpty()
        && !g.getSources().getSourcesMap().containsKey(g.getEntitlement().getId())) {
      return;
    }
    String key =
        g.getPrincipal().getId().getResourceType() + ":" + g.getPrincipal().getId().getResource();
    int principal = model.principalOf(key);
    model.addDirect(principal, level);
    Optional<GrantExpandable> expandable =
        Annotations.find(g.getAnnotationsList(), GrantExpandable.class);
    if (expandable.isPresent()) {
      Set<String> principalTypes = new HashSet<>(expandable.get().getResourceTypeIdsList());
      for (String source : expandable.get().getEntitlementIdsList()) {
        Integer from = model.levelIndex.get(source);
        if (from != null) {
          model.addEdge(
              from,
              new AccessModel.Edge(
                  level, principal, principalTypes, expandable.get().getShallow()));
        }
      }
    }
  }

  private static String status(UserTrait trait) {
    if (!trait.hasStatus()) {
      return "unknown";
    }
    return switch (trait.getStatus().getStatus()) {
      case STATUS_ENABLED -> "enabled";
      case STATUS_DISABLED -> "disabled";
      case STATUS_DELETED -> "deleted";
      default -> "unknown";
    };
  }

  private static Instant instant(Timestamp t) {
    return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
  }

  private static <T> void pages(
      java.util.function.Function<String, Page<T>> page, Consumer<T> each) {
    String token = "";
    do {
      Page<T> p = page.apply(token);
      p.items().forEach(each);
      token = p.nextPageToken();
    } while (!token.isEmpty());
  }
}
