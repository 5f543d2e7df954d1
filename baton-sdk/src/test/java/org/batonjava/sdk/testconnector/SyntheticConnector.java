package org.batonjava.sdk.testconnector;

import c1.connector.v2.Entitlement;
import c1.connector.v2.Grant;
import c1.connector.v2.GroupTrait;
import c1.connector.v2.Resource;
import c1.connector.v2.ResourceId;
import c1.connector.v2.ResourceType;
import c1.connector.v2.UserTrait;
import io.grpc.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
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
 * A deterministic connector for engine tests: users, groups (with a membership cycle between groups
 * 0, 1 and 2), workspaces with child projects, expandable grants of project roles to groups, offset
 * paging with opaque tokens, and seeded transient failures.
 */
public final class SyntheticConnector implements Connector {
  /** The shape of the generated data and the faults. */
  public record Shape(
      int users,
      int groups,
      int workspaces,
      int projectsPerWorkspace,
      int pageSize,
      double transientFailureRate,
      long seed) {
    public static Shape small() {
      return new Shape(57, 6, 3, 4, 10, 0.0, 1);
    }
  }

  /** Called before every connector list call; tests use it to cancel or kill at chosen moments. */
  public interface CallHook {
    void beforeCall(long callNumber);
  }

  static final ResourceType USER =
      ResourceType.newBuilder()
          .setId("user")
          .setDisplayName("User")
          .addTraits(ResourceType.Trait.TRAIT_USER)
          .build();
  static final ResourceType GROUP =
      ResourceType.newBuilder()
          .setId("group")
          .setDisplayName("Group")
          .addTraits(ResourceType.Trait.TRAIT_GROUP)
          .build();
  static final ResourceType WORKSPACE =
      ResourceType.newBuilder().setId("workspace").setDisplayName("Workspace").build();
  static final ResourceType PROJECT =
      ResourceType.newBuilder().setId("project").setDisplayName("Project").build();

  private final Shape shape;
  private final Random faults;
  private final AtomicLong calls = new AtomicLong();
  private volatile CallHook hook = n -> {};
  private volatile boolean repeatTokenBug;

  public SyntheticConnector(Shape shape) {
    this.shape = shape;
    this.faults = new Random(shape.seed());
  }

  public void hook(CallHook h) {
    this.hook = h;
  }

  /** Makes the user syncer return the token it was given (a classic connector bug). */
  public void repeatTokenBug() {
    this.repeatTokenBug = true;
  }

  public long calls() {
    return calls.get();
  }

  @Override
  public ConnectorInfo info() {
    return new ConnectorInfo("baton-synthetic", "Synthetic", "Deterministic test data", "0.0.1");
  }

  @Override
  public void validate() {}

  @Override
  public List<ResourceSyncer> resourceSyncers() {
    return List.of(new Users(), new Groups(), new Workspaces(), new Projects());
  }

  private void enter() {
    long n = calls.incrementAndGet();
    hook.beforeCall(n);
    boolean fail;
    synchronized (faults) {
      fail = faults.nextDouble() < shape.transientFailureRate();
    }
    if (fail) {
      throw new ConnectorException(Status.Code.UNAVAILABLE, "synthetic server hiccup");
    }
  }

  static Resource user(int i) {
    return ResourceBuilder.of("user", "u" + i, "User " + i)
        .userTrait(
            UserTrait.newBuilder()
                .setLogin("user" + i + "@example.com")
                .addEmails(
                    UserTrait.Email.newBuilder()
                        .setAddress("user" + i + "@example.com")
                        .setIsPrimary(true))
                .build())
        .externalId(Integer.toString(i))
        .build();
  }

  static Resource group(int g) {
    return ResourceBuilder.of("group", "g" + g, "Group " + g)
        .groupTrait(GroupTrait.getDefaultInstance())
        .build();
  }

  static Entitlement member(Resource group) {
    return EntitlementBuilder.assignment(group, "member")
        .displayName(group.getDisplayName() + " member")
        .grantableTo(USER, GROUP)
        .build();
  }

  static Resource project(int w, int p) {
    return ResourceBuilder.of("project", "w" + w + "p" + p, "Project " + w + "." + p)
        .parent(ResourceId.newBuilder().setResourceType("workspace").setResource("w" + w).build())
        .build();
  }

  /**
   * Offset paging with tokens that do not look like numbers, to prove the engine treats them as
   * opaque.
   */
  private <T> PageResult<T> page(List<T> all, PageRequest request) {
    int offset =
        request.isFirst() ? 0 : Integer.parseInt(request.token().substring("offset-".length()));
    int end = Math.min(all.size(), offset + shape.pageSize());
    String next = end < all.size() ? "offset-" + end : "";
    return PageResult.of(all.subList(offset, end), next);
  }

