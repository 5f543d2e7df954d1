package org.batonjava.sdk.proto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.protobuf.ByteString;
import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import io.grpc.MethodDescriptor.MethodType;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks the hand-authored {@code .proto} files under {@code src/main/proto} against the
 * mechanically extracted baton-sdk v0.25.0 schema appendix (its listing lines, copied into {@code
 * testdata/proto-schema-facts.txt}), using the descriptors embedded in the generated Java classes.
 *
 * <p>For every appendix file we authored, in both directions: the set of messages / enums /
 * services (with nesting), every field's name, number, type (scalar or full message/enum name),
 * label (singular / optional / repeated / map, with map key and value types) and real-oneof
 * membership, reserved numbers and names, every enum value name and number, every RPC's
 * input/output type and streaming flags, plus package, proto3 syntax and the Java file options.
 */
class ProtoSchemaConformanceTest {

  /**
   * Appendix files (paths without the leading {@code proto/}) this module authors; prefixes end
   * with '/'.
   */
  private static final List<String> AUTHORED =
      List.of(
          "c1/connector/v2/",
          "c1/config/v1/",
          "c1/connectorapi/baton/v1/",
          "c1/reader/v2/",
          "c1/c1z/v1/",
          "baton/v1/outputs.proto");

  /** The single sanctioned Java-driven rename (appendix full name -> our full name). */
  private static final Map<String, String> RENAMED_TYPES =
      Map.of(
          "c1.connector.v2.UserTrait.Status.Status",
          "c1.connector.v2.UserTrait.Status.StatusValue");

  /**
   * .proto sources that are not appendix files: the empty stand-in for protoc-gen-validate's
   * StringRules.
   */
  private static final Set<String> NON_APPENDIX_SOURCES =
      Set.of("validate/string_rules_placeholder.proto");

  /** Types referenced by the appendix but defined outside it (all messages). */
  private static final Set<String> EXTERNAL_MESSAGES =
      Set.of(
          "google.protobuf.Any",
          "google.protobuf.Struct",
          "google.protobuf.Timestamp",
          "google.protobuf.Duration",
          "google.protobuf.BoolValue",
          "google.protobuf.FloatValue",
          "google.protobuf.FileDescriptorSet",
          "google.rpc.Status",
          "validate.StringRules");

  private static final Map<String, FieldDescriptor.Type> SCALARS =
      Map.ofEntries(
          Map.entry("double", FieldDescriptor.Type.DOUBLE),
          Map.entry("float", FieldDescriptor.Type.FLOAT),
          Map.entry("int32", FieldDescriptor.Type.INT32),
          Map.entry("int64", FieldDescriptor.Type.INT64),
          Map.entry("uint32", FieldDescriptor.Type.UINT32),
          Map.entry("uint64", FieldDescriptor.Type.UINT64),
          Map.entry("sint32", FieldDescriptor.Type.SINT32),
          Map.entry("sint64", FieldDescriptor.Type.SINT64),
          Map.entry("fixed32", FieldDescriptor.Type.FIXED32),
          Map.entry("fixed64", FieldDescriptor.Type.FIXED64),
          Map.entry("sfixed32", FieldDescriptor.Type.SFIXED32),
          Map.entry("sfixed64", FieldDescriptor.Type.SFIXED64),
          Map.entry("bool", FieldDescriptor.Type.BOOL),
          Map.entry("string", FieldDescriptor.Type.STRING),
          Map.entry("bytes", FieldDescriptor.Type.BYTES));

  private static Appendix appendix;
  private static Path appendixPath;

  /**
   * The schema facts: the listing lines of the appendix, kept in the repository
   * (testdata/README.md).
   */
  @BeforeAll
  static void loadAppendix() throws IOException {
    String override = System.getProperty("baton.proto.appendix");
    if (override != null && !override.isBlank()) {
      appendixPath = Paths.get(override);
    } else {
      Path moduleDir = Paths.get(System.getProperty("basedir", System.getProperty("user.dir")));
      appendixPath = moduleDir.resolve("../testdata/proto-schema-facts.txt").normalize();
    }
    appendix = Appendix.parse(Files.readAllLines(appendixPath, StandardCharsets.UTF_8));
  }

