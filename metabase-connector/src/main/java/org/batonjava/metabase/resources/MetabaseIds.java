package org.batonjava.metabase.resources;

import c1.connector.v2.Resource;
import c1.connector.v2.ResourceId;
import io.grpc.Status;
import org.batonjava.sdk.connector.ConnectorException;

/** Resource ids are Metabase's numeric ids as decimal strings. */
public final class MetabaseIds {
  private MetabaseIds() {}

  /** The Metabase id of a resource this connector built. */
  public static long of(Resource resource) {
    return of(resource.getId());
  }

  /** The Metabase id in a resource id. */
  public static long of(ResourceId id) {
    try {
      long value = Long.parseLong(id.getResource());
      if (value <= 0) {
        throw new NumberFormatException("not positive");
      }
      return value;
    } catch (NumberFormatException e) {
      throw new ConnectorException(
          Status.Code.INVALID_ARGUMENT,
          "invalid "
              + id.getResourceType()
              + " id \""
              + id.getResource()
              + "\": not a Metabase id");
    }
  }
}
