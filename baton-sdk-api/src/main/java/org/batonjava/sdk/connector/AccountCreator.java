package org.batonjava.sdk.connector;

import c1.connector.v2.AccountInfo;
import c1.connector.v2.ConnectorCapabilities;
import c1.connector.v2.CredentialDetailsAccountProvisioning;
import c1.connector.v2.LocalCredentialOptions;

/**
 * Implemented by the {@link ResourceSyncer} of the account type (usually {@code user}) when
 * accounts can be created. Secrets it generates are returned as plaintext to the SDK only, which
 * encrypts them for every requested recipient and never logs, prints or stores them.
 */
public interface AccountCreator {
  /** Which credential options this connector supports, for {@link ConnectorCapabilities}. */
  CredentialDetailsAccountProvisioning credentialDetails();

  /** Creates the account, or reports that it already exists. */
  AccountCreation createAccount(AccountInfo info, LocalCredentialOptions options);
}
