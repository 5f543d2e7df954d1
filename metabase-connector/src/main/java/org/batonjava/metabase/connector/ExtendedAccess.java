package org.batonjava.metabase.connector;

import java.util.List;
import java.util.function.BooleanSupplier;
import org.batonjava.metabase.apikeys.ApiKeySyncer;
import org.batonjava.metabase.apikeys.ApiKeysApi;
import org.batonjava.metabase.application.ApplicationApi;
import org.batonjava.metabase.application.ApplicationPermissionSyncer;
import org.batonjava.metabase.collections.CollectionSyncer;
import org.batonjava.metabase.collections.CollectionsApi;
import org.batonjava.metabase.groups.IdentityProviderGroups;
import org.batonjava.metabase.http.MetabaseJson;
import org.batonjava.metabase.policies.RowSecurityPolicies;
import org.batonjava.metabase.server.ServerApi;
import org.batonjava.metabase.server.SyncTokenFeatures;
import org.batonjava.metabase.sso.SsoGroupSync;
import org.batonjava.metabase.sso.SsoSettingsApi;
import org.batonjava.sdk.connector.ResourceSyncer;

/**
 * The surfaces beyond the Go connectors' model ({@code --metabase-extended-access}): API keys,
 * collections and application permissions (the last only on servers whose token has advanced
 * permissions, read once per sync); and on the Go model's types, the users' review traits and the
 * groups an identity provider manages (SSO group mappings). On by default with {@code
 * --metabase-version auto}; off (and then invisible in the output, {@code capabilities} and {@code
 * config}) for the Go-named variants unless switched on.
 */
final class ExtendedAccess {
  private final MetabaseJson json;
  private final SsoGroupSync sso;
  private CollectionSyncer collections;
  private ApplicationPermissionSyncer application;
  private SyncTokenFeatures features;
  private RowSecurityPolicies policies;

  private ExtendedAccess(MetabaseJson json, SsoGroupSync sso) {
    this.json = json;
    this.sso = sso;
    this.features = json == null ? null : new SyncTokenFeatures(new ServerApi(json));
    this.policies = json == null ? null : new RowSecurityPolicies(json, features);
  }

  /** Sandboxes and impersonations, read once per sync on paid builds; {@code null} when off. */
  RowSecurityPolicies rowSecurityPolicies() {
    return policies;
  }

  /**
   * @param force {@code --force}: memberships of IdP-mapped groups are added anyway
   */
  static ExtendedAccess on(MetabaseJson json, boolean force) {
    return new ExtendedAccess(json, new SsoGroupSync(new SsoSettingsApi(json), force));
  }

  static ExtendedAccess off() {
    return new ExtendedAccess(null, null);
  }

  /**
   * The token features read once per sync, for the databases' fine-grained rights; {@code null}
   * when off.
   */
  SyncTokenFeatures tokenFeatures() {
    return features;
  }

  /** The SSO group mappings for the group surface; {@link IdentityProviderGroups#NONE} when off. */
  IdentityProviderGroups identityProviderGroups() {
    return sso == null ? IdentityProviderGroups.NONE : sso;
  }

  boolean enabled() {
    return json != null;
  }

  /**
   * The syncers, after the Go model's: {@code api_key}, {@code collection}, {@code
   * application_permission}.
   */
  List<ResourceSyncer> syncers(BooleanSupplier paidPlan) {
    if (json == null) {
      return List.of();
    }
    collections = new CollectionSyncer(new CollectionsApi(json), paidPlan);
    application = new ApplicationPermissionSyncer(new ApplicationApi(json), features, paidPlan);
    return List.of(new ApiKeySyncer(new ApiKeysApi(json)), collections, application);
  }

  void syncFinished() {
    if (collections != null) {
      collections.syncFinished();
      application.syncFinished();
      features.syncFinished();
      sso.syncFinished();
      policies.syncFinished();
    }
  }
}
