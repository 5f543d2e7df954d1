package org.batonjava.report;

import java.util.List;

/**
 * One way a principal holds an entitlement.
 *
 * @param level index of the entitlement
 * @param through the groups (principal indexes) the access passes through, outermost last; empty
 *     when granted directly
 */
public record Reach(int level, List<Integer> through) {
  public boolean direct() {
    return through.isEmpty();
  }
}
