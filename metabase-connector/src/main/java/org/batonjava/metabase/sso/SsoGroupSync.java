package org.batonjava.metabase.sso;

import java.util.List;
import org.batonjava.metabase.groups.IdentityProviderGroups;
import org.batonjava.metabase.resources.PerSync;

/**
 * The SSO group mappings as the group surface sees them: read once per sync from {@code GET
 * /api/setting} (one request however many groups there are), afresh outside a sync (provisioning).
 */
public final class SsoGroupSync implements IdentityProviderGroups {
  private final SsoSettingsApi calls;
  private final boolean force;
  private final PerSync<IdpGroupMappings> mappings = new PerSync<>();

  /**
   * @param force {@code --force}: memberships of mapped groups are granted anyway
   */
  public SsoGroupSync(SsoSettingsApi calls, boolean force) {
    this.calls = calls;
    this.force = force;
  }

  @Override
  public boolean known() {
    return true;
  }

  @Override
  public List<String> providers(String syncId, long groupId) {
    return mappings.get(syncId, () -> IdpGroupMappings.read(calls)).providers(groupId);
  }

  @Override
  public boolean force() {
    return force;
  }

  public void syncFinished() {
    mappings.clear();
  }
}