  private final class Users implements ResourceSyncer {
    @Override
    public ResourceType resourceType() {
      return USER;
    }

    @Override
    public PageResult<Resource> list(Optional<ResourceId> parent, PageRequest page) {
      enter();
      List<Resource> all = new ArrayList<>();
      for (int i = 0; i < shape.users(); i++) {
        all.add(user(i));
      }
      PageResult<Resource> result = page(all, page);
      if (repeatTokenBug && !page.isFirst()) {
        return PageResult.of(result.items(), page.token());
      }
      return result;
    }

    @Override
    public PageResult<Entitlement> entitlements(Resource resource, PageRequest page) {
      return PageResult.empty();
    }

    @Override
    public PageResult<Grant> grants(Resource resource, PageRequest page) {
      return PageResult.empty();
    }
  }

  private final class Groups implements ResourceSyncer {
    @Override
    public ResourceType resourceType() {
      return GROUP;
    }

    @Override
    public PageResult<Resource> list(Optional<ResourceId> parent, PageRequest page) {
      enter();
      List<Resource> all = new ArrayList<>();
      for (int g = 0; g < shape.groups(); g++) {
        all.add(group(g));
      }
      return page(all, page);
    }

    @Override
    public PageResult<Entitlement> entitlements(Resource resource, PageRequest page) {
      enter();
      return PageResult.last(List.of(member(resource)));
    }

    @Override
    public PageResult<Grant> grants(Resource resource, PageRequest page) {
      enter();
      int g = Integer.parseInt(resource.getId().getResource().substring(1));
      Entitlement member = member(resource);
      List<Grant> all = new ArrayList<>();
      for (int u = 0; u < shape.users(); u++) {
        if (u % shape.groups() == g) {
          all.add(GrantBuilder.of(member, user(u)).build());
        }
      }
      // Groups 0 → 1 → 2 → 0 are members of each other: a cycle the expansion must collapse.
      if (g <= 2 && shape.groups() >= 3) {
        Resource memberGroup = group((g + 2) % 3);
        all.add(
            GrantBuilder.of(member, memberGroup)
                .expandableFrom(List.of(member(memberGroup).getId()), List.of("user"), false)
                .build());
      }
      return page(all, page);
    }
  }

  private final class Workspaces implements ResourceSyncer {
    @Override
    public ResourceType resourceType() {
      return WORKSPACE;
    }

    @Override
    public PageResult<Resource> list(Optional<ResourceId> parent, PageRequest page) {
      enter();
      List<Resource> all = new ArrayList<>();
      for (int w = 0; w < shape.workspaces(); w++) {
        all.add(
            ResourceBuilder.of("workspace", "w" + w, "Workspace " + w)
                .childType("project")
                .build());
      }
      return page(all, page);
    }

    @Override
    public PageResult<Entitlement> entitlements(Resource resource, PageRequest page) {
      return PageResult.empty();
    }

    @Override
    public PageResult<Grant> grants(Resource resource, PageRequest page) {
      return PageResult.empty();
    }
  }

  private final class Projects implements ResourceSyncer {
    @Override
    public ResourceType resourceType() {
      return PROJECT;
    }

    @Override
    public PageResult<Resource> list(Optional<ResourceId> parent, PageRequest page) {
      enter();
      if (parent.isEmpty()) {
        return PageResult.empty();
      }
      int w = Integer.parseInt(parent.get().getResource().substring(1));
      List<Resource> all = new ArrayList<>();
      for (int p = 0; p < shape.projectsPerWorkspace(); p++) {
        all.add(project(w, p));
      }
      return page(all, page);
    }

    @Override
    public PageResult<Entitlement> entitlements(Resource resource, PageRequest page) {
      enter();
      return PageResult.last(
          List.of(
              EntitlementBuilder.permission(resource, "viewer").displayName("viewer").build(),
              EntitlementBuilder.permission(resource, "editor").displayName("editor").build()));
    }

    @Override
    public PageResult<Grant> grants(Resource resource, PageRequest page) {
      enter();
      // Each project's viewers are the members of one group, granted through expansion.
      long hash = Math.abs((long) resource.getId().getResource().hashCode());
      Resource g = group((int) (hash % shape.groups()));
      Entitlement viewer =
          EntitlementBuilder.permission(resource, "viewer").displayName("viewer").build();
      Entitlement editor =
          EntitlementBuilder.permission(resource, "editor").displayName("editor").build();
      return PageResult.last(
          List.of(
              GrantBuilder.of(viewer, g)
                  .expandableFrom(List.of(member(g).getId()), List.of(), false)
                  .build(),
              GrantBuilder.of(editor, user((int) (hash % shape.users()))).build()));
    }
  }
}
