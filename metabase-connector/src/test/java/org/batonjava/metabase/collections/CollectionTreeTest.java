package org.batonjava.metabase.collections;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which listed collections are reported, with what parent and path. */
class CollectionTreeTest {
  private static CollectionItem item(
      String id,
      String name,
      String location,
      Long owner,
      boolean archived,
      String type,
      String namespace,
      Boolean isPersonal) {
    return new CollectionItem(
        id.equals("root")
            ? TextNode.valueOf(id)
            : JsonNodeFactory.instance.numberNode(Long.parseLong(id)),
        name,
        location,
        owner,
        archived,
        type,
        namespace,
        isPersonal);
  }

  @Test
  void personalArchivedTrashAndOtherNamespacesAreLeftOut() {
    CollectionTree tree =
        CollectionTree.of(
            List.of(
                item("root", "Our analytics", "", null, false, null, null, null),
                // a descendant listed before its personal ancestor is still recognised
                item("6", "Drafts", "/5/", null, false, null, null, null),
                item("5", "Jane's", "/", 4L, false, null, null, null),
                item("2", "Board", "/1/", null, false, null, null, null),
                item("1", "Finance", "/", null, false, null, null, null),
                item("7", "Old", "/1/", null, true, null, null, null),
                item("8", "Trash", "/", null, false, "trash", null, null),
                item(
                    "9",
                    "Usage analytics",
                    "/",
                    null,
                    false,
                    "instance-analytics",
                    "analytics",
                    null),
                item("10", "Snippets", "/", null, false, null, "snippets", null),
                item("11", "Shared by tenant", "/", null, false, null, null, true)));
    assertThat(tree.nodes())
        .extracting(CollectionTree.Node::key)
        .containsExactly("root", "1", "2", "9");
    CollectionTree.Node board = tree.node("2").orElseThrow();
    assertThat(board.parentKey()).isEqualTo("1");
    assertThat(board.path()).isEqualTo("Our analytics / Finance / Board");
    assertThat(tree.node("1").orElseThrow().parentKey()).isEqualTo("root");
    assertThat(tree.node("root").orElseThrow().parentKey()).isNull();
    assertThat(tree.node("9").orElseThrow().viewOnly()).isTrue();
    assertThat(tree.node("1").orElseThrow().viewOnly()).isFalse();
  }

  @Test
  void grantsReadBothGraphShapesAlike() {
    assertThat(CollectionAccess.grants("write", CollectionAccess.VIEW)).isTrue();
    assertThat(CollectionAccess.grants("write", CollectionAccess.CURATE)).isTrue();
    assertThat(CollectionAccess.grants("read", CollectionAccess.VIEW)).isTrue();
    assertThat(CollectionAccess.grants("read", CollectionAccess.CURATE)).isFalse();
    assertThat(CollectionAccess.grants("none", CollectionAccess.VIEW)).isFalse();
  }
}
