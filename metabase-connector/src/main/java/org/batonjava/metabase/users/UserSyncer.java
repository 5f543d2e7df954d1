package org.batonjava.metabase.users;

import c1.connector.v2.AccountInfo;
import c1.connector.v2.CredentialDetailsAccountProvisioning;
import c1.connector.v2.Entitlement;
import c1.connector.v2.Grant;
import c1.connector.v2.LocalCredentialOptions;
import c1.connector.v2.Resource;
import c1.connector.v2.ResourceId;
import c1.connector.v2.ResourceType;
import io.grpc.Status;
import java.util.List;
import java.util.Optional;
import org.batonjava.metabase.groups.GroupMembership;
import org.batonjava.metabase.groups.GroupsApi;
import org.batonjava.metabase.groups.MembershipGrants;
import org.batonjava.metabase.groups.MembershipIndex;
import org.batonjava.metabase.resources.MetabaseIds;
import org.batonjava.metabase.resources.PerSync;
import org.batonjava.metabase.resources.ResourceTypes;
import org.batonjava.metabase.server.CurrentServer;
import org.batonjava.sdk.connector.AccountCreation;
import org.batonjava.sdk.connector.AccountCreator;
import org.batonjava.sdk.connector.ConnectorException;
import org.batonjava.sdk.connector.PageRequest;
import org.batonjava.sdk.connector.PageResult;
import org.batonjava.sdk.connector.ResourceSyncer;
import org.batonjava.sdk.crypto.PasswordGenerator;

/**
 * {@code user}: active and deactivated users, one {@code GET /api/user} page per call (the token is
 * the next offset); no entitlements; the user's group memberships as grants (as in the Go
 * connectors), looked up in the sync's {@link MembershipIndex}. Creating accounts is the {@link
 * AccountProvisioner}'s job.
 */
public final class UserSyncer implements ResourceSyncer, AccountCreator {
  static final int DEFAULT_PAGE_SIZE = 100;

  private final GroupsApi groups;
  private final CurrentServer server;
  private final PerSync<MembershipIndex> memberships;
  private final AccountProvisioner accounts;
  private final boolean reviewTraits;
  private final UserPagePrefetch pages;
  private final boolean readAhead;

  public UserSyncer(
      UsersApi client,
      GroupsApi groups,
      CurrentServer server,
      PerSync<MembershipIndex> memberships) {
    this(client, groups, server, memberships, false, 1);
  }

  /**
   * @param reviewTraits extended access: add the superuser flag, SSO source, attribute names, date
   *     joined and tenant to the profile
   * @param pageConcurrency how many pages of users are read at once (see {@link UserPagePrefetch});
   *     above 1, the membership map is also read in the background from the first page on
   */
  public UserSyncer(
      UsersApi client,
      GroupsApi groups,
      CurrentServer server,
      PerSync<MembershipIndex> memberships,
      boolean reviewTraits,
      int pageConcurrency) {
    this.pages = new UserPagePrefetch(client, pageConcurrency);
    this.readAhead = pageConcurrency > 1;
    this.reviewTraits = reviewTraits;
    this.groups = groups;
    this.server = server;
    this.memberships = memberships;
    this.accounts = new AccountProvisioner(client, new PasswordGenerator());
  }

  @Override
  public ResourceType resourceType() {
    return ResourceTypes.USER;
  }

  @Override
  public PageResult<Resource> list(Optional<ResourceId> parent, PageRequest page) {
    long offset = offset(page.token());
    int limit = page.size() > 0 ? page.size() : DEFAULT_PAGE_SIZE;
    UserPage users = pages.page(page.syncId(), offset, limit);
    if (readAhead && offset == 0 && !users.data().isEmpty()) {
      // The membership map is needed once the users' grants are listed; reading it now overlaps
      // its transfer with the listing of users, groups and databases.
      memberships.prefetch(
          page.syncId(),
          () -> MembershipIndex.read(groups),
          PerSync.daemonThread("metabase-memberships"));
    }
    List<Resource> resources =
        users.data().stream()
            .map(reviewTraits ? UserResources::withTraits : UserResources::toResource)
            .toList();
    // Advance by what arrived: robust to a server that echoes no (or another) limit.
    long next = offset + users.data().size();
    boolean more =
        !users.data().isEmpty()
            && (users.total() != null ? next < users.total() : users.data().size() >= limit);
    return PageResult.of(resources, more ? Long.toString(next) : "");
  }

  @Override
  public PageResult<Entitlement> entitlements(Resource resource, PageRequest page) {
    return PageResult.empty();
  }

  /** A user offers nothing to be granted: a sync does not ask each one for entitlements. */
  @Override
  public boolean offersEntitlements() {
    return false;
  }

  @Override
  public PageResult<Grant> grants(Resource resource, PageRequest page) {
    long userId = MetabaseIds.of(resource);
    if (page.syncId() == null || page.syncId().isEmpty()) {
      // A call outside a sync reads the memberships for itself alone.
      try (MembershipIndex own = MembershipIndex.read(groups)) {
        return grants(resource, own.of(userId));
      }
    }
    MembershipIndex index = memberships.get(page.syncId(), () -> MembershipIndex.read(groups));
    return grants(resource, index.of(userId));
  }

  private PageResult<Grant> grants(Resource resource, List<GroupMembership> rows) {
    return PageResult.last(MembershipGrants.forUser(resource, rows, server.profile().paidPlan()));
  }

  private static long offset(String token) {
    if (token == null || token.isEmpty()) {
      return 0;
    }
    try {
      long offset = Long.parseLong(token);
      if (offset < 0) {
        throw new NumberFormatException("negative");
      }
      return offset;
    } catch (NumberFormatException e) {
      throw new ConnectorException(Status.Code.INVALID_ARGUMENT, "invalid page token: " + token);
    }
  }

  @Override
  public CredentialDetailsAccountProvisioning credentialDetails() {
    return AccountProvisioner.CREDENTIAL_DETAILS;
  }

  @Override
  public AccountCreation createAccount(AccountInfo info, LocalCredentialOptions options) {
    return accounts.create(info, options);
  }
}
