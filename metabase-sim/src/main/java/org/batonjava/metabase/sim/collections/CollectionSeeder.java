package org.batonjava.metabase.sim.collections;

import java.time.Instant;
import org.batonjava.metabase.sim.state.CollectionLevel;
import org.batonjava.metabase.sim.state.CollectionStore;
import org.batonjava.metabase.sim.state.SimCollection;
import org.batonjava.metabase.sim.state.SimGroup;
import org.batonjava.metabase.sim.state.SimState;

/**
 * Puts collections and their permissions into a fresh state (datasets), and adds the collections
 * Metabase creates itself: the Trash (0.50+) and, on paid builds, the Usage-analytics collection
 * (View for Administrators only).
 */
public final class CollectionSeeder {
  private final SimState state;

  public CollectionSeeder(SimState state) {
    this.state = state;
  }

  /**
   * Adds a collection under {@code parentId} (null: top level).
   *
   * @param personalOwnerId the owner of a personal collection, or null
   */
  public void collection(
      int id,
      String name,
      Integer parentId,
      Integer personalOwnerId,
      boolean archived,
      Instant createdAt) {
    CollectionStore store = state.collections();
    String location = "/";
    if (parentId != null) {
      SimCollection parent = store.get(parentId);
      if (parent == null) {
        throw new IllegalArgumentException(
            "collection " + id + " refers to unknown parent " + parentId);
      }
      location = parent.location() + parent.id() + "/";
    }
    if (personalOwnerId != null && state.user(personalOwnerId) == null) {
      throw new IllegalArgumentException(
          "collection " + id + " refers to unknown owner " + personalOwnerId);
    }
    store.add(
        new SimCollection(
            id,
            name,
            null,
            location,
            personalOwnerId,
            archived,
            null,
            null,
            EntityIds.of(id),
            createdAt));
  }

  /**
   * Gives a group a level on a collection ({@code root} or an id).
   *
   * @param level {@code read}, {@code write} or {@code none}
   */
  public void access(int groupId, String collection, String level) {
    CollectionLevel l = CollectionLevel.parse(level);
    if (l == null) {
      throw new IllegalArgumentException(
          "unknown collection level '" + level + "' (expected read, write or none)");
    }
    if (state.group(groupId) == null) {
      throw new IllegalArgumentException("collection permission for unknown group " + groupId);
    }
    if (!collection.equals(CollectionStore.ROOT)) {
      SimCollection c = state.collections().get(Integer.parseInt(collection));
      if (c == null) {
        throw new IllegalArgumentException("permission on unknown collection " + collection);
      }
      if (c.analytics() && l == CollectionLevel.WRITE) {
        throw new IllegalArgumentException("the Usage-analytics collection is View only");
      }
    }
    if (groupId != SimGroup.ADMINISTRATORS) {
      state.collections().set(groupId, collection, l);
    }
  }

  /**
   * Adds the Trash and the Usage-analytics collection as the features of the build ask, after the
   * dataset's.
   */
  public void builtIns(CollectionFeatures features, Instant at) {
    CollectionStore store = state.collections();
    if (features.paid()) {
      int id = store.nextId();
      store.add(
          new SimCollection(
              id,
              "Usage analytics",
              "Metabase's own usage data.",
              "/",
              null,
              false,
              SimCollection.INSTANCE_ANALYTICS,
              "analytics",
              EntityIds.of(id),
              at));
    }
    if (features.hasTrash()) {
      int id = store.nextId();
      store.add(
          new SimCollection(
              id,
              "Trash",
              null,
              "/",
              null,
              false,
              SimCollection.TRASH,
              null,
              EntityIds.of(id),
              at));
    }
  }
}
