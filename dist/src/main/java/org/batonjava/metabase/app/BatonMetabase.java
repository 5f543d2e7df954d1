package org.batonjava.metabase.app;

import org.batonjava.metabase.connector.MetabaseVariant;
import org.batonjava.sdk.cli.RunEnvironment;

/** {@code baton-metabase}: the drop-in for the Go connector of the same name, plus {@code demo}. */
public final class BatonMetabase {
  private BatonMetabase() {}

  public static void main(String[] args) {
    MetabaseApp.of(MetabaseVariant.UNVERSIONED, RunEnvironment.system()).runAndExit(args);
  }
}
