package org.batonjava.metabase.application;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Which groups hold each application permission, from one read of the application graph per sync: a
 * cell {@code yes} is a holder; {@code no} and anything else are not.
 */
final class ApplicationGrants {
  private final Map<ApplicationPermission, List<Long>> holders;

  private ApplicationGrants(Map<ApplicationPermission, List<Long>> holders) {
    this.holders = holders;
  }

  static ApplicationGrants read(ApplicationApi api) {
    Map<ApplicationPermission, List<Long>> collected = new EnumMap<>(ApplicationPermission.class);
    api.graph()
        .read(
            (groupId, key, cell) ->
                ApplicationPermission.ofKey(key)
                    .ifPresent(
                        p -> {
                          if ("yes".equals(cell.asText(""))) {
                            collected.computeIfAbsent(p, k -> new ArrayList<>()).add(groupId);
                          }
                        }));
    collected.values().forEach(list -> list.sort(null));
    return new ApplicationGrants(collected);
  }

  /** The groups holding the permission, by id. */
  List<Long> holders(ApplicationPermission permission) {
    return holders.getOrDefault(permission, List.of());
  }
}
