package org.batonjava.metabase.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** API paths are joined under the base URL like Go's {@code url.JoinPath}. */
class BaseUrlTest {
  @ParameterizedTest
  @CsvSource({
    "https://host/mb/, https://host/mb/api/user",
    "https://host/mb, https://host/mb/api/user",
    "https://host/mb//, https://host/mb/api/user",
    "https://host, https://host/api/user",
    "https://host/, https://host/api/user",
    "http://127.0.0.1:3000, http://127.0.0.1:3000/api/user",
    "HTTPS://Host.Example.com:8443/a/b/, https://Host.Example.com:8443/a/b/api/user",
    "https://user:pw@host/mb/?x=1, https://host/mb/api/user"
  })
  void joinsPaths(String base, String expected) {
    assertThat(BaseUrl.parse(base).resolve("/api/user", "").toString()).isEqualTo(expected);
  }

  @Test
  void queryAndDisplay() {
    BaseUrl url = BaseUrl.parse(" https://user:secret@host/mb/ ");
    assertThat(url.resolve("/api/user", "limit=1").toString())
        .isEqualTo("https://host/mb/api/user?limit=1");
    assertThat(url.toString()).isEqualTo("https://host/mb").doesNotContain("secret");
    assertThat(url.plainHttp()).isFalse();
    assertThat(BaseUrl.parse("http://h").plainHttp()).isTrue();
    assertThat(url.authority()).isEqualTo("host");
  }

  @Test
  void refusesWhatIsNoHttpUrl() {
    assertThatThrownBy(() -> BaseUrl.parse("metabase.example.com"))
        .hasMessageContaining("--metabase-base-url must start with https://");
    assertThatThrownBy(() -> BaseUrl.parse("ftp://h"))
        .hasMessageContaining("must start with https://");
    assertThatThrownBy(() -> BaseUrl.parse("https:///path"))
        .hasMessageContaining("has no host name");
    assertThatThrownBy(() -> BaseUrl.parse("https://h/a b"))
        .hasMessageContaining("is not a valid URL");
    assertThatThrownBy(() -> BaseUrl.parse(null)).hasMessageContaining("is empty");
  }
}
