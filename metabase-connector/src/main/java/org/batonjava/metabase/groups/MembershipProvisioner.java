package org.batonjava.metabase.groups;

import c1.connector.v2.Entitlement;
import c1.connector.v2.Grant;
import c1.connector.v2.GrantAlreadyExists;
import c1.connector.v2.GrantAlreadyRevoked;
import c1.connector.v2.Resource;
import com.google.protobuf.Any;
import io.grpc.Status;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.batonjava.metabase.http.OperationFailure;
import org.batonjava.metabase.resources.ProvisioningRequest;
import org.batonjava.metabase.resources.ResourceTypes;
import org.batonjava.sdk.connector.Annotations;
import org.batonjava.sdk.connector.ConnectorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Grants and revokes {@code group:<id>:member} and {@code group:<id>:manager} for users. Every
 * decision is made on a fresh {@code GET /api/permissions/membership} (never the sync's snapshot),
 * and each call is idempotent:
 *
 * <ul>
 *   <li>grant {@code member}: nothing to do if the user is in the group (as member or manager),
 *       else add it;
 *   <li>grant {@code manager}: nothing to do for a manager; a member is promoted (Go answers
 *       "already exists" instead); anyone else is added as a manager. Managers need a paid build; a
 *       free build's refusal says so;
 *   <li>revoke {@code member}: removes the membership (a manager's too), nothing to do if there is
 *       none;
 *   <li>revoke {@code manager}: demotes the manager to a member (Go removes the membership),
 *       nothing to do for a plain member or a non-member.
 * </ul>
 *
 * All Users memberships are refused before any call (Metabase does not let anyone join or leave
 * that group), and the principal must be a {@code user}. A change that fails is checked against the
 * state once more, so a change someone else made in the meantime counts as done, and a missing user
 * or group is reported as such.
 *
 * <p>With extended access, adding a membership of a group that an identity provider maps (SSO group
 * sync) is refused with one line before any change, because Metabase would undo it at the user's
 * next SSO login; {@code --force} adds it anyway. Revoking is allowed (it takes effect until the
 * next login) and logged as a warning.
 */
final class MembershipProvisioner {
  private static final Logger LOG = LoggerFactory.getLogger(MembershipProvisioner.class);
  private static final String USERS_ONLY = "only users can be members of Metabase groups";

  private final GroupsApi client;
  private final IdentityProviderGroups idp;

  MembershipProvisioner(GroupsApi client, IdentityProviderGroups idp) {
    this.client = client;
    this.idp = idp;
  }

  List<Any> grant(Resource principal, Entitlement entitlement) {
    ProvisioningRequest request =
        ProvisioningRequest.of(entitlement, principal, ResourceTypes.USER, USERS_ONLY);
    MembershipRole role = MembershipRole.ofSlug(request.slug(), request.entitlementId());
    long groupId = request.objectId();
    long userId = request.principalId();
    refuseAllUsers(groupId, "join");
    Optional<GroupMembership> current = membership(userId, groupId);
    if (current.isPresent()) {
      GroupMembership m = current.get();
      if (role == MembershipRole.MEMBER || m.manager()) {
        return List.of(Annotations.pack(GrantAlreadyExists.getDefaultInstance()));
      }
      String operation = "cannot make user " + userId + " a manager of group " + groupId;
      change(operation, () -> client.setGroupManager(m.membershipId(), true));
      LOG.info("Metabase: user {} is now a manager of group {} (was a member)", userId, groupId);
      return List.of();
    }
    boolean manager = role == MembershipRole.MANAGER;
    String operation =
        "cannot add user " + userId + " to group " + groupId + (manager ? " as a manager" : "");
    refuseIdentityProviderGroup(operation, groupId);
    try {
      client.addMembership(userId, groupId, manager);
    } catch (ConnectorException e) {
      Optional<GroupMembership> now = explainFailedAdd(userId, groupId, operation, e);
      // A transient failure may have lost the answer to an add that took effect: then this run may
      // have made the
      // change, which the SDK's retry reports; only a definite refusal makes it someone else's
      // change.
      if (now.isPresent() && (!manager || now.get().manager()) && !e.transientFailure()) {
        return List.of(Annotations.pack(GrantAlreadyExists.getDefaultInstance()));
      }
      throw OperationFailure.of(operation, e);
    }
    LOG.info(
        "Metabase: added user {} to group {}{}", userId, groupId, manager ? " as a manager" : "");
    return List.of();
  }

  List<Any> revoke(Grant grant) {
    ProvisioningRequest request =
        ProvisioningRequest.of(
            grant.getEntitlement(), grant.getPrincipal(), ResourceTypes.USER, USERS_ONLY);
    MembershipRole role = MembershipRole.ofSlug(request.slug(), request.entitlementId());
    long groupId = request.objectId();
    long userId = request.principalId();
    refuseAllUsers(groupId, "leave");
    Optional<GroupMembership> current = membership(userId, groupId);
    if (current.isEmpty() || (role == MembershipRole.MANAGER && !current.get().manager())) {
      return List.of(Annotations.pack(GrantAlreadyRevoked.getDefaultInstance()));
    }
    GroupMembership m = current.get();
    if (role == MembershipRole.MANAGER) {
      change(
          "cannot demote user " + userId + " from manager to member of group " + groupId,
          () -> client.setGroupManager(m.membershipId(), false));
      LOG.info(
          "Metabase: user {} is no longer a manager of group {} (still a member)", userId, groupId);
      return List.of();
    }
    String operation = "cannot remove user " + userId + " from group " + groupId;
    List<String> providers = idp.known() ? idp.providers(null, groupId) : List.of();
    if (!providers.isEmpty()) {
      LOG.warn(
          "Metabase: group {} is mapped by {} group sync; the identity provider may add user {} back at the"
              + " next SSO login",
          groupId,
          String.join(", ", providers),
          userId);
    }
    try {
      client.removeMembership(m.membershipId());
    } catch (ConnectorException e) {
      if (!e.transientFailure() && membership(userId, groupId).isEmpty()) {
        return List.of(Annotations.pack(GrantAlreadyRevoked.getDefaultInstance()));
      }
      throw OperationFailure.of(operation, e);
    }
    LOG.info("Metabase: removed user {} from group {}", userId, groupId);
    return List.of();
  }

  /** The user's membership of the group, read now. */
  private Optional<GroupMembership> membership(long userId, long groupId) {
    List<GroupMembership> rows = client.memberships().getOrDefault(userId, List.of());
    return rows.stream()
        .filter(m -> m.groupId() == groupId && m.membershipId() != null)
        .findFirst();
  }

  /**
   * After a failed add: the membership if it exists now (someone else added it), otherwise a {@code
   * NOT_FOUND} for a user or group that does not exist (Metabase answers those with a database
   * error), otherwise nothing.
   */
  private Optional<GroupMembership> explainFailedAdd(
      long userId, long groupId, String operation, ConnectorException e) {
    Map<Long, List<GroupMembership>> all = client.memberships();
    Optional<GroupMembership> now =
        all.getOrDefault(userId, List.of()).stream()
            .filter(m -> m.groupId() == groupId && m.membershipId() != null)
            .findFirst();
    if (now.isPresent()) {
      return now;
    }
    if (e.code() == Status.Code.PERMISSION_DENIED
        || e.code() == Status.Code.UNAUTHENTICATED
        || e.code() == Status.Code.FAILED_PRECONDITION) {
      return Optional.empty();
    }
    // Every Metabase user (active, deactivated or API key) is in All Users, so a user missing here
    // does not exist.
    if (!all.containsKey(userId)) {
      throw new ConnectorException(
          Status.Code.NOT_FOUND,
          operation + ": Metabase has no user " + userId + " (sync again to refresh the user list)",
          e);
    }
    if (client.listGroups().stream().noneMatch(g -> g.id() == groupId)) {
      throw new ConnectorException(
          Status.Code.NOT_FOUND,
          operation
              + ": Metabase has no group "
              + groupId
              + " (sync again to refresh the group list)",
          e);
    }
    return Optional.empty();
  }

  private static void change(String operation, Runnable call) {
    try {
      call.run();
    } catch (ConnectorException e) {
      throw OperationFailure.of(operation, e);
    }
  }

  /** Refuses to add a membership the identity provider would undo, unless {@code --force}. */
  private void refuseIdentityProviderGroup(String operation, long groupId) {
    if (!idp.known()) {
      return;
    }
    List<String> providers = idp.providers(null, groupId);
    if (providers.isEmpty()) {
      return;
    }
    if (idp.force()) {
      LOG.warn(
          "Metabase: group {} is mapped by {} group sync; adding the membership anyway (--force)",
          groupId,
          String.join(", ", providers));
      return;
    }
    throw new ConnectorException(
        Status.Code.FAILED_PRECONDITION,
        operation
            + ": the group is mapped by "
            + String.join(", ", providers)
            + " group sync, so Metabase would undo this at the user's next SSO login;"
            + " change the membership in the identity provider, or pass --force to add it anyway");
  }

  private static void refuseAllUsers(long groupId, String verb) {
    if (groupId == MagicGroups.ALL_USERS) {
      throw new ConnectorException(
          Status.Code.FAILED_PRECONDITION,
          "every Metabase user is always a member of the"
              + " All Users group (group 1): nobody can "
              + verb
              + " it, so its membership cannot be granted or revoked");
    }
  }
}
