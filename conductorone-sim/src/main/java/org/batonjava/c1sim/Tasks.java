package org.batonjava.c1sim;

import c1.connector.v2.AccountInfo;
import c1.connector.v2.CredentialOptions;
import c1.connector.v2.EncryptionConfig;
import c1.connector.v2.Entitlement;
import c1.connector.v2.Grant;
import c1.connector.v2.Resource;
import c1.connectorapi.baton.v1.Task;
import com.google.protobuf.Struct;
import java.util.List;

/** Scripted tasks, each with a fresh 27-character id. */
public final class Tasks {
  private Tasks() {}

  public static Task syncFull() {
    return syncFull(Task.SyncFullTask.getDefaultInstance());
  }

  public static Task syncFull(Task.SyncFullTask options) {
    return Task.newBuilder().setId(TaskIds.next()).setSyncFull(options).build();
  }

  public static Task grant(Entitlement entitlement, Resource principal) {
    return Task.newBuilder()
        .setId(TaskIds.next())
        .setGrant(Task.GrantTask.newBuilder().setEntitlement(entitlement).setPrincipal(principal))
        .build();
  }

  public static Task revoke(Grant grant) {
    return Task.newBuilder()
        .setId(TaskIds.next())
        .setRevoke(Task.RevokeTask.newBuilder().setGrant(grant))
        .build();
  }

  public static Task createAccount(
      AccountInfo info, CredentialOptions options, List<EncryptionConfig> configs) {
    return Task.newBuilder()
        .setId(TaskIds.next())
        .setCreateAccount(
            Task.CreateAccountTask.newBuilder()
                .setAccountInfo(info)
                .setCredentialOptions(options)
                .addAllEncryptionConfigs(configs))
        .build();
  }

  public static Task actionInvoke(String name, Struct args) {
    return Task.newBuilder()
        .setId(TaskIds.next())
        .setActionInvoke(Task.ActionInvokeTask.newBuilder().setName(name).setArgs(args))
        .build();
  }

  public static Task actionListSchemas() {
    return Task.newBuilder()
        .setId(TaskIds.next())
        .setActionListSchemas(Task.ActionListSchemasTask.getDefaultInstance())
        .build();
  }

  public static Task hello() {
    return Task.newBuilder()
        .setId(TaskIds.next())
        .setHello(Task.HelloTask.getDefaultInstance())
        .build();
  }

  public static Task eventFeed() {
    return Task.newBuilder()
        .setId(TaskIds.next())
        .setEventFeed(Task.EventFeedTask.getDefaultInstance())
        .build();
  }

  public static Task createSyncDiff() {
    return Task.newBuilder()
        .setId(TaskIds.next())
        .setCreateSyncDiff(Task.CreateSyncDiffTask.getDefaultInstance())
        .build();
  }
}
