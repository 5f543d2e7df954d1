package org.batonjava.metabase.groups;

/**
 * Sorts user ids together with the keys they came from, by user id and then by key, in place (heap
 * sort: no extra memory, and O(n log n) whatever order the answer came in).
 */
final class KeySort {
  private KeySort() {}

  static void sort(long[] ids, int[] keys) {
    int n = ids.length;
    for (int root = n / 2 - 1; root >= 0; root--) {
      siftDown(ids, keys, root, n);
    }
    for (int end = n - 1; end > 0; end--) {
      swap(ids, keys, 0, end);
      siftDown(ids, keys, 0, end);
    }
  }

  private static void siftDown(long[] ids, int[] keys, int root, int size) {
    int parent = root;
    while (true) {
      int child = 2 * parent + 1;
      if (child >= size) {
        return;
      }
      if (child + 1 < size && less(ids, keys, child, child + 1)) {
        child++;
      }
      if (!less(ids, keys, parent, child)) {
        return;
      }
      swap(ids, keys, parent, child);
      parent = child;
    }
  }

  private static boolean less(long[] ids, int[] keys, int a, int b) {
    return ids[a] < ids[b] || (ids[a] == ids[b] && keys[a] < keys[b]);
  }

  private static void swap(long[] ids, int[] keys, int a, int b) {
    long id = ids[a];
    ids[a] = ids[b];
    ids[b] = id;
    int key = keys[a];
    keys[a] = keys[b];
    keys[b] = key;
  }
}
