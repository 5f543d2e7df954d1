package org.batonjava.metabase.groups;

import java.util.List;

/**
 * Which Metabase groups an identity provider re-writes at every SSO login (SAML, JWT or LDAP group
 * sync with a mapping to the group). Metabase adds and removes the user's memberships of those
 * groups to match the provider, so a membership granted here would be undone at the user's next
 * login.
 */
public interface IdentityProviderGroups {
  /** No group sync known: the Go model, where groups carry no such mark and nothing is refused. */
  IdentityProviderGroups NONE =
      new IdentityProviderGroups() {
        @Override
        public boolean known() {
          return false;
        }

        @Override
        public List<String> providers(String syncId, long groupId) {
          return List.of();
        }

        @Override
        public boolean force() {
          return false;
        }
      };

  /**
   * Whether the mappings are read at all (extended access); when not, group profiles stay as in Go.
   */
  boolean known();

  /**
   * The providers ({@code ldap}, {@code saml}, {@code jwt}) whose group sync maps an
   * identity-provider group to this Metabase group; empty when none. Read once per sync; without a
   * sync id, read afresh.
   */
  List<String> providers(String syncId, long groupId);

  /** {@code --force}: add memberships to mapped groups anyway. */
  boolean force();
}
