package org.batonjava.metabase.resources;

import c1.connector.v2.ResourceType;

/** The three resource types, exactly as the Go connectors declare them. */
public final class ResourceTypes {
  public static final ResourceType USER =
      ResourceType.newBuilder()
          .setId("user")
          .setDisplayName("User")
          .addTraits(ResourceType.Trait.TRAIT_USER)
          .build();

  public static final ResourceType GROUP =
      ResourceType.newBuilder()
          .setId("group")
          .setDisplayName("Group")
          .addTraits(ResourceType.Trait.TRAIT_GROUP)
          .build();

  /** No trait: a database is neither a user, a group, a role nor an app. */
  public static final ResourceType DATABASE =
      ResourceType.newBuilder().setId("database").setDisplayName("Database").build();

  private ResourceTypes() {}
}
