package org.batonjava.sdk.connector;

import c1.connector.v2.Resource;
import com.google.protobuf.Any;
import java.util.List;
import org.batonjava.sdk.crypto.Secret;

/**
 * The outcome of {@link AccountCreator#createAccount}.
 *
 * @param resource the created (or already existing) account
 * @param alreadyExisted true when nothing was created because the account exists
 * @param secrets generated credentials by name (e.g. {@code password}); empty when none
 * @param annotations response annotations
 */
public record AccountCreation(
    Resource resource, boolean alreadyExisted, List<NamedSecret> secrets, List<Any> annotations) {
  /** A generated credential; {@link Secret#toString()} never reveals it. */
  public record NamedSecret(String name, String description, Secret value) {}
}
