package org.batonjava.sdk.service.e2e;

import c1.connector.v2.AccountInfo;
import c1.connector.v2.BatonActionSchema;
import c1.connector.v2.CapabilityDetailCredentialOption;
import c1.connector.v2.CredentialDetailsAccountProvisioning;
import c1.connector.v2.Entitlement;
import c1.connector.v2.Grant;
import c1.connector.v2.GrantAlreadyExists;
import c1.connector.v2.GrantAlreadyRevoked;
import c1.connector.v2.GroupTrait;
import c1.connector.v2.LocalCredentialOptions;
import c1.connector.v2.Resource;
import c1.connector.v2.ResourceId;
import c1.connector.v2.ResourceType;
import c1.connector.v2.UserTrait;
import com.google.protobuf.Any;
import com.google.protobuf.Struct;
import io.grpc.Status;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.batonjava.sdk.connector.AccountCreation;
import org.batonjava.sdk.connector.AccountCreator;
import org.batonjava.sdk.connector.ActionHandler;
import org.batonjava.sdk.connector.Annotations;
import org.batonjava.sdk.connector.Connector;
import org.batonjava.sdk.connector.ConnectorException;
import org.batonjava.sdk.connector.ConnectorInfo;
import org.batonjava.sdk.connector.EntitlementBuilder;
import org.batonjava.sdk.connector.GrantBuilder;
import org.batonjava.sdk.connector.GrantProvisioner;
import org.batonjava.sdk.connector.PageRequest;
import org.batonjava.sdk.connector.PageResult;
import org.batonjava.sdk.connector.ResourceBuilder;
import org.batonjava.sdk.connector.ResourceSyncer;
import org.batonjava.sdk.crypto.Secret;

/**
 * A small synthetic connector for service-mode tests: {@code users} users listed two per page
 * (optionally slow, optionally with bulky descriptions), groups {@code g1}/{@code g2} with a {@code
 * member} entitlement and a {@link GrantProvisioner} over an in-memory membership set, account
 * creation with a random password, and three actions ({@code echo}, {@code fail}, {@code block}).
 */
final class TestConnector implements Connector {
  final Set<String> memberships = ConcurrentHashMap.newKeySet();
  final AtomicInteger blockedNow = new AtomicInteger();
  final AtomicInteger blockedMax = new AtomicInteger();
  volatile CountDownLatch unblock = new CountDownLatch(1);
  volatile boolean healthy = true;
  volatile Duration pageDelay = Duration.ZERO;
  volatile int users = 5;
  volatile int descriptionBytes = 0;
  volatile String lastPassword;

  /** The password ConductorOne chose, as the connector received it (opened by the SDK). */
  volatile String lastChosenPassword;

  TestConnector() {
    memberships.add("g1/u1");
  }

  static Resource user(String id) {
    return ResourceBuilder.of("user", id, "User " + id)
        .userTrait(UserTrait.getDefaultInstance())
        .build();
  }

  static Resource group(String id) {
    return ResourceBuilder.of("group", id, "Group " + id)
        .groupTrait(GroupTrait.getDefaultInstance())
        .build();
  }

  static Entitlement member(Resource group) {
    return EntitlementBuilder.assignment(group, "member").build();
  }

  @Override
  public ConnectorInfo info() {
    return new ConnectorInfo(
        "baton-test", "Test Connector", "users and groups for service tests", "v0.0.1-test");
  }

  @Override
  public void validate() {
    if (!healthy) {
      throw new ConnectorException(
          Status.Code.UNAVAILABLE, "the test system is down (healthy=false)");
    }
  }

  @Override
  public List<ResourceSyncer> resourceSyncers() {
    return List.of(new Users(), new Groups());
  }

