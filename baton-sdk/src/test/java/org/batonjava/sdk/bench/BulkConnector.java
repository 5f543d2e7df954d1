package org.batonjava.sdk.bench;

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
import org.batonjava.sdk.connector.Connector;
import org.batonjava.sdk.connector.ConnectorInfo;
import org.batonjava.sdk.connector.EntitlementBuilder;
import org.batonjava.sdk.connector.GrantBuilder;
import org.batonjava.sdk.connector.PageRequest;
import org.batonjava.sdk.connector.PageResult;
import org.batonjava.sdk.connector.ResourceBuilder;
import org.batonjava.sdk.connector.ResourceSyncer;

/**
 * A connector that generates a large organisation on the fly (nothing held in memory): {@code
 * users} users, {@code groups} groups of {@code membersPerGroup} members each, and {@code roles}
 * roles, each granted to five groups through expandable grants, so grant expansion derives role
 * grants for their members.
 */
final class BulkConnector implements Connector {
  private static final int PAGE = 500;
  private static final ResourceType USER =
      ResourceType.newBuilder()
          .setId("user")
          .setDisplayName("User")
          .addTraits(ResourceType.Trait.TRAIT_USER)
          .build();
  private static final ResourceType GROUP =
      ResourceType.newBuilder()
          .setId("group")
          .setDisplayName("Group")
          .addTraits(ResourceType.Trait.TRAIT_GROUP)
          .build();
  private static final ResourceType ROLE =
      ResourceType.newBuilder().setId("role").setDisplayName("Role").build();

  private final int users;
  private final int groups;
  private final int membersPerGroup;
  private final int roles;

  BulkConnector(int users, int groups, int membersPerGroup, int roles) {
    this.users = users;
    this.groups = groups;
    this.membersPerGroup = membersPerGroup;
    this.roles = roles;
  }

  @Override
  public ConnectorInfo info() {
    return new ConnectorInfo("bulk", "Bulk", "benchmark data", "0");
  }

  @Override
  public void validate() {}

  static Resource user(int i) {
    return ResourceBuilder.of("user", Integer.toString(i), "User " + i)
        .userTrait(
            UserTrait.newBuilder()
                .setLogin("user" + i + "@example.com")
                .addEmails(
                    UserTrait.Email.newBuilder()
                        .setAddress("user" + i + "@example.com")
                        .setIsPrimary(true))
                .setStatus(
                    UserTrait.Status.newBuilder()
                        .setStatus(UserTrait.Status.StatusValue.STATUS_ENABLED))
                .build())
        .build();
  }

  static Resource group(int g) {
    return ResourceBuilder.of("group", Integer.toString(g), "Group " + g)
        .groupTrait(GroupTrait.getDefaultInstance())
        .build();
  }

  static Resource role(int r) {
    return ResourceBuilder.of("role", Integer.toString(r), "Role " + r).build();
  }

  static Entitlement member(Resource group) {
    return EntitlementBuilder.assignment(group, "member")
        .displayName(group.getDisplayName() + " member")
        .build();
  }

  static Entitlement assigned(Resource role) {
    return EntitlementBuilder.permission(role, "assigned")
        .displayName(role.getDisplayName() + " assigned")
        .build();
  }

  private static int offset(PageRequest p) {
    return p.isFirst() ? 0 : Integer.parseInt(p.token());
  }

  private static String next(int offset, int total) {
    return offset + PAGE < total ? Integer.toString(offset + PAGE) : "";
  }

  private abstract static class Base implements ResourceSyncer {
    @Override
    public PageResult<Entitlement> entitlements(Resource resource, PageRequest page) {
      return PageResult.empty();
    }

    @Override
    public PageResult<Grant> grants(Resource resource, PageRequest page) {
      return PageResult.empty();
    }
  }

  @Override
  public List<ResourceSyncer> resourceSyncers() {
    return List.of(
        new Base() {
          @Override
          public ResourceType resourceType() {
            return USER;
          }

          @Override
          public PageResult<Resource> list(Optional<ResourceId> parent, PageRequest page) {
            int from = offset(page);
            List<Resource> out = new ArrayList<>();
            for (int i = from; i < Math.min(users, from + PAGE); i++) {
              out.add(user(i));
            }
            return PageResult.of(out, next(from, users));
          }
        },
        new Base() {
          @Override
          public ResourceType resourceType() {
            return GROUP;
          }

          @Override
          public PageResult<Resource> list(Optional<ResourceId> parent, PageRequest page) {
            int from = offset(page);
            List<Resource> out = new ArrayList<>();
            for (int g = from; g < Math.min(groups, from + PAGE); g++) {
              out.add(group(g));
            }
            return PageResult.of(out, next(from, groups));
          }

          @Override
          public PageResult<Entitlement> entitlements(Resource resource, PageRequest page) {
            return PageResult.last(List.of(member(resource)));
          }

          @Override
          public PageResult<Grant> grants(Resource resource, PageRequest page) {
            int g = Integer.parseInt(resource.getId().getResource());
            Entitlement member = member(resource);
            int from = offset(page);
            List<Grant> out = new ArrayList<>();
            for (int k = from; k < Math.min(membersPerGroup, from + PAGE); k++) {
              int u = (int) (((long) g * membersPerGroup + k) % users);
              out.add(GrantBuilder.of(member, user(u)).build());
            }
            return PageResult.of(out, next(from, membersPerGroup));
          }
        },
        new Base() {
          @Override
          public ResourceType resourceType() {
            return ROLE;
          }

          @Override
          public PageResult<Resource> list(Optional<ResourceId> parent, PageRequest page) {
            List<Resource> out = new ArrayList<>();
            for (int r = 0; r < roles; r++) {
              out.add(role(r));
            }
            return PageResult.last(out);
          }

          @Override
          public PageResult<Entitlement> entitlements(Resource resource, PageRequest page) {
            return PageResult.last(List.of(assigned(resource)));
          }

          @Override
          public PageResult<Grant> grants(Resource resource, PageRequest page) {
            int r = Integer.parseInt(resource.getId().getResource());
            Entitlement assigned = assigned(resource);
            List<Grant> out = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
              Resource g = group((r * 5 + i) % groups);
              out.add(
                  GrantBuilder.of(assigned, g)
                      .expandableFrom(List.of(member(g).getId()), List.of("user"), false)
                      .build());
            }
            return PageResult.last(out);
          }
        });
  }
}
