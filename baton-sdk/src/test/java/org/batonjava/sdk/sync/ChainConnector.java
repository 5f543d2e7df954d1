package org.batonjava.sdk.sync;

import c1.connector.v2.Entitlement;
import c1.connector.v2.Grant;
import c1.connector.v2.GroupTrait;
import c1.connector.v2.Resource;
import c1.connector.v2.ResourceId;
import c1.connector.v2.ResourceType;
import c1.connector.v2.UserTrait;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.batonjava.sdk.connector.Connector;
import org.batonjava.sdk.connector.ConnectorException;
import org.batonjava.sdk.connector.ConnectorInfo;
import org.batonjava.sdk.connector.EntitlementBuilder;
import org.batonjava.sdk.connector.GrantBuilder;
import org.batonjava.sdk.connector.PageRequest;
import org.batonjava.sdk.connector.PageResult;
import org.batonjava.sdk.connector.ResourceBuilder;
import org.batonjava.sdk.connector.ResourceSyncer;

/**
 * Groups nested in a chain (g0 ⊂ g1 ⊂ … ⊂ gN-1) with one user in g0; some groups can answer "not
 * found" when their grants are listed.
 */
final class ChainConnector implements Connector {
  private final int length;
  private final Set<Integer> notFound;

  ChainConnector(int length, Set<Integer> notFound) {
    this.length = length;
    this.notFound = notFound;
  }

  static Resource group(int i) {
    return ResourceBuilder.of("group", "g" + i, "G" + i)
        .groupTrait(GroupTrait.getDefaultInstance())
        .build();
  }

  static Entitlement member(int i) {
    return EntitlementBuilder.assignment(group(i), "member").build();
  }

  static final Resource USER =
      ResourceBuilder.of("user", "u", "U").userTrait(UserTrait.getDefaultInstance()).build();

  @Override
  public ConnectorInfo info() {
    return new ConnectorInfo("chain", "Chain", "nested groups", "0");
  }

  @Override
  public void validate() {}

  @Override
  public List<ResourceSyncer> resourceSyncers() {
    return List.of(
        new ResourceSyncer() {
          @Override
          public ResourceType resourceType() {
            return ResourceType.newBuilder()
                .setId("user")
                .addTraits(ResourceType.Trait.TRAIT_USER)
                .build();
          }

          @Override
          public PageResult<Resource> list(Optional<ResourceId> parent, PageRequest page) {
            return PageResult.last(List.of(USER));
          }

          @Override
          public PageResult<Entitlement> entitlements(Resource r, PageRequest page) {
            return PageResult.empty();
          }

          @Override
          public PageResult<Grant> grants(Resource r, PageRequest page) {
            return PageResult.empty();
          }
        },
        new ResourceSyncer() {
          @Override
          public ResourceType resourceType() {
            return ResourceType.newBuilder()
                .setId("group")
                .addTraits(ResourceType.Trait.TRAIT_GROUP)
                .build();
          }

          @Override
          public PageResult<Resource> list(Optional<ResourceId> parent, PageRequest page) {
            List<Resource> all = new ArrayList<>();
            for (int i = 0; i < length; i++) {
              all.add(group(i));
            }
            return PageResult.last(all);
          }

          @Override
          public PageResult<Entitlement> entitlements(Resource r, PageRequest page) {
            return PageResult.last(List.of(member(index(r))));
          }

          @Override
          public PageResult<Grant> grants(Resource r, PageRequest page) {
            int i = index(r);
            if (notFound.contains(i)) {
              throw ConnectorException.notFound("group g" + i + " disappeared");
            }
            if (i == 0) {
              return PageResult.last(List.of(GrantBuilder.of(member(0), USER).build()));
            }
            return PageResult.last(
                List.of(
                    GrantBuilder.of(member(i), group(i - 1))
                        .expandableFrom(List.of(member(i - 1).getId()), List.of(), false)
                        .build()));
          }
        });
  }

  private static int index(Resource r) {
    return Integer.parseInt(r.getId().getResource().substring(1));
  }
}
