package org.batonjava.metabase.connector;

import c1.connector.v2.AccountInfo;
import c1.connector.v2.ConnectorAccountCreationSchema;
import c1.connector.v2.CredentialDetailsAccountProvisioning;
import c1.connector.v2.Entitlement;
import c1.connector.v2.Grant;
import c1.connector.v2.LocalCredentialOptions;
import c1.connector.v2.Resource;
import c1.connector.v2.ResourceId;
import c1.connector.v2.ResourceType;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.batonjava.sdk.connector.AccountCreation;
import org.batonjava.sdk.connector.AccountCreator;
import org.batonjava.sdk.connector.ActionHandler;
import org.batonjava.sdk.connector.Connector;
import org.batonjava.sdk.connector.ConnectorInfo;
import org.batonjava.sdk.connector.PageRequest;
import org.batonjava.sdk.connector.PageResult;
import org.batonjava.sdk.connector.ResourceSyncer;

/**
 * The Metabase connector with its account creator wrapped so that a test learns every password it
 * generates (the SDK wipes them after encrypting), to look for them where they must never be.
 */
final class RecordingConnector implements Connector {
  final List<String> passwords = new CopyOnWriteArrayList<>();
  private final MetabaseConnector inner;
  private final List<ResourceSyncer> syncers;

  RecordingConnector(MetabaseConnector inner) {
    this.inner = inner;
    this.syncers =
        inner.resourceSyncers().stream()
            .map(s -> s instanceof AccountCreator creator ? new Recording(s, creator) : s)
            .toList();
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
    return syncers;
  }

  @Override
  public List<ActionHandler> actions() {
    return inner.actions();
  }

  @Override
  public Optional<ConnectorAccountCreationSchema> accountCreationSchema() {
    return inner.accountCreationSchema();
  }

  @Override
  public void syncFinished() {
    inner.syncFinished();
  }

  private final class Recording implements ResourceSyncer, AccountCreator {
    private final ResourceSyncer syncer;
    private final AccountCreator creator;

    Recording(ResourceSyncer syncer, AccountCreator creator) {
      this.syncer = syncer;
      this.creator = creator;
    }

    @Override
    public ResourceType resourceType() {
      return syncer.resourceType();
    }

    @Override
    public PageResult<Resource> list(Optional<ResourceId> parent, PageRequest page) {
      return syncer.list(parent, page);
    }

    @Override
    public PageResult<Entitlement> entitlements(Resource resource, PageRequest page) {
      return syncer.entitlements(resource, page);
    }

    @Override
    public PageResult<Grant> grants(Resource resource, PageRequest page) {
      return syncer.grants(resource, page);
    }

    @Override
    public CredentialDetailsAccountProvisioning credentialDetails() {
      return creator.credentialDetails();
    }

    @Override
    public AccountCreation createAccount(AccountInfo info, LocalCredentialOptions options) {
      AccountCreation created = creator.createAccount(info, options);
      created.secrets().forEach(s -> passwords.add(s.value().reveal()));
      return created;
    }
  }
}
