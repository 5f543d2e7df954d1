package org.batonjava.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The data the page's tables are built from, as one compact JSON document written straight into the
 * page: arrays instead of objects, indexes instead of repeated names, and per account only its
 * direct entitlements; the page joins them with the expansion closure of each entitlement (computed
 * here), so effective access of 50,000 users costs a few bytes per user. {@code <}, {@code >} and
 * {@code &} are escaped so the JSON cannot end its script element.
 */
final class ReportData {
  static final int FLAG_ADMIN = 1;
  static final int FLAG_DORMANT = 2;
  static final int FLAG_NEVER = 4;
  static final int FLAG_DEACTIVATED_IN_GROUPS = 8;
  static final int FLAG_API_KEY = 16;

  /**
   * Up to this many resource levels, the per-resource summary is a static table (printed whole).
   */
  static final int STATIC_RESOURCE_ROWS = 500;

  private ReportData() {}

  static void write(Writer out, Review review, List<Changes.Change> changes) throws IOException {
    AccessModel model = review.model();
    EffectiveAccess access = review.access();
    JsonFactory factory = new JsonFactory();
    try (JsonGenerator g = factory.createGenerator(out)) {
      g.setCharacterEscapes(new ScriptSafe());
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.writeStartObject();
      g.writeNumberField("dormantDays", review.dormantDays());
      g.writeArrayFieldStart("targets");
      for (Target t : model.targets()) {
        g.writeStartArray();
        g.writeString(t.type());
        g.writeString(t.typeName());
        g.writeString(t.name());
        g.writeNumber(t.group() ? 1 : 0);
        g.writeEndArray();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("resourceTargets");
      Set<Integer> withLevels = new LinkedHashSet<>();
      model.levels().forEach(l -> withLevels.add(l.target()));
      for (int t : withLevels) {
        if (!model.targets().get(t).group()) {
          g.writeNumber(t);
        }
      }
      g.writeEndArray();
      g.writeArrayFieldStart("levels");
      for (Level l : model.levels()) {
        g.writeStartArray();
        g.writeNumber(l.target());
        g.writeString(l.slug());
        g.writeNumber(l.rank());
        g.writeEndArray();
      }
      g.writeEndArray();
      g.writeObjectFieldStart("groupNames");
      for (int p = 0; p < model.principalCount(); p++) {
        if (model.account(p).isEmpty()) {
          g.writeStringField(Integer.toString(p), model.principalName(p));
        }
      }
      g.writeEndObject();
      Set<String> types = new LinkedHashSet<>();
      g.writeArrayFieldStart("accounts");
      for (Review.AccountFacts f : review.accounts()) {
        Account a = f.account();
        types.add(a.type());
        g.writeStartArray();
        g.writeString(a.name());
        g.writeString(a.email());
        g.writeString(a.type());
        g.writeString(a.status());
        g.writeString(a.lastLogin().map(i -> i.toString().substring(0, 10)).orElse(""));
        g.writeNumber(flags(f));
        g.writeNumber(f.groups());
        g.writeNumber(f.resources());
        g.writeEndArray();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("direct");
      for (Account a : model.accounts()) {
        g.writeArray(model.direct(a.principal()), 0, model.direct(a.principal()).length);
      }
      g.writeEndArray();
      g.writeObjectFieldStart("closure");
      for (String type : types) {
        g.writeObjectFieldStart(type);
        for (int level = 0; level < model.levels().size(); level++) {
          List<Reach> closure = access.closure(level, type);
          if (closure.isEmpty()) {
            continue;
          }
          g.writeArrayFieldStart(Integer.toString(level));
          for (Reach r : closure) {
            g.writeStartArray();
            g.writeNumber(r.level());
            g.writeStartArray();
            for (int p : r.through()) {
              g.writeNumber(p);
            }
            g.writeEndArray();
            g.writeEndArray();
          }
          g.writeEndArray();
        }
        g.writeEndObject();
      }
      g.writeEndObject();
      g.writeArrayFieldStart("groups");
      for (List<Object> row : groupRows(review)) {
        g.writeStartArray();
        g.writeString((String) row.get(0));
        g.writeNumber((Integer) row.get(1));
        g.writeString((String) row.get(2));
        g.writeEndArray();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("resourceLevels");
      List<List<Object>> resourceRows = resourceRows(review);
      if (resourceRows.size() > STATIC_RESOURCE_ROWS) {
        for (List<Object> row : resourceRows) {
          g.writeStartArray();
          g.writeString((String) row.get(0));
          g.writeString((String) row.get(1));
          g.writeString((String) row.get(2));
          g.writeNumber((Integer) row.get(3));
          g.writeString((String) row.get(4));
          g.writeEndArray();
        }
      }
      g.writeEndArray();
      g.writeArrayFieldStart("changes");
      for (Changes.Change c : changes) {
        g.writeStartArray();
        for (String s :
            List.of(
                c.kind(),
                c.who(),
                c.whoType(),
                c.email(),
                c.targetType(),
                c.target(),
                c.level(),
                c.through())) {
          g.writeString(s);
        }
        g.writeEndArray();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
  }

  static int flags(Review.AccountFacts f) {
    return (f.admin() ? FLAG_ADMIN : 0)
        | (f.dormant() ? FLAG_DORMANT : 0)
        | (f.neverLoggedIn() ? FLAG_NEVER : 0)
        | (f.deactivatedInGroups() ? FLAG_DEACTIVATED_IN_GROUPS : 0)
        | (f.account().apiKey() ? FLAG_API_KEY : 0);
  }

  /**
   * Each resource level: type name, resource, level, accounts holding it as their highest level
   * there, and the groups (or other non-account principals) it is granted to directly ("" when
   * nobody).
   */
  static List<List<Object>> resourceRows(Review review) {
    AccessModel model = review.model();
    Map<Integer, List<String>> grantedTo = new java.util.HashMap<>();
    for (int p = 0; p < model.principalCount(); p++) {
      if (model.account(p).isPresent()) {
        continue;
      }
      for (int level : model.direct(p)) {
        grantedTo.computeIfAbsent(level, k -> new ArrayList<>()).add(model.principalName(p));
      }
    }
    List<List<Object>> out = new ArrayList<>();
    for (int i = 0; i < model.levels().size(); i++) {
      Level l = model.levels().get(i);
      Target t = model.targets().get(l.target());
      if (!t.group()) {
        out.add(
            List.of(
                t.typeName(),
                t.name(),
                l.slug(),
                review.highestCount(l.target(), l.rank()),
                String.join(", ", grantedTo.getOrDefault(i, List.of()))));
      }
    }
    return out;
  }

  /**
   * Each group: name, accounts that are members, and what the group itself holds ("Sales DB:
   * query-builder").
   */
  static List<List<Object>> groupRows(Review review) {
    AccessModel model = review.model();
    List<List<Object>> out = new ArrayList<>();
    for (int t = 0; t < model.targets().size(); t++) {
      Target target = model.targets().get(t);
      if (!target.group()) {
        continue;
      }
      Map<String, Set<String>> holds = new LinkedHashMap<>();
      model
          .principal(target.key())
          .ifPresent(
              p ->
                  review
                      .access()
                      .routes(p)
                      .keySet()
                      .forEach(
                          level -> {
                            Level l = model.levels().get(level);
                            holds
                                .computeIfAbsent(
                                    model.targets().get(l.target()).name(),
                                    k -> new LinkedHashSet<>())
                                .add(l.slug());
                          }));
      List<String> parts = new ArrayList<>();
      holds.forEach((name, slugs) -> parts.add(name + ": " + String.join(", ", slugs)));
      out.add(List.of(target.name(), review.accountsOn(t), String.join("; ", parts)));
    }
    return out;
  }

  /**
   * Escapes {@code <}, {@code >} and {@code &} as unicode escapes, so the JSON is safe inside a
   * script element.
   */
  private static final class ScriptSafe extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private final int[] escapes;

    ScriptSafe() {
      escapes = standardAsciiEscapesForJSON();
      escapes['<'] = ESCAPE_STANDARD;
      escapes['>'] = ESCAPE_STANDARD;
      escapes['&'] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return escapes;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      return null;
    }
  }
}