  private static void requireAppendix() {
    assertThat(appendix).as("schema facts from " + appendixPath).isNotNull();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Appendix-driven comparison
  // ---------------------------------------------------------------------------------------------------------------

  @Test
  void authoredFilesMatchTheAppendixExactly() {
    requireAppendix();
    List<String> problems = new ArrayList<>();

    List<FileSpec> authored = new ArrayList<>();
    for (FileSpec f : appendix.files.values()) {
      if (isAuthored(f.path)) {
        authored.add(f);
      }
    }
    for (String prefix : AUTHORED) {
      if (authored.stream().noneMatch(f -> f.path.startsWith(prefix))) {
        problems.add(
            "appendix lists no file for authored path/prefix "
                + prefix
                + " (appendix format changed?)");
      }
    }

    checkSourceTree(authored, problems);
    Map<String, FileDescriptor> generated = discoverGeneratedFiles(authored, problems);
    for (FileSpec spec : authored) {
      FileDescriptor fd = generated.get(spec.path);
      if (fd == null) {
        continue; // already reported by discovery
      }
      compareFile(spec, fd, problems);
    }

    if (!problems.isEmpty()) {
      fail(
          problems.size()
              + " schema mismatch(es) between src/main/proto and "
              + appendixPath
              + ":\n  - "
              + String.join("\n  - ", problems));
    }
    // Sanity: the comparison really ran over a non-trivial schema.
    assertThat(authored).hasSizeGreaterThanOrEqualTo(40);
  }

  /**
   * The generated classes can outlive a deleted .proto (the build does not clean them), so also
   * check the sources: every authored appendix file exists under src/main/proto, and no other
   * .proto is there except the ones listed in {@link #NON_APPENDIX_SOURCES}.
   */
  private static void checkSourceTree(List<FileSpec> authored, List<String> problems) {
    Path protoDir =
        Paths.get(System.getProperty("basedir", System.getProperty("user.dir")))
            .resolve("src/main/proto");
    if (!Files.isDirectory(protoDir)) {
      problems.add(
          "proto source directory "
              + protoDir
              + " not found (run the test from the baton-sdk module)");
      return;
    }
    Set<String> expected = new TreeSet<>(NON_APPENDIX_SOURCES);
    authored.forEach(f -> expected.add(f.path));
    Set<String> actual = new TreeSet<>();
    try (var walk = Files.walk(protoDir)) {
      walk.filter(p -> p.toString().endsWith(".proto"))
          .forEach(p -> actual.add(protoDir.relativize(p).toString().replace('\\', '/')));
    } catch (IOException e) {
      problems.add("cannot list " + protoDir + ": " + e);
      return;
    }
    for (String p : expected) {
      if (!actual.contains(p)) {
        problems.add("file " + p + " is missing from " + protoDir);
      }
    }
    for (String p : actual) {
      if (!expected.contains(p)) {
        problems.add(
            "unexpected file " + p + " in " + protoDir + " (not an authored appendix file)");
      }
    }
  }

  private static boolean isAuthored(String path) {
    for (String p : AUTHORED) {
      if (p.endsWith("/") ? path.startsWith(p) : path.equals(p)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Finds the generated outer class of each authored file and collects all (transitively) reachable
   * files.
   */
  private static Map<String, FileDescriptor> discoverGeneratedFiles(
      List<FileSpec> files, List<String> problems) {
    Map<String, FileDescriptor> byName = new HashMap<>();
    Deque<FileDescriptor> queue = new ArrayDeque<>();
    Map<String, List<String>> tried = new LinkedHashMap<>();
    for (FileSpec f : files) {
      String base = f.path.substring(f.path.lastIndexOf('/') + 1).replaceFirst("\\.proto$", "");
      String camel = underscoresToCamelCase(base);
      List<String> candidates = List.of(f.pkg + "." + camel, f.pkg + "." + camel + "OuterClass");
      tried.put(f.path, candidates);
      for (String cn : candidates) {
        FileDescriptor fd = fileDescriptorOf(cn);
        if (fd != null && fd.getName().equals(f.path)) {
          queue.add(fd);
          break;
        }
      }
    }
    while (!queue.isEmpty()) {
      FileDescriptor fd = queue.poll();
      if (byName.putIfAbsent(fd.getName(), fd) == null) {
        queue.addAll(fd.getDependencies());
      }
    }
    for (FileSpec f : files) {
      if (!byName.containsKey(f.path)) {
        problems.add(
            "file "
                + f.path
                + ": no generated descriptor found (tried classes "
                + tried.get(f.path)
                + "); is the .proto missing or at a different path?");
      }
    }
    return byName;
  }

  private static FileDescriptor fileDescriptorOf(String className) {
    try {
      Class<?> c =
          Class.forName(className, true, ProtoSchemaConformanceTest.class.getClassLoader());
      Method m = c.getMethod("getDescriptor");
      if (Modifier.isStatic(m.getModifiers()) && m.getReturnType() == FileDescriptor.class) {
        return (FileDescriptor) m.invoke(null);
      }
    } catch (ReflectiveOperationException | LinkageError e) {
      // not this candidate
    }
    return null;
  }

  /** protoc's rule for the default Java outer class name of a file. */
  static String underscoresToCamelCase(String s) {
    StringBuilder sb = new StringBuilder();
    boolean capNext = true;
    for (int index = 0; index < s.length(); index++) {
      char c = s.charAt(index);
      if (c >= 'a' && c <= 'z') {
        sb.append(capNext ? Character.toUpperCase(c) : c);
        capNext = false;
      } else if (c >= 'A' && c <= 'Z') {
        sb.append(c);
        capNext = false;
      } else if (c >= '0' && c <= '9') {
        sb.append(c);
        capNext = true;
      } else {
        capNext = true;
      }
    }
    return sb.toString();
  }

  private static void compareFile(FileSpec spec, FileDescriptor fd, List<String> problems) {
    String where = "file " + spec.path;
    if (!fd.getPackage().equals(spec.pkg)) {
      problems.add(
          where + ": package is '" + fd.getPackage() + "', appendix says '" + spec.pkg + "'");
    }
    if (!"proto3".equals(fd.toProto().getSyntax())) {
      problems.add(where + ": syntax is '" + fd.toProto().getSyntax() + "', expected proto3");
    }
    if (!fd.getOptions().getJavaMultipleFiles()) {
      problems.add(where + ": option java_multiple_files = true is missing");
    }
    if (fd.getOptions().hasJavaPackage()) {
      problems.add(
          where + ": must not set java_package (found '" + fd.getOptions().getJavaPackage() + "')");
    }

    // Collect what the descriptor defines, keyed by the appendix name (undoing the sanctioned
    // rename).
    Map<String, Descriptor> messages = new LinkedHashMap<>();
    Map<String, EnumDescriptor> enums = new LinkedHashMap<>();
    Map<String, ServiceDescriptor> services = new LinkedHashMap<>();
    for (Descriptor d : fd.getMessageTypes()) {
      collect(d, messages, enums);
    }
    for (EnumDescriptor e : fd.getEnumTypes()) {
      enums.put(appendixName(e.getFullName()), e);
    }
    for (ServiceDescriptor s : fd.getServices()) {
      services.put(s.getFullName(), s);
    }

    compareNameSets(where, "message", spec.messages.keySet(), messages.keySet(), problems);
    compareNameSets(where, "enum", spec.enums.keySet(), enums.keySet(), problems);
    compareNameSets(where, "service", spec.services.keySet(), services.keySet(), problems);

    for (MessageSpec m : spec.messages.values()) {
      Descriptor d = messages.get(m.fullName);
      if (d != null) {
        compareMessage(m, d, problems);
      }
    }
    for (EnumSpec e : spec.enums.values()) {
      EnumDescriptor d = enums.get(e.fullName);
      if (d != null) {
        compareEnum(e, d, problems);
      }
    }
    for (ServiceSpec s : spec.services.values()) {
      ServiceDescriptor d = services.get(s.fullName);
      if (d != null) {
        compareService(s, d, problems);
      }
    }
  }

  private static void collect(
      Descriptor d, Map<String, Descriptor> messages, Map<String, EnumDescriptor> enums) {
    if (d.getOptions().getMapEntry()) {
      return; // synthetic map entry type, described by the map field itself
    }
    messages.put(d.getFullName(), d);
    for (Descriptor n : d.getNestedTypes()) {
      collect(n, messages, enums);
    }
    for (EnumDescriptor e : d.getEnumTypes()) {
      enums.put(appendixName(e.getFullName()), e);
    }
  }

  private static void compareNameSets(
      String where, String kind, Set<String> expected, Set<String> actual, List<String> problems) {
    for (String n : expected) {
      if (!actual.contains(n)) {
        problems.add(
            where
                + ": "
                + kind
                + " "
                + n
                + " is in the appendix but not in the generated descriptor");
      }
    }
    for (String n : actual) {
      if (!expected.contains(n)) {
        problems.add(where + ": extra " + kind + " " + n + " is not in the appendix");
      }
    }
  }

  private static void compareMessage(MessageSpec m, Descriptor d, List<String> problems) {
    String where = "message " + m.fullName;
    Map<String, FieldDescriptor> actual = new LinkedHashMap<>();
    for (FieldDescriptor f : d.getFields()) {
      actual.put(f.getName(), f);
    }
    Set<String> expectedOneofs = new TreeSet<>();
    for (FieldSpec f : m.fields) {
      if (f.oneof != null) {
        expectedOneofs.add(f.oneof);
      }
      FieldDescriptor fd = actual.get(f.name);
      if (fd == null) {
        problems.add(where + ": field " + f.name + " = " + f.number + " is missing");
        continue;
      }
      String fw = where + "." + f.name;
      if (fd.getNumber() != f.number) {
        problems.add(fw + ": number is " + fd.getNumber() + ", appendix says " + f.number);
      }
      String actualLabel = labelOf(fd);
      if (!actualLabel.equals(f.label)) {
        problems.add(fw + ": label is '" + actualLabel + "', appendix says '" + f.label + "'");
      }
      if (f.label.equals("map")) {
        if (fd.isMapField()) {
          Descriptor entry = fd.getMessageType();
          checkType(
              fw + " (map key)", m.fullName, f.keyType, entry.findFieldByName("key"), problems);
          checkType(
              fw + " (map value)", m.fullName, f.type, entry.findFieldByName("value"), problems);
        }
      } else {
        checkType(fw, m.fullName, f.type, fd, problems);
      }
      OneofDescriptor oneof = fd.getRealContainingOneof();
      String actualOneof = oneof == null ? null : oneof.getName();
      if (!Objects.equals(actualOneof, f.oneof)) {
        problems.add(
            fw
                + ": oneof is "
                + (actualOneof == null ? "<none>" : "'" + actualOneof + "'")
                + ", appendix says "
                + (f.oneof == null ? "<none>" : "'" + f.oneof + "'"));
      }
    }
    Set<String> expectedNames = new LinkedHashSet<>();
    m.fields.forEach(f -> expectedNames.add(f.name));
    for (FieldDescriptor f : d.getFields()) {
      if (!expectedNames.contains(f.getName())) {
        problems.add(
            where
                + ": extra field "
                + f.getName()
                + " = "
                + f.getNumber()
                + " is not in the appendix");
      }
    }
    Set<String> actualOneofs = new TreeSet<>();
    for (OneofDescriptor o : d.getRealOneofs()) {
      actualOneofs.add(o.getName());
    }
    if (!actualOneofs.equals(expectedOneofs)) {
      problems.add(where + ": oneofs are " + actualOneofs + ", appendix says " + expectedOneofs);
    }
    DescriptorProto proto = d.toProto();
    Set<String> actualReserved = new TreeSet<>();
    proto
        .getReservedRangeList()
        .forEach(
            r ->
                actualReserved.add(
                    r.getEnd() - 1 == r.getStart()
                        ? String.valueOf(r.getStart())
                        : r.getStart() + " to " + (r.getEnd() - 1)));
    proto.getReservedNameList().forEach(n -> actualReserved.add("\"" + n + "\""));
    if (!actualReserved.equals(new TreeSet<>(m.reserved))) {
      problems.add(
          where
              + ": reserved is "
              + actualReserved
              + ", appendix says "
              + new TreeSet<>(m.reserved));
    }
  }

  private static String labelOf(FieldDescriptor fd) {
    if (fd.isMapField()) {
      return "map";
    }
    if (fd.isRepeated()) {
      return "repeated";
    }
    if (fd.toProto().getProto3Optional()) {
      return "optional";
    }
    return "";
  }

  private static void checkType(
      String where, String scope, String appendixType, FieldDescriptor fd, List<String> problems) {
    if (fd == null) {
      problems.add(where + ": descriptor has no such field");
      return;
    }
    String actual = typeName(fd);
    String expected;
    FieldDescriptor.Type scalar = SCALARS.get(appendixType);
    if (scalar != null) {
      expected = scalar.name().toLowerCase(Locale.ROOT);
    } else {
      Symbol sym = appendix.resolve(scope, appendixType);
      if (sym == null) {
        problems.add(
            where + ": appendix type '" + appendixType + "' does not resolve from scope " + scope);
        return;
      }
      String full = RENAMED_TYPES.getOrDefault(sym.fullName, sym.fullName);
      expected = (sym.kind == Kind.ENUM ? "enum " : "message ") + full;
    }
    if (!actual.equals(expected)) {
      problems.add(
          where
              + ": type is '"
              + actual
              + "', appendix says '"
              + appendixType
              + "' = '"
              + expected
              + "'");
    }
  }

  private static String typeName(FieldDescriptor fd) {
    return switch (fd.getType()) {
      case MESSAGE -> "message " + fd.getMessageType().getFullName();
      case GROUP -> "group " + fd.getMessageType().getFullName();
      case ENUM -> "enum " + fd.getEnumType().getFullName();
      default -> fd.getType().name().toLowerCase(Locale.ROOT);
    };
  }

  private static void compareEnum(EnumSpec e, EnumDescriptor d, List<String> problems) {
    String where =
        "enum "
            + e.fullName
            + (RENAMED_TYPES.containsKey(e.fullName)
                ? " (ours: " + RENAMED_TYPES.get(e.fullName) + ")"
                : "");
    Map<String, Integer> actual = new LinkedHashMap<>();
    for (EnumValueDescriptor v : d.getValues()) {
      actual.put(v.getName(), v.getNumber());
    }
    for (Map.Entry<String, Integer> v : e.values.entrySet()) {
      Integer n = actual.get(v.getKey());
      if (n == null) {
        problems.add(where + ": value " + v.getKey() + " = " + v.getValue() + " is missing");
      } else if (!n.equals(v.getValue())) {
        problems.add(
            where + ": value " + v.getKey() + " is " + n + ", appendix says " + v.getValue());
      }
    }
    for (Map.Entry<String, Integer> v : actual.entrySet()) {
      if (!e.values.containsKey(v.getKey())) {
        problems.add(
            where
                + ": extra value "
                + v.getKey()
                + " = "
                + v.getValue()
                + " is not in the appendix");
      }
    }
  }

  private static void compareService(ServiceSpec s, ServiceDescriptor d, List<String> problems) {
    String where = "service " + s.fullName;
    Map<String, MethodDescriptor> actual = new LinkedHashMap<>();
    for (MethodDescriptor m : d.getMethods()) {
      actual.put(m.getName(), m);
    }
    for (MethodSpec m : s.methods) {
      MethodDescriptor md = actual.get(m.name);
      String mw = where + "." + m.name;
      if (md == null) {
        problems.add(mw + ": rpc is missing");
        continue;
      }
      Symbol in = appendix.resolve(s.fullName, m.input);
      Symbol out = appendix.resolve(s.fullName, m.output);
      if (in == null || !md.getInputType().getFullName().equals(in.fullName)) {
        problems.add(
            mw
                + ": input is "
                + md.getInputType().getFullName()
                + ", appendix says "
                + m.input
                + (in == null ? " (unresolvable)" : " = " + in.fullName));
      }
      if (out == null || !md.getOutputType().getFullName().equals(out.fullName)) {
        problems.add(
            mw
                + ": output is "
                + md.getOutputType().getFullName()
                + ", appendix says "
                + m.output
                + (out == null ? " (unresolvable)" : " = " + out.fullName));
      }
      if (md.isClientStreaming() != m.clientStreaming) {
        problems.add(
            mw
                + ": client streaming is "
                + md.isClientStreaming()
                + ", appendix says "
                + m.clientStreaming);
      }
      if (md.isServerStreaming() != m.serverStreaming) {
        problems.add(
            mw
                + ": server streaming is "
                + md.isServerStreaming()
                + ", appendix says "
                + m.serverStreaming);
      }
    }
    Set<String> expected = new LinkedHashSet<>();
    s.methods.forEach(m -> expected.add(m.name));
    for (String n : actual.keySet()) {
      if (!expected.contains(n)) {
        problems.add(where + ": extra rpc " + n + " is not in the appendix");
      }
    }
  }

  private static String appendixName(String ourFullName) {
    for (Map.Entry<String, String> e : RENAMED_TYPES.entrySet()) {
      if (e.getValue().equals(ourFullName)) {
        return e.getKey();
      }
    }
    return ourFullName;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Spot checks that do not depend on the appendix
  // ---------------------------------------------------------------------------------------------------------------

  @Test
  void grantSpotCheck() throws Exception {
    Descriptor grant = c1.connector.v2.Grant.getDescriptor();
    assertThat(grant.getFullName()).isEqualTo("c1.connector.v2.Grant");
    assertThat(grant.findFieldByName("entitlement").getNumber())
        .as("Grant.entitlement number")
        .isEqualTo(1);
    assertThat(grant.findFieldByName("entitlement").getMessageType().getFullName())
        .isEqualTo("c1.connector.v2.Entitlement");
    assertThat(grant.findFieldByName("principal").getNumber())
        .as("Grant.principal number")
        .isEqualTo(2);
    assertThat(grant.findFieldByName("principal").getMessageType().getFullName())
        .isEqualTo("c1.connector.v2.Resource");
    assertThat(grant.findFieldByName("id").getNumber()).as("Grant.id number").isEqualTo(3);
    assertThat(grant.findFieldByName("sources").getNumber())
        .as("Grant.sources number")
        .isEqualTo(5);
    assertThat(grant.findFieldByName("annotations").getNumber())
        .as("Grant.annotations number")
        .isEqualTo(4);
    assertThat(grant.findFieldByName("annotations").isRepeated()).isTrue();
    assertThat(grant.getFields()).as("Grant field count").hasSize(5);

    // Wire bytes: id is field 3 (tag 0x1A), sources is field 5 holding map field 1 of
    // GrantSource{is_direct=1}.
    c1.connector.v2.Grant g =
        c1.connector.v2.Grant.newBuilder()
            .setId("g")
            .setSources(
                c1.connector.v2.GrantSources.newBuilder()
                    .putSources(
                        "e",
                        c1.connector.v2.GrantSources.GrantSource.newBuilder()
                            .setIsDirect(true)
                            .build()))
            .build();
    assertThat(g.toByteArray())
        .as("Grant{id, sources} wire bytes")
        .containsExactly(
            0x1A, 0x01, 'g', 0x2A, 0x09, 0x0A, 0x07, 0x0A, 0x01, 'e', 0x12, 0x02, 0x08, 0x01);
    assertThat(c1.connector.v2.Grant.parseFrom(g.toByteArray())).isEqualTo(g);
  }

  @Test
  void resourceAndResourceTypeSpotCheck() {
    Descriptor resource = c1.connector.v2.Resource.getDescriptor();
    FieldDescriptor externalId = resource.findFieldByName("external_id");
    assertThat(externalId.getNumber()).as("Resource.external_id number").isEqualTo(7);
    assertThat(externalId.getMessageType().getFullName()).isEqualTo("c1.connector.v2.ExternalId");
    assertThat(resource.findFieldByName("status").getMessageType().getFullName())
        .isEqualTo("c1.connector.v2.Status");
    c1.connector.v2.Resource r =
        c1.connector.v2.Resource.newBuilder()
            .setExternalId(c1.connector.v2.ExternalId.newBuilder().setId("x"))
            .build();
    assertThat(r.toByteArray())
        .as("Resource{external_id} wire bytes")
        .containsExactly(0x3A, 0x03, 0x0A, 0x01, 'x');

    assertThat(c1.connector.v2.ResourceType.Trait.TRAIT_USER.getNumber())
        .as("TRAIT_USER")
        .isEqualTo(1);
    assertThat(c1.connector.v2.ResourceType.Trait.TRAIT_MANAGED_DEVICE.getNumber()).isEqualTo(12);
    assertThat(
            c1.connector.v2.ResourceType.getDescriptor()
                .findFieldByName("traits")
                .getEnumType()
                .getFullName())
        .isEqualTo("c1.connector.v2.ResourceType.Trait");
  }

  @Test
  void userTraitStatusEnumIsRenamedToStatusValue() {
    Descriptor status = c1.connector.v2.UserTrait.Status.getDescriptor();
    assertThat(status.getFullName()).isEqualTo("c1.connector.v2.UserTrait.Status");
    assertThat(status.findEnumTypeByName("Status"))
        .as("old nested enum name UserTrait.Status.Status")
        .isNull();
    EnumDescriptor statusValue = status.findEnumTypeByName("StatusValue");
    assertThat(statusValue).as("enum UserTrait.Status.StatusValue").isNotNull();
    assertThat(status.findFieldByName("status").getNumber()).isEqualTo(1);
    assertThat(status.findFieldByName("status").getEnumType())
        .as("UserTrait.Status.status type")
        .isEqualTo(statusValue);
    assertThat(c1.connector.v2.UserTrait.Status.StatusValue.STATUS_UNSPECIFIED.getNumber())
        .isZero();
    assertThat(c1.connector.v2.UserTrait.Status.StatusValue.STATUS_ENABLED.getNumber())
        .isEqualTo(1);
    assertThat(c1.connector.v2.UserTrait.Status.StatusValue.STATUS_DISABLED.getNumber())
        .isEqualTo(2);
    assertThat(c1.connector.v2.UserTrait.Status.StatusValue.STATUS_DELETED.getNumber())
        .isEqualTo(3);
    assertThat(c1.connector.v2.UserTrait.getDescriptor().findFieldByName("status").getMessageType())
        .isEqualTo(status);
  }

  @Test
  void optionalOneofAndStreamingSpotCheck() {
    // proto3 `optional` gives presence.
    assertThat(c1.config.v1.StringField.newBuilder().build().hasRules()).isFalse();
    assertThat(
            c1.connector.v2.ConnectorAccountCreationSchema.StringField.newBuilder()
                .setDefaultValue("")
                .build()
                .hasDefaultValue())
        .isTrue();
    // oneof with the member numbers from the schema.
    Descriptor task = c1.connectorapi.baton.v1.Task.getDescriptor();
    assertThat(task.findFieldByName("sync_full").getNumber()).isEqualTo(102);
    assertThat(task.findFieldByName("sync_full").getRealContainingOneof().getName())
        .isEqualTo("task_type");
    assertThat(task.findFieldByName("issue_credential").getNumber()).isEqualTo(123);
    // streaming RPCs.
    assertThat(c1.connector.v2.AssetServiceGrpc.getGetAssetMethod().getType())
        .as("AssetService.GetAsset")
        .isEqualTo(MethodType.SERVER_STREAMING);
    assertThat(c1.connectorapi.baton.v1.BatonServiceGrpc.getUploadAssetMethod().getType())
        .as("BatonService.UploadAsset")
        .isEqualTo(MethodType.CLIENT_STREAMING);
    assertThat(c1.connector.v2.GrantsServiceGrpc.getListGrantsMethod().getType())
        .isEqualTo(MethodType.UNARY);
    // google.rpc.Status comes from proto-google-common-protos.
    assertThat(
            c1.connectorapi.baton.v1.BatonServiceFinishTaskRequest.getDescriptor()
                .findFieldByName("status")
                .getMessageType()
                .getFullName())
        .isEqualTo("google.rpc.Status");
  }

  @Test
  void placeholderStringRulesKeepsUnknownContentOnTheWire() throws Exception {
    // c1.connector.v2.StringField{secret=true, value_validator=validate.StringRules{<field 2 varint
    // 5>}}
    byte[] wire = {0x08, 0x01, 0x12, 0x02, 0x10, 0x05};
    c1.connector.v2.StringField parsed = c1.connector.v2.StringField.parseFrom(wire);
    assertThat(parsed.getSecret()).isTrue();
    assertThat(parsed.hasValueValidator()).isTrue();
    assertThat(parsed.getValueValidator().getUnknownFields().asMap()).containsKey(2);
    assertThat(parsed.toByteString()).isEqualTo(ByteString.copyFrom(wire));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Appendix model and parser
  // ---------------------------------------------------------------------------------------------------------------

  enum Kind {
    PACKAGE,
    MESSAGE,
    ENUM,
    SERVICE
  }

  record Symbol(String fullName, Kind kind) {}

  record FieldSpec(
      String name, int number, String label, String type, String keyType, String oneof) {}

  record MethodSpec(
      String name, String input, boolean clientStreaming, String output, boolean serverStreaming) {}

  static final class MessageSpec {
    final String fullName;
    final List<FieldSpec> fields = new ArrayList<>();
    final List<String> reserved = new ArrayList<>();
    boolean defined;

    MessageSpec(String fullName) {
      this.fullName = fullName;
    }
  }

  record EnumSpec(String fullName, Map<String, Integer> values) {}

  record ServiceSpec(String fullName, List<MethodSpec> methods) {}

  static final class FileSpec {
    final String path;
    final String pkg;
    final Map<String, MessageSpec> messages = new LinkedHashMap<>();
    final Map<String, EnumSpec> enums = new LinkedHashMap<>();
    final Map<String, ServiceSpec> services = new LinkedHashMap<>();

    FileSpec(String path, String pkg) {
      this.path = path;
      this.pkg = pkg;
    }
  }

  static final class Appendix {
    private static final Pattern FILE =
        Pattern.compile("^## proto/(\\S+)\\s+\\(package (\\S+)\\)\\s*$");
    private static final Pattern ITEM =
        Pattern.compile("^- (msg|enum|service|extend) ([A-Za-z0-9_.]+): (.*)$");
    private static final Pattern FIELD =
        Pattern.compile(
            "^([A-Za-z_][A-Za-z0-9_]*)=(\\d+) (?:(repeated|optional) )?(?:map<([^,>]+),([^>]+)>|([A-Za-z_][A-Za-z0-9_.]*))$");
    private static final Pattern ONEOF =
        Pattern.compile("^oneof ([A-Za-z_][A-Za-z0-9_]*)\\{(.*)}$");
    private static final Pattern RPC =
        Pattern.compile("^(\\w+)\\((stream )?([\\w.]+)\\) -> (stream )?([\\w.]+)$");
    private static final Pattern ENUM_VALUE =
        Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*)=(-?\\d+)$");

    final Map<String, FileSpec> files = new LinkedHashMap<>();
    final Map<String, Symbol> symbols = new HashMap<>();

    static Appendix parse(List<String> lines) {
      Appendix a = new Appendix();
      FileSpec cur = null;
      int lineNo = 0;
      for (String line : lines) {
        lineNo++;
        Matcher fm = FILE.matcher(line);
        if (fm.matches()) {
          cur = new FileSpec(fm.group(1), fm.group(2));
          a.files.put(cur.path, cur);
          a.addPackage(cur.pkg);
          continue;
        }
        if (cur == null || !line.startsWith("- ")) {
          continue;
        }
        Matcher im = ITEM.matcher(line);
        if (!im.matches()) {
          throw new IllegalStateException("appendix line " + lineNo + " not understood: " + line);
        }
        String kind = im.group(1);
        String full = cur.pkg + "." + im.group(2);
        String body = im.group(3).trim();
        try {
          switch (kind) {
            case "extend" -> {
              /* extensions only occur in files we do not author */
            }
            case "service" -> {
              List<MethodSpec> methods = new ArrayList<>();
              for (String part : body.split("; ", -1)) {
                Matcher rm = RPC.matcher(part.trim());
                if (!rm.matches()) {
                  throw new IllegalStateException("bad rpc '" + part + "'");
                }
                methods.add(
                    new MethodSpec(
                        rm.group(1),
                        rm.group(3),
                        rm.group(2) != null,
                        rm.group(5),
                        rm.group(4) != null));
              }
              cur.services.put(full, new ServiceSpec(full, methods));
              a.addSymbol(full, Kind.SERVICE);
            }
            case "enum" -> {
              Map<String, Integer> values = new LinkedHashMap<>();
              for (String v : body.split(", ", -1)) {
                Matcher vm = ENUM_VALUE.matcher(v.trim());
                if (!vm.matches()) {
                  throw new IllegalStateException("bad enum value '" + v + "'");
                }
                if (values.put(vm.group(1), Integer.parseInt(vm.group(2))) != null) {
                  throw new IllegalStateException("duplicate enum value " + vm.group(1));
                }
              }
              cur.enums.put(full, new EnumSpec(full, values));
              a.addSymbol(full, Kind.ENUM);
            }
            default -> {
              MessageSpec m = cur.messages.computeIfAbsent(full, MessageSpec::new);
              if (m.defined) {
                throw new IllegalStateException("message defined twice");
              }
              m.defined = true;
              a.addSymbol(full, Kind.MESSAGE);
              // Parents of nested types are messages too (they are listed after their children).
              parseMessageBody(body, m);
            }
          }
        } catch (RuntimeException e) {
          throw new IllegalStateException(
              "appendix line " + lineNo + ": " + e.getMessage() + ": " + line, e);
        }
      }
      for (FileSpec f : a.files.values()) {
        for (MessageSpec m : f.messages.values()) {
          if (!m.defined) {
            throw new IllegalStateException(
                "message " + m.fullName + " referenced but never listed");
          }
        }
      }
      for (String ext : EXTERNAL_MESSAGES) {
        a.addPackage(ext.substring(0, ext.lastIndexOf('.')));
        a.addSymbol(ext, Kind.MESSAGE);
      }
      return a;
    }

    private static void parseMessageBody(String body, MessageSpec m) {
      if (body.equals("(empty)")) {
        return;
      }
      for (String part : splitTopLevel(body, "; ")) {
        Matcher om = ONEOF.matcher(part);
        if (om.matches()) {
          for (String member : splitTopLevel(om.group(2), ", ")) {
            m.fields.add(parseField(member, om.group(1)));
          }
        } else if (part.startsWith("reserved ")) {
          for (String r : part.substring("reserved ".length()).split(",", -1)) {
            m.reserved.add(r.trim());
          }
        } else {
          m.fields.add(parseField(part, null));
        }
      }
    }

    private static FieldSpec parseField(String text, String oneof) {
      Matcher fm = FIELD.matcher(text.trim());
      if (!fm.matches()) {
        throw new IllegalStateException("bad field '" + text + "'");
      }
      String label = fm.group(3) == null ? "" : fm.group(3);
      if (fm.group(4) != null) {
        if (!label.isEmpty()) {
          throw new IllegalStateException("labelled map '" + text + "'");
        }
        return new FieldSpec(
            fm.group(1),
            Integer.parseInt(fm.group(2)),
            "map",
            fm.group(5).trim(),
            fm.group(4).trim(),
            oneof);
      }
      return new FieldSpec(
          fm.group(1), Integer.parseInt(fm.group(2)), label, fm.group(6), null, oneof);
    }

    /** Splits on {@code sep} outside of {@code {}} and {@code <>}. */
    private static List<String> splitTopLevel(String s, String sep) {
      List<String> out = new ArrayList<>();
      int depth = 0;
      StringBuilder cur = new StringBuilder();
      for (int i = 0; i < s.length(); ) {
        char c = s.charAt(i);
        if (c == '{' || c == '<') {
          depth++;
        } else if (c == '}' || c == '>') {
          depth--;
        }
        if (depth == 0 && s.startsWith(sep, i)) {
          out.add(cur.toString().trim());
          cur.setLength(0);
          i += sep.length();
          continue;
        }
        cur.append(c);
        i++;
      }
      if (!cur.toString().isBlank()) {
        out.add(cur.toString().trim());
      }
      return out;
    }

    private void addPackage(String pkg) {
      String[] parts = pkg.split("\\.", -1);
      StringBuilder sb = new StringBuilder();
      for (String p : parts) {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(p);
        symbols.putIfAbsent(sb.toString(), new Symbol(sb.toString(), Kind.PACKAGE));
      }
    }

    private void addSymbol(String full, Kind kind) {
      Symbol prev = symbols.get(full);
      if (prev != null && prev.kind != Kind.PACKAGE) {
        throw new IllegalStateException("duplicate symbol " + full);
      }
      symbols.put(full, new Symbol(full, kind));
    }

    /**
     * Resolves a type name the way protoc does: a leading '.' is absolute; otherwise the first
     * component is looked up from the innermost scope outwards (a simple name must hit a type; for
     * a dotted name the first hit decides and the rest must resolve inside it).
     */
    Symbol resolve(String scope, String name) {
      if (name.startsWith(".")) {
        Symbol s = symbols.get(name.substring(1));
        return s == null || s.kind == Kind.PACKAGE ? null : s;
      }
      int dot = name.indexOf('.');
      String first = dot < 0 ? name : name.substring(0, dot);
      String rest = dot < 0 ? "" : name.substring(dot);
      String s = scope;
      while (true) {
        String cand = s.isEmpty() ? first : s + "." + first;
        Symbol found = symbols.get(cand);
        if (found != null) {
          if (rest.isEmpty()) {
            if (found.kind == Kind.MESSAGE || found.kind == Kind.ENUM) {
              return found;
            }
            // not a type: protoc keeps searching outer scopes
          } else {
            // first component found as an aggregate: the rest must resolve inside it, no further
            // search
            Symbol full = symbols.get(cand + rest);
            return full != null && (full.kind == Kind.MESSAGE || full.kind == Kind.ENUM)
                ? full
                : null;
          }
        }
        if (s.isEmpty()) {
          return null;
        }
        int i = s.lastIndexOf('.');
        s = i < 0 ? "" : s.substring(0, i);
      }
    }
  }
}
