package org.batonjava.sdk.bench;

import c1.connector.v2.Entitlement;
import c1.connector.v2.Grant;
import c1.connector.v2.GrantExpandable;
import c1.connector.v2.GroupTrait;
import c1.connector.v2.Resource;
import c1.connector.v2.ResourceId;
import c1.connector.v2.ResourceType;
import c1.connector.v2.UserTrait;
import com.google.protobuf.Any;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Grants shaped like a Metabase sync's, made one at a time from their number (never held in a
 * list): group memberships of users (each user in four of {@value #GROUPS} groups), and every
 * hundredth grant a database access given to a group, carrying a {@code GrantExpandable} annotation
 * that points at the group's member entitlement. Every grant embeds its entitlement (with the full
 * resource) and its principal (with a trait), like the Go SDK's builders produce. Ids are unique
 * across all numbers.
 */
public final class SyntheticGrants {
  public static final int GROUPS = 5_000;
  public static final int DATABASES = 200;

  private static final ResourceType USER_TYPE = ResourceType.newBuilder().setId("user").build();
  private static final ResourceType GROUP_TYPE = ResourceType.newBuilder().setId("group").build();
  private static final Any GROUP_TRAIT = Any.pack(GroupTrait.getDefaultInstance());

  private SyntheticGrants() {}

  /**
   * Grants number {@code from} (inclusive) to {@code to} (exclusive), made lazily as they are
   * iterated.
   */
  public static Iterable<Grant> range(long from, long to) {
    return () ->
        new Iterator<>() {
          private long next = from;

          @Override
          public boolean hasNext() {
            return next < to;
          }

          @Override
          public Grant next() {
            if (next >= to) {
              throw new NoSuchElementException();
            }
            return grant(next++);
          }
        };
  }

  /** Whether grant {@code i} carries a {@code GrantExpandable} annotation (1 in 100). */
  public static boolean expandable(long i) {
    return i % 100 == 99;
  }

  public static Grant grant(long i) {
    if (expandable(i)) {
      long group = i / 100;
      Resource database =
          resource(
              "database", Long.toString(group % DATABASES), "Database " + group % DATABASES, null);
      Entitlement access = entitlement(database, "access");
      Grant g = grant(access, group(group));
      GrantExpandable expansion =
          GrantExpandable.newBuilder().addEntitlementIds("group:" + group + ":member").build();
      return g.toBuilder().addAnnotations(Any.pack(expansion)).build();
    }
    long user = i / 4;
    long group = (user + (i % 4) * 997) % GROUPS;
    return grant(entitlement(group(group), "member"), user(user));
  }

  private static Resource user(long n) {
    String email = "user" + n + "@example.com";
    UserTrait trait =
        UserTrait.newBuilder()
            .addEmails(UserTrait.Email.newBuilder().setAddress(email).setIsPrimary(true))
            .setStatus(
                UserTrait.Status.newBuilder()
                    .setStatus(UserTrait.Status.StatusValue.STATUS_ENABLED))
            .setLogin(email)
            .build();
    return resource("user", Long.toString(n), "User " + n, Any.pack(trait));
  }

  private static Resource group(long n) {
    return resource("group", Long.toString(n), "Group " + n, GROUP_TRAIT);
  }

  private static Resource resource(String type, String id, String name, Any trait) {
    Resource.Builder r =
        Resource.newBuilder()
            .setId(ResourceId.newBuilder().setResourceType(type).setResource(id))
            .setDisplayName(name);
    if (trait != null) {
      r.addAnnotations(trait);
    }
    return r.build();
  }

  private static Entitlement entitlement(Resource resource, String slug) {
    return Entitlement.newBuilder()
        .setResource(resource)
        .setId(
            resource.getId().getResourceType() + ":" + resource.getId().getResource() + ":" + slug)
        .setDisplayName(resource.getDisplayName() + " " + slug)
        .setSlug(slug)
        .setPurpose(Entitlement.PurposeValue.PURPOSE_VALUE_ASSIGNMENT)
        .addGrantableTo(USER_TYPE)
        .addGrantableTo(GROUP_TYPE)
        .build();
  }

  private static Grant grant(Entitlement entitlement, Resource principal) {
    return Grant.newBuilder()
        .setEntitlement(entitlement)
        .setPrincipal(principal)
        .setId(
            entitlement.getId()
                + ":"
                + principal.getId().getResourceType()
                + ":"
                + principal.getId().getResource())
        .build();
  }
}
