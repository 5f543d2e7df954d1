package org.batonjava.sdk.sync;

import java.util.List;
import org.batonjava.sdk.connector.Connector;
import org.batonjava.sdk.connector.ConnectorInfo;
import org.batonjava.sdk.connector.ResourceSyncer;

/** A connector that hands every call to another; tests override the calls they watch. */
abstract class ForwardingConnector implements Connector {
  final Connector inner;

  ForwardingConnector(Connector inner) {
    this.inner = inner;
  }

  @Override
  public ConnectorInfo info() {
    return inner.info();
  }

  @Override
  public void validate() {
    inner.validate();
  }

  @Override
  public List<ResourceSyncer> resourceSyncers() {
    return inner.resourceSyncers();
  }
}
