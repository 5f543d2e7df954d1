package org.batonjava.metabase.connector;

import c1.connector.v2.Resource;
import io.grpc.Status;
import org.batonjava.sdk.connector.ConnectorException;

/** Resource ids are Metabase's numeric ids as decimal strings. */
final class MetabaseIds {
  private MetabaseIds() {}

  /** The Metabase id of a resource this connector built. */
  static long of(Resource resource) {
    String id = resource.getId().getResource();
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw new ConnectorException(Status.Code.INVALID_ARGUMENT,
          "invalid " + resource.getId().getResourceType() + " id \"" + id + "\": not a Metabase id");
    }
  }
}
