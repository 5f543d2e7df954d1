package org.batonjava.sdk.sync;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The entitlement graph of grant expansion: an edge S→D says "whoever holds S also gets D". Cycles
 * are collapsed into components (Tarjan), which are then put in topological layers; more layers
 * than the depth limit is an error, like baton-sdk's {@code max depth exceeded}.
 */
final class ExpansionGraph {
  /** An edge; {@code principalTypes} empty means every principal type. */
  record Edge(String source, String destination, boolean shallow, List<String> principalTypes) {}

  /** A strongly connected component: one entitlement, or several that reach each other. */
  record Component(
      List<String> entitlementIds, List<Edge> internalEdges, List<Edge> outgoingEdges) {}

  private final Map<String, Map<String, Edge>> out = new LinkedHashMap<>();
  private final Set<String> nodes = new LinkedHashSet<>();

  void add(Edge edge) {
    if (edge.source().equals(edge.destination())) {
      return;
    }
    nodes.add(edge.source());
    nodes.add(edge.destination());
    out.computeIfAbsent(edge.source(), k -> new LinkedHashMap<>())
        .putIfAbsent(edge.destination(), edge);
  }

  boolean isEmpty() {
    return out.isEmpty();
  }

  int edgeCount() {
    return out.values().stream().mapToInt(Map::size).sum();
  }

  /** Components in topological order (sources first). */
  List<Component> layers(int maxDepth) {
    List<List<String>> sccs = stronglyConnected();
    Map<String, Integer> componentOf = new HashMap<>();
    for (int i = 0; i < sccs.size(); i++) {
      for (String n : sccs.get(i)) {
        componentOf.put(n, i);
      }
    }
    int count = sccs.size();
    List<Set<Integer>> successors = new ArrayList<>();
    int[] indegree = new int[count];
    for (int i = 0; i < count; i++) {
      successors.add(new LinkedHashSet<>());
    }
    for (Map<String, Edge> edges : out.values()) {
      for (Edge e : edges.values()) {
        int a = componentOf.get(e.source());
        int b = componentOf.get(e.destination());
        if (a != b && successors.get(a).add(b)) {
          indegree[b]++;
        }
      }
    }
    List<Component> ordered = new ArrayList<>();
    List<Integer> layer = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      if (indegree[i] == 0) {
        layer.add(i);
      }
    }
    int depth = 0;
    while (!layer.isEmpty()) {
      depth++;
      if (depth > maxDepth + 1) {
        throw new IllegalStateException(
            "grant expansion: max depth "
                + maxDepth
                + " exceeded (entitlements nest more than "
                + maxDepth
                + " levels deep)");
      }
      List<Integer> next = new ArrayList<>();
      for (int c : layer) {
        ordered.add(component(sccs.get(c), componentOf, c));
        for (int s : successors.get(c)) {
          if (--indegree[s] == 0) {
            next.add(s);
          }
        }
      }
      layer = next;
    }
    return ordered;
  }

  private Component component(List<String> members, Map<String, Integer> componentOf, int index) {
    List<Edge> internal = new ArrayList<>();
    List<Edge> outgoing = new ArrayList<>();
    for (String m : members) {
      for (Edge e : out.getOrDefault(m, Map.of()).values()) {
        (componentOf.get(e.destination()) == index ? internal : outgoing).add(e);
      }
    }
    return new Component(List.copyOf(members), internal, outgoing);
  }

  /** Tarjan's algorithm without recursion (graphs may be deep). */
  private List<List<String>> stronglyConnected() {
    Map<String, Integer> index = new HashMap<>();
    Map<String, Integer> low = new HashMap<>();
    Set<String> onStack = new java.util.HashSet<>();
    Deque<String> stack = new ArrayDeque<>();
    List<List<String>> result = new ArrayList<>();
    int counter = 0;
    for (String root : nodes) {
      if (index.containsKey(root)) {
        continue;
      }
      Deque<Object[]> work = new ArrayDeque<>();
      work.push(
          new Object[] {
            root, new ArrayList<>(out.getOrDefault(root, Map.of()).keySet()).iterator()
          });
      index.put(root, counter);
      low.put(root, counter++);
      stack.push(root);
      onStack.add(root);
      while (!work.isEmpty()) {
        Object[] frame = work.peek();
        String node = (String) frame[0];
        @SuppressWarnings("unchecked")
        java.util.Iterator<String> it = (java.util.Iterator<String>) frame[1];
        if (it.hasNext()) {
          String next = it.next();
          if (!index.containsKey(next)) {
            index.put(next, counter);
            low.put(next, counter++);
            stack.push(next);
            onStack.add(next);
            work.push(
                new Object[] {
                  next, new ArrayList<>(out.getOrDefault(next, Map.of()).keySet()).iterator()
                });
          } else if (onStack.contains(next)) {
            low.put(node, Math.min(low.get(node), index.get(next)));
          }
        } else {
          work.pop();
          if (!work.isEmpty()) {
            String parent = (String) work.peek()[0];
            low.put(parent, Math.min(low.get(parent), low.get(node)));
          }
          if (low.get(node).equals(index.get(node))) {
            List<String> scc = new ArrayList<>();
            String w;
            do {
              w = stack.pop();
              onStack.remove(w);
              scc.add(w);
            } while (!w.equals(node));
            java.util.Collections.sort(scc);
            result.add(scc);
          }
        }
      }
    }
    return result;
  }
}
