package org.batonjava.sdk.provision;

import c1.connector.v2.BatonActionSchema;
import c1.connector.v2.Entitlement;
import c1.connector.v2.Grant;
import c1.connector.v2.GrantAlreadyExists;
import c1.connector.v2.GrantAlreadyRevoked;
import c1.connector.v2.GroupTrait;
import c1.connector.v2.Resource;
import c1.connector.v2.ResourceId;
import c1.connector.v2.ResourceType;
import c1.connector.v2.UserTrait;
import com.google.protobuf.Any;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.batonjava.sdk.connector.ActionHandler;
import org.batonjava.sdk.connector.Annotations;
import org.batonjava.sdk.connector.Connector;
import org.batonjava.sdk.connector.ConnectorException;
import org.batonjava.sdk.connector.ConnectorInfo;
import org.batonjava.sdk.connector.EntitlementBuilder;
import org.batonjava.sdk.connector.GrantBuilder;
import org.batonjava.sdk.connector.GrantProvisioner;
import org.batonjava.sdk.connector.PageRequest;
import org.batonjava.sdk.connector.PageResult;
import org.batonjava.sdk.connector.ResourceBuilder;
import org.batonjava.sdk.connector.ResourceSyncer;

/** Three users and two groups whose memberships live in a set the provisioner changes. */
final class MembershipConnector implements Connector {
  final Set<String> memberships = ConcurrentHashMap.newKeySet();

  MembershipConnector() {
    memberships.add("g1/u1");
  }

  static Resource user(String id) {
    return ResourceBuilder.of("user", id, "User " + id)
        .userTrait(UserTrait.getDefaultInstance())
        .build();
  }

  static Resource group(String id) {
    return ResourceBuilder.of("group", id, "Group " + id)
        .groupTrait(GroupTrait.getDefaultInstance())
        .build();
  }

  static Entitlement member(Resource g) {
    return EntitlementBuilder.assignment(g, "member").build();
  }

  @Override
  public ConnectorInfo info() {
    return new ConnectorInfo("baton-memberships", "Memberships", "test", "0");
  }

  @Override
  public void validate() {}

  @Override
  public List<ActionHandler> actions() {
    return List.of(
        new ActionHandler() {
          @Override
          public BatonActionSchema schema() {
            return BatonActionSchema.newBuilder()
                .setName("count_members")
                .setDisplayName("Count members")
                .build();
          }

          @Override
          public Struct invoke(Struct args) {
            String group =
                args.getFieldsOrDefault("groupId", Value.getDefaultInstance()).getStringValue();
            if (group.isEmpty()) {
              throw ConnectorException.invalidArgument("argument groupId is required");
            }
            long n = memberships.stream().filter(m -> m.startsWith(group + "/")).count();
            return Struct.newBuilder()
                .putFields("count", Value.newBuilder().setNumberValue((double) n).build())
                .build();
          }
        });
  }

  @Override
  public List<ResourceSyncer> resourceSyncers() {
    return List.of(new Users(), new Groups());
  }

  private static final class Users implements ResourceSyncer {
    @Override
    public ResourceType resourceType() {
      return ResourceType.newBuilder()
          .setId("user")
          .addTraits(ResourceType.Trait.TRAIT_USER)
          .build();
    }

    @Override
    public PageResult<Resource> list(Optional<ResourceId> parent, PageRequest page) {
      return PageResult.last(List.of(user("u1"), user("u2"), user("u3")));
    }

    @Override
    public PageResult<Entitlement> entitlements(Resource r, PageRequest page) {
      return PageResult.empty();
    }

    @Override
    public PageResult<Grant> grants(Resource r, PageRequest page) {
      return PageResult.empty();
    }
  }

  private final class Groups implements ResourceSyncer, GrantProvisioner {
    @Override
    public ResourceType resourceType() {
      return ResourceType.newBuilder()
          .setId("group")
          .addTraits(ResourceType.Trait.TRAIT_GROUP)
          .build();
    }

    @Override
    public PageResult<Resource> list(Optional<ResourceId> parent, PageRequest page) {
      return PageResult.last(List.of(group("g1"), group("g2")));
    }

    @Override
    public PageResult<Entitlement> entitlements(Resource r, PageRequest page) {
      return PageResult.last(List.of(member(r)));
    }

    @Override
    public PageResult<Grant> grants(Resource r, PageRequest page) {
      List<Grant> out = new ArrayList<>();
      for (String m : memberships) {
        String[] parts = m.split("/", -1);
        if (parts[0].equals(r.getId().getResource())) {
          out.add(GrantBuilder.of(member(r), user(parts[1])).build());
        }
      }
      out.sort(java.util.Comparator.comparing(Grant::getId));
      return PageResult.last(out);
    }

    @Override
    public List<Any> grant(Resource principal, Entitlement entitlement) {
      if (!principal.getId().getResourceType().equals("user")) {
        throw ConnectorException.invalidArgument("only users can join groups");
      }
      boolean added =
          memberships.add(
              entitlement.getResource().getId().getResource()
                  + "/"
                  + principal.getId().getResource());
      return added ? List.of() : List.of(Annotations.pack(GrantAlreadyExists.getDefaultInstance()));
    }

    @Override
    public List<Any> revoke(Grant grant) {
      boolean removed =
          memberships.remove(
              grant.getEntitlement().getResource().getId().getResource()
                  + "/"
                  + grant.getPrincipal().getId().getResource());
      return removed
          ? List.of()
          : List.of(Annotations.pack(GrantAlreadyRevoked.getDefaultInstance()));
    }
  }
}