  @Override
  public List<ActionHandler> actions() {
    return List.of(
        action("echo", args -> args),
        action(
            "fail",
            args -> {
              throw new ConnectorException(
                  Status.Code.FAILED_PRECONDITION, "the fail action always fails");
            }),
        action(
            "block",
            args -> {
              int now = blockedNow.incrementAndGet();
              blockedMax.accumulateAndGet(now, Math::max);
              try {
                if (!unblock.await(60, TimeUnit.SECONDS)) {
                  throw new ConnectorException(Status.Code.DEADLINE_EXCEEDED, "never unblocked");
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } finally {
                blockedNow.decrementAndGet();
              }
              return Struct.getDefaultInstance();
            }));
  }

  private static ActionHandler action(String name, java.util.function.UnaryOperator<Struct> body) {
    return new ActionHandler() {
      @Override
      public BatonActionSchema schema() {
        return BatonActionSchema.newBuilder().setName(name).setDisplayName(name).build();
      }

      @Override
      public Struct invoke(Struct args) {
        return body.apply(args);
      }
    };
  }

  private final class Users implements ResourceSyncer, AccountCreator {
    @Override
    public ResourceType resourceType() {
      return ResourceType.newBuilder()
          .setId("user")
          .setDisplayName("User")
          .addTraits(ResourceType.Trait.TRAIT_USER)
          .build();
    }

    @Override
    public PageResult<Resource> list(Optional<ResourceId> parent, PageRequest page) {
      sleep(pageDelay);
      int from = page.isFirst() ? 0 : Integer.parseInt(page.token());
      int to = Math.min(users, from + 2);
      List<Resource> out = new ArrayList<>();
      SecureRandom random = new SecureRandom();
      for (int i = from; i < to; i++) {
        ResourceBuilder b =
            ResourceBuilder.of("user", "u" + (i + 1), "User u" + (i + 1))
                .userTrait(UserTrait.getDefaultInstance());
        if (descriptionBytes > 0) {
          byte[] noise = new byte[descriptionBytes];
          random.nextBytes(noise);
          b.description(Base64.getEncoder().encodeToString(noise));
        }
        out.add(b.build());
      }
      return PageResult.of(out, to >= users ? "" : String.valueOf(to));
    }

    @Override
    public PageResult<Entitlement> entitlements(Resource resource, PageRequest page) {
      return PageResult.empty();
    }

    @Override
    public PageResult<Grant> grants(Resource resource, PageRequest page) {
      return PageResult.empty();
    }

    @Override
    public CredentialDetailsAccountProvisioning credentialDetails() {
      return CredentialDetailsAccountProvisioning.newBuilder()
          .addSupportedCredentialOptions(
              CapabilityDetailCredentialOption.CAPABILITY_DETAIL_CREDENTIAL_OPTION_RANDOM_PASSWORD)
          .setPreferredCredentialOption(
              CapabilityDetailCredentialOption.CAPABILITY_DETAIL_CREDENTIAL_OPTION_RANDOM_PASSWORD)
          .build();
    }

    @Override
    public AccountCreation createAccount(AccountInfo info, LocalCredentialOptions options) {
      if (info.getLogin().isEmpty()) {
        throw ConnectorException.invalidArgument("a login is required");
      }
      if (options.hasPlaintextPassword()) {
        lastChosenPassword = options.getPlaintextPassword().getPlaintextPassword();
        return new AccountCreation(user(info.getLogin()), false, List.of(), List.of());
      }
      byte[] raw = new byte[12];
      new SecureRandom().nextBytes(raw);
      String password = "Pw-" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
      lastPassword = password;
      return new AccountCreation(
          user(info.getLogin()),
          false,
          List.of(
              new AccountCreation.NamedSecret(
                  "password", "the new user's password", Secret.of(password))),
          List.of());
    }
  }

  private final class Groups implements ResourceSyncer, GrantProvisioner {
    @Override
    public ResourceType resourceType() {
      return ResourceType.newBuilder()
          .setId("group")
          .setDisplayName("Group")
          .addTraits(ResourceType.Trait.TRAIT_GROUP)
          .build();
    }

    @Override
    public PageResult<Resource> list(Optional<ResourceId> parent, PageRequest page) {
      return PageResult.last(List.of(group("g1"), group("g2")));
    }

    @Override
    public PageResult<Entitlement> entitlements(Resource resource, PageRequest page) {
      return PageResult.last(List.of(member(resource)));
    }

    @Override
    public PageResult<Grant> grants(Resource resource, PageRequest page) {
      List<Grant> out = new ArrayList<>();
      for (String m : memberships) {
        String[] parts = m.split("/", -1);
        if (parts[0].equals(resource.getId().getResource())) {
          out.add(GrantBuilder.of(member(resource), user(parts[1])).build());
        }
      }
      out.sort(Comparator.comparing(Grant::getId));
      return PageResult.last(out);
    }

    @Override
    public List<Any> grant(Resource principal, Entitlement entitlement) {
      if (!principal.getId().getResourceType().equals("user")) {
        throw ConnectorException.invalidArgument("only users can join groups");
      }
      boolean added =
          memberships.add(
              entitlement.getResource().getId().getResource()
                  + "/"
                  + principal.getId().getResource());
      return added ? List.of() : List.of(Annotations.pack(GrantAlreadyExists.getDefaultInstance()));
    }

    @Override
    public List<Any> revoke(Grant grant) {
      boolean removed =
          memberships.remove(
              grant.getEntitlement().getResource().getId().getResource()
                  + "/"
                  + grant.getPrincipal().getId().getResource());
      return removed
          ? List.of()
          : List.of(Annotations.pack(GrantAlreadyRevoked.getDefaultInstance()));
    }
  }

  private static void sleep(Duration d) {
    if (d.isZero()) {
      return;
    }
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
