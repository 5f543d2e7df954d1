package org.batonjava.sdk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import c1.connector.v2.Entitlement;
import c1.connector.v2.Grant;
import c1.connector.v2.GrantImmutable;
import c1.connector.v2.GrantSources;
import c1.connector.v2.Resource;
import c1.connector.v2.UserTrait;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import java.util.List;
import java.util.Random;
import org.batonjava.sdk.c1z.EncodedGrant;
import org.batonjava.sdk.c1z.EncodedGrantAccess;
import org.batonjava.sdk.c1z.ProtoBytes;
import org.batonjava.sdk.connector.Annotations;
import org.batonjava.sdk.connector.BatonIds;
import org.junit.jupiter.api.Test;

/** The hand-made encoding of a derived grant equals protobuf's deterministic encoding. */
class DerivedGrantEncoderTest {
  private final Random random = new Random(42);

  @Test
  void encodesDerivedGrantsExactlyAsTheMessageWould() {
    for (int i = 0; i < 500; i++) {
      Entitlement destination = entitlement(i);
      Resource principal = principal(i);
      String source = "group:" + text(i) + ":member";
      boolean direct = random.nextBoolean();
      Grant expected =
          Grant.newBuilder()
              .setId(BatonIds.grantId(destination, principal.getId()))
              .setEntitlement(destination)
              .setPrincipal(principal)
              .setSources(
                  GrantSources.newBuilder()
                      .putSources(
                          source,
                          GrantSources.GrantSource.newBuilder().setIsDirect(direct).build()))
              .addAnnotations(Annotations.pack(GrantImmutable.getDefaultInstance()))
              .build();
      Grant stored =
          Grant.newBuilder()
              .setId("group:" + i + ":member:user:" + i)
              .setEntitlement(Entitlement.newBuilder().setId(source))
              .setPrincipal(principal)
              .build();
      StoredGrantFields fields = StoredGrantFields.read(ProtoBytes.deterministic(stored));

      EncodedGrant encoded =
          new DerivedGrantEncoder(destination, source)
              .encode(
                  fields.principal(),
                  principal.getId().getResourceType(),
                  principal.getId().getResource(),
                  direct);

      assertThat(EncodedGrantAccess.data(encoded)).isEqualTo(ProtoBytes.deterministic(expected));
      assertThat(EncodedGrantAccess.id(encoded)).isEqualTo(expected.getId());
    }
  }

  @Test
  void aMissingPrincipalIsEncodedAsAnEmptyOne() {
    Entitlement destination = entitlement(1);
    StoredGrantFields fields =
        StoredGrantFields.read(ProtoBytes.deterministic(Grant.newBuilder().setId("x").build()));
    Grant expected =
        Grant.newBuilder()
            .setId(destination.getId() + "::")
            .setEntitlement(destination)
            .setPrincipal(Resource.getDefaultInstance())
            .setSources(
                GrantSources.newBuilder()
                    .putSources("s", GrantSources.GrantSource.newBuilder().build()))
            .addAnnotations(Annotations.pack(GrantImmutable.getDefaultInstance()))
            .build();

    EncodedGrant encoded =
        new DerivedGrantEncoder(destination, "s").encode(fields.principal(), "", "", false);

    assertThat(EncodedGrantAccess.data(encoded)).isEqualTo(ProtoBytes.deterministic(expected));
  }

  @Test
  void readsWhetherAStoredGrantIsDirectForASource() {
    Grant plain = Grant.newBuilder().setId("a").build();
    Grant derived =
        Grant.newBuilder()
            .setId("b")
            .setSources(
                GrantSources.newBuilder()
                    .putSources("s1", GrantSources.GrantSource.newBuilder().build())
                    .putSources("s2", GrantSources.GrantSource.newBuilder().build()))
            .build();

    assertThat(StoredGrantFields.read(ProtoBytes.deterministic(plain)).isDirectFor("s1")).isTrue();
    assertThat(StoredGrantFields.read(ProtoBytes.deterministic(derived)).isDirectFor("s2"))
        .isTrue();
    assertThat(StoredGrantFields.read(ProtoBytes.deterministic(derived)).isDirectFor("s3"))
        .isFalse();
  }

  private Entitlement entitlement(int i) {
    Resource resource =
        Resource.newBuilder()
            .setId(BatonIds.resourceId(i % 2 == 0 ? "database" : "collection", text(i)))
            .setDisplayName("Resource " + text(i) + " \u00e9\u4e2d")
            .setDescription(i % 3 == 0 ? "" : "d".repeat(random.nextInt(300)))
            .build();
    return Entitlement.newBuilder()
        .setId(resource.getId().getResourceType() + ":" + text(i) + ":query")
        .setResource(resource)
        .setDisplayName("query " + i)
        .addAllGrantableTo(List.of())
        .setSlug("query")
        .build();
  }

  private Resource principal(int i) {
    Resource.Builder r =
        Resource.newBuilder()
            .setId(BatonIds.resourceId(i % 5 == 0 ? "api_key" : "user", Integer.toString(i)))
            .setDisplayName(i % 7 == 0 ? "" : "User " + text(i));
    if (i % 4 == 0) {
      r.addAnnotations(
          Annotations.pack(
              UserTrait.newBuilder()
                  .setProfile(
                      Struct.newBuilder()
                          .putFields("z", Value.newBuilder().setStringValue("last").build())
                          .putFields("a", Value.newBuilder().setNumberValue(i).build()))
                  .build()));
    }
    return r.build();
  }

  private String text(int i) {
    return Integer.toString(i * 7919 + random.nextInt(1000));
  }
}
