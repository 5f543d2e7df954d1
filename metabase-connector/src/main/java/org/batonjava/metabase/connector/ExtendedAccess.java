package org.batonjava.metabase.connector;

import java.util.List;
import java.util.function.BooleanSupplier;
import org.batonjava.metabase.apikeys.ApiKeySyncer;
import org.batonjava.metabase.apikeys.ApiKeysApi;
import org.batonjava.metabase.collections.CollectionSyncer;
import org.batonjava.metabase.collections.CollectionsApi;
import org.batonjava.metabase.http.MetabaseJson;
import org.batonjava.sdk.connector.ResourceSyncer;

/**
 * The surfaces beyond the Go connectors' model ({@code --metabase-extended-access}): API keys and
 * collections. On by default with {@code --metabase-version auto}; off (and then invisible in the
 * output, {@code capabilities} and {@code config}) for the Go-named variants unless switched on.
 */
final class ExtendedAccess {
  private final MetabaseJson json;
  private CollectionSyncer collections;

  private ExtendedAccess(MetabaseJson json) {
    this.json = json;
  }

  static ExtendedAccess on(MetabaseJson json) {
    return new ExtendedAccess(json);
  }

  static ExtendedAccess off() {
    return new ExtendedAccess(null);
  }

  boolean enabled() {
    return json != null;
  }

  /** The syncers, after the Go model's: {@code api_key}, then {@code collection}. */
  List<ResourceSyncer> syncers(BooleanSupplier paidPlan) {
    if (json == null) {
      return List.of();
    }
    collections = new CollectionSyncer(new CollectionsApi(json), paidPlan);
    return List.of(new ApiKeySyncer(new ApiKeysApi(json)), collections);
  }

  void syncFinished() {
    if (collections != null) {
      collections.syncFinished();
    }
  }
}
