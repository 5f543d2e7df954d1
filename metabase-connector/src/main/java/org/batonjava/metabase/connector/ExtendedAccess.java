package org.batonjava.metabase.connector;

import java.util.List;
import java.util.function.BooleanSupplier;
import org.batonjava.metabase.apikeys.ApiKeyCalls;
import org.batonjava.metabase.apikeys.ApiKeySyncer;
import org.batonjava.metabase.client.MetabaseHttp;
import org.batonjava.metabase.collections.CollectionCalls;
import org.batonjava.metabase.collections.CollectionSyncer;
import org.batonjava.sdk.connector.ResourceSyncer;

/**
 * The surfaces beyond the Go connectors' model ({@code --metabase-extended-access}): API keys and collections.
 * On by default with {@code --metabase-version auto}; off (and then invisible in the output, {@code capabilities}
 * and {@code config}) for the Go-named variants unless switched on.
 */
final class ExtendedAccess {
  private final MetabaseHttp http;
  private CollectionSyncer collections;

  private ExtendedAccess(MetabaseHttp http) {
    this.http = http;
  }

  static ExtendedAccess on(MetabaseHttp http) {
    return new ExtendedAccess(http);
  }

  static ExtendedAccess off() {
    return new ExtendedAccess(null);
  }

  boolean enabled() {
    return http != null;
  }

  /** The syncers, after the Go model's: {@code api_key}, then {@code collection}. */
  List<ResourceSyncer> syncers(BooleanSupplier paidPlan) {
    if (http == null) {
      return List.of();
    }
    collections = new CollectionSyncer(new CollectionCalls(http), paidPlan);
    return List.of(new ApiKeySyncer(new ApiKeyCalls(http)), collections);
  }

  void syncFinished() {
    if (collections != null) {
      collections.syncFinished();
    }
  }
}
