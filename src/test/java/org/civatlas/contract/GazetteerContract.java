package org.civatlas.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.StreamSupport;
import org.civatlas.support.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What place-name officers and the public rely on: records, the naming procedure, duplicate checks. */
interface GazetteerContract {

    Http http();

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private JsonNode act(long caseId, String action, String body) {
        Http.Response r = http().post("/api/naming/cases/" + caseId + "/actions/" + action, body, "names", "names");
        assertThat(r.status()).as(action + " " + r.body()).isEqualTo(200);
        return r.json();
    }

    private long placeIdOf(String divisionCode) {
        JsonNode results = http().get("/api/places/by-division/" + divisionCode).json();
        return results.path("id").asLong();
    }

    private JsonNode search(String q) {
        Http.Response r = http().get("/api/places/search?q=" + enc(q));
        assertThat(r.status()).as(q + " " + r.body()).isEqualTo(200);
        return r.json().path("results");
    }

    @Test
    default void chinesePinyinInitialsAndUyghurFindTheCountyFirst() {
        for (String q : List.of("疏勒", "shule", "shu le", "slx", "Shule Xian", "疏勒县")) {
            JsonNode results = search(q);
            assertThat(results.size()).as(q).isPositive();
            assertThat(results.get(0).path("name").asString()).as(q).isEqualTo("疏勒县");
        }
        List<String> uyghur = StreamSupport.stream(search("يېڭىشەھەر").spliterator(), false)
                .map(r -> r.path("name").asString()).toList();
        assertThat(uyghur).contains("疏勒县", "疏勒镇");
        // one wrong character still finds it
        assertThat(StreamSupport.stream(search("疏勤县").spliterator(), false).limit(10)
                .map(r -> r.path("name").asString()).toList()).contains("疏勒县");
        // a typo result says how many places bear the similar name (one county is named 疏勒县)
        JsonNode similar = StreamSupport.stream(search("疏勤县").spliterator(), false)
                .filter(r -> r.path("name").asString().equals("疏勒县")).findFirst().orElseThrow();
        assertThat(similar.path("matchKind").asString()).isEqualTo("FUZZY");
        assertThat(similar.path("sameNameCount").asInt()).isEqualTo(1);
        assertThat(http().get("/api/places/search?q=").status()).isEqualTo(400);
        assertThat(http().get("/api/places/search?q=" + enc("长".repeat(200))).status()).isEqualTo(400);
        assertThat(http().get("/api/places/suggest?q=" + enc("疏")).json().path("suggestions").toString())
                .contains("疏勒");
    }

    @Test
    default void thePublishedGazetteerIsListedAndExported() {
        JsonNode byUnit = http().get("/api/places?unit=653122100000").json();
        assertThat(byUnit.size()).isGreaterThan(2);
        assertThat(StreamSupport.stream(byUnit.spliterator(), false)
                .allMatch(p -> p.path("unitCode").asString().startsWith("653122100"))).isTrue();
        assertThat(http().get("/api/places?name=" + enc("疏勒县")).json().get(0).path("romanized").asString())
                .isEqualTo("Shule Xian");
        assertThat(http().get("/api/places?category=NOPE").status()).isEqualTo(400);
        Http.Response csv = http().get("/api/places/export?format=csv");
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).contains("疏勒县,Shule Xian");
        JsonNode geojson = http().get("/api/places/export?format=geojson").json();
        assertThat(geojson.path("features").size()).isGreaterThanOrEqualTo(268);
        assertThat(http().get("/api/places/export?format=xls").status()).isEqualTo(400);
    }

    @Test
    default void reverseLookupFindsNamedPlacesNearestFirst() {
        JsonNode village = http().get("/api/places/by-division/653122200201").json();
        JsonNode results = http().get("/api/places/reverse?lon=" + village.path("lon").asDouble() + "&lat="
                + village.path("lat").asDouble() + "&radius=3000").json().path("results");
        assertThat(results.get(0).path("id").asLong()).isEqualTo(village.path("id").asLong());
        assertThat(results.get(0).path("distanceMetres").asDouble()).isLessThan(1.0);
        double last = 0;
        for (JsonNode r : results) {
            assertThat(r.path("distanceMetres").asDouble()).isGreaterThanOrEqualTo(last).isLessThanOrEqualTo(3000);
            last = r.path("distanceMetres").asDouble();
        }
        assertThat(http().get("/api/places/reverse?lon=200&lat=39").status()).isEqualTo(400);
    }

    @Test
    default void theCountysUnitsAreSeededAsStandardNames() {
        JsonNode county = http().get("/api/places/by-division/653122000000").json();
        assertThat(county.path("standardName").asString()).isEqualTo("疏勒县");
        assertThat(county.path("status").asString()).isEqualTo("STANDARD");
        assertThat(county.path("uyghurName").asString()).isEqualTo("قەشقەر يېڭىشەھەر ناھىيىسى");
        assertThat(http().get("/api/places/by-division/653122200201").json().path("category").asString())
                .isEqualTo("VILLAGERS_COMMITTEE");
        assertThat(http().get("/api/places/count").json().path("standard").asInt()).isGreaterThanOrEqualTo(268);
    }

    @Test
    default void aFullRenameGoesThroughEveryStateAndTheOldNameBecomesFormer() {
        String code = "653122200210";
        long placeId = placeIdOf(code);
        String oldName = http().get("/api/places/" + placeId).json().path("place").path("standardName").asString();
        String newName = "测试更名" + (System.nanoTime() % 1000) + "村";
        newName = newName.replaceAll("[0-9]", "");
        Http.Response applied = http().post("/api/naming/cases", "{\"kind\":\"RENAMING\",\"placeId\":" + placeId
                + ",\"proposedName\":\"" + newName + "\",\"scheme\":\"更名方案\",\"reasons\":\"重名 <b>reasons</b>\"}",
                "names", "names");
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        long id = applied.json().path("id").asLong();
        assertThat(applied.json().path("state").asString()).isEqualTo("APPLIED");
        assertThat(applied.json().path("reasons").asString()).contains("<b>reasons</b>");

        // an illegal transition names the allowed next steps
        Http.Response illegal = http().post("/api/naming/cases/" + id + "/actions/approve", "{}", "names", "names");
        assertThat(illegal.status()).isEqualTo(409);
        assertThat(illegal.json().path("detail").asString()).contains("START_REVIEW");

        act(id, "start_review", "{\"remarks\":\"受理\"}");
        act(id, "add_report", "{\"reportKind\":\"ASSESSMENT\",\"report\":\"综合评估：可行\"}");
        act(id, "add_report", "{\"reportKind\":\"EXPERT\",\"report\":\"专家论证：同意\"}");
        LocalDate today = LocalDate.now();
        act(id, "open_consultation", "{\"consultationFrom\":\"" + today.minusDays(40) + "\",\"consultationTo\":\""
                + today.minusDays(20) + "\"}");
        act(id, "add_comment", "{\"author\":\"村民\",\"comment\":\"同意\",\"handling\":\"采纳\"}");
        act(id, "add_report", "{\"reportKind\":\"CONSULTATION\",\"report\":\"征求意见：多数同意\"}");
        LocalDate approvedOn = today.minusDays(18);
        JsonNode approved = act(id, "approve", "{\"approvingBody\":\"疏勒县人民政府\",\"documentNumber\":\"疏政函〔2026〕1号\","
                + "\"date\":\"" + approvedOn + "\"}");
        assertThat(approved.path("state").asString()).isEqualTo("APPROVED");
        assertThat(approved.path("announcementDue").asString()).isEqualTo(approvedOn.plusDays(15).toString());
        assertThat(approved.path("filingDue").asString()).isEqualTo(approvedOn.plusDays(15).toString());
        // 18 days after approval with nothing done: both are overdue
        assertThat(approved.path("announcementOverdue").asBoolean()).isTrue();
        assertThat(approved.path("filingOverdue").asBoolean()).isTrue();
        assertThat(http().post("/api/naming/cases/" + id + "/actions/publish", "{}", "names", "names").status())
                .isEqualTo(409);
        act(id, "record_announcement", "{\"date\":\"" + approvedOn.plusDays(3) + "\",\"medium\":\"县政府网站\"}");
        JsonNode filed = act(id, "record_filing", "{\"date\":\"" + approvedOn.plusDays(5)
                + "\",\"filedWith\":\"喀什地区民政局\"}");
        assertThat(filed.path("announcementOverdue").asBoolean()).isFalse();
        JsonNode published = act(id, "publish", "{}");
        assertThat(published.path("state").asString()).isEqualTo("PUBLISHED");
        assertThat(published.path("steps").size()).isEqualTo(11);
        assertThat(published.path("steps").get(1).path("actor").asString()).isEqualTo("names");

        JsonNode place = http().get("/api/places/" + placeId).json().path("place");
        assertThat(place.path("standardName").asString()).isEqualTo(newName);
        assertThat(place.path("validFrom").asString()).isEqualTo(approvedOn.toString());
        JsonNode former = StreamSupport.stream(place.path("altNames").spliterator(), false)
                .filter(a -> a.path("kind").asString().equals("FORMER")).findFirst().orElseThrow();
        assertThat(former.path("name").asString()).isEqualTo(oldName);
        assertThat(former.path("validTo").asString()).isEqualTo(approvedOn.toString());
        assertThat(http().get("/api/places/" + placeId + "?asOf=" + approvedOn.minusDays(1)).json()
                .path("nameAsOf").asString()).isEqualTo(oldName);
        assertThat(http().get("/api/places/" + placeId + "?asOf=" + today).json().path("nameAsOf").asString())
                .isEqualTo(newName);
        // the administrative unit bears the new name too, and its history records the change
        assertThat(http().get("/api/divisions/" + code).json().path("name").asString()).isEqualTo(newName);
        // the old name is still found, as a former name of the renamed place
        JsonNode byOldName = StreamSupport.stream(search(oldName).spliterator(), false)
                .filter(r -> r.path("id").asLong() == placeId).findFirst().orElseThrow();
        assertThat(byOldName.path("name").asString()).isEqualTo(newName);
        assertThat(byOldName.path("matchedName").asString()).isEqualTo(oldName);
        assertThat(byOldName.path("matchKind").asString()).isEqualTo("FORMER");
        // the published name appears among the announcements with what an announcement must carry
        JsonNode announcement = StreamSupport.stream(http().get("/api/places/announcements").json().spliterator(),
                false).filter(a -> a.path("caseId").asLong() == id).findFirst().orElseThrow();
        assertThat(announcement.path("standardName").asString()).isEqualTo(newName);
        assertThat(announcement.path("romanized").asString()).isNotBlank();
        assertThat(announcement.path("approvingBody").asString()).isEqualTo("疏勒县人民政府");
        assertThat(announcement.path("approvedOn").asString()).isEqualTo(approvedOn.toString());
        assertThat(announcement.path("unitCode").asString()).isEqualTo(code);

        // and in the Atom feed a feed reader or another department's system follows (well-formed, read by ROME)
        Http.Response atom = http().get("/api/places/announcements.atom");
        assertThat(atom.status()).isEqualTo(200);
        assertThat(atom.contentType()).startsWith("application/atom+xml");
        try {
            com.rometools.rome.feed.synd.SyndFeed feed = new com.rometools.rome.io.SyndFeedInput().build(
                    new java.io.StringReader(atom.body()));
            assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
            assertThat(feed.getEntries()).hasSize(http().get("/api/places/announcements").json().size());
            com.rometools.rome.feed.synd.SyndEntry entry = feed.getEntries().stream()
                    .filter(e -> e.getUri().equals("urn:civatlas:naming-case:" + id)).findFirst().orElseThrow();
            assertThat(entry.getTitle()).contains(newName).startsWith("更名");
            assertThat(entry.getDescription().getValue()).contains("疏勒县人民政府", "疏政函〔2026〕1号", oldName,
                    approvedOn.toString());
            assertThat(entry.getPublishedDate()).isNotNull();
        } catch (com.rometools.rome.io.FeedException e) {
            throw new AssertionError("the feed is not a valid Atom feed: " + e.getMessage(), e);
        }
    }

    @Test
    default void aHomophoneOfAnotherVillageInTheCountyIsFlagged() {
        JsonNode village = http().get("/api/places/by-division/653122201205").json();
        String name = village.path("standardName").asString();
        String key = http().get("/api/places/romanize?name=" + enc(name)).json().path("toneless").asString();
        String homophone = null;
        outer:
        for (int i = 0; i < name.length() - 1; i++) {
            for (char c = '\u4e00'; c < '\u9fa5'; c++) {
                if (c == name.charAt(i)) {
                    continue;
                }
                String candidate = name.substring(0, i) + c + name.substring(i + 1);
                if (quickKey(c).equals(quickKey(name.charAt(i))) && http().get("/api/places/romanize?name="
                        + enc(candidate)).json().path("toneless").asString().equals(key)) {
                    homophone = candidate;
                    break outer;
                }
            }
        }
        assertThat(homophone).as("a homophone of " + name).isNotNull();
        String township = "653122202000";
        JsonNode check = http().get("/api/naming/check?name=" + enc(homophone) + "&category=VILLAGERS_COMMITTEE"
                + "&unitCode=" + township, "names", "names").json();
        assertThat(check.path("conflicts").toString()).contains("HOMOPHONE", name);
        Http.Response applied = http().post("/api/naming/cases", "{\"kind\":\"NAMING\",\"proposedName\":\"" + homophone
                + "\",\"category\":\"VILLAGERS_COMMITTEE\",\"unitCode\":\"" + township
                + "\",\"scheme\":\"s\",\"reasons\":\"r\"}", "names", "names");
        assertThat(applied.status()).isEqualTo(201);
        assertThat(applied.json().path("conflicts").get(0).path("kind").asString()).isEqualTo("HOMOPHONE");
        assertThat(applied.json().path("conflicts").get(0).path("name").asString()).isEqualTo(name);
        // an officer's search also shows the open proposal (by its Chinese name and by pinyin); the public's does not
        long caseId = applied.json().path("id").asLong();
        JsonNode officerSearch = http().get("/api/places/search?q=" + enc(homophone), "names", "names").json();
        assertThat(StreamSupport.stream(officerSearch.path("proposals").spliterator(), false)
                .anyMatch(p -> p.path("caseId").asLong() == caseId && p.path("state").asString().equals("APPLIED")))
                .as(officerSearch.toString()).isTrue();
        String pinyin = java.text.Normalizer.normalize(applied.json().path("proposedRomanized").asString(),
                java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z]", "");
        assertThat(pinyin).as(applied.body()).isNotEmpty();
        assertThat(http().get("/api/places/search?q=" + pinyin, "names", "names").json().path("proposals")
                .toString()).contains(homophone);
        JsonNode publicSearch = http().get("/api/places/search?q=" + enc(homophone)).json();
        assertThat(publicSearch.has("proposals")).isFalse();
        assertThat(publicSearch.toString()).doesNotContain("\"caseId\"");
        // the same name is fine in a county elsewhere (county-wide scope for village names)
        JsonNode elsewhere = http().get("/api/naming/check?name=" + enc(homophone)
                + "&category=VILLAGERS_COMMITTEE&unitCode=653121000000", "names", "names").json();
        assertThat(elsewhere.path("conflicts").size()).isZero();
    }

    private static String quickKey(char c) {
        String[] r = net.sourceforge.pinyin4j.PinyinHelper.toHanyuPinyinStringArray(c);
        return r == null || r.length == 0 ? "" : r[0].replaceAll("[0-9]", "");
    }

    @Test
    default void badNamingInputIsA4xxNamingTheField() {
        record Case(String body, String field) { }
        String ok = ",\"category\":\"VILLAGERS_COMMITTEE\",\"unitCode\":\"653122202000\",\"scheme\":\"s\",\"reasons\":\"r\"";
        for (Case c : List.of(
                new Case("{\"proposedName\":\"\"" + ok + "}", "proposedName"),
                new Case("{\"proposedName\":\"" + "长".repeat(60) + "\"" + ok + "}", "proposedName"),
                new Case("{\"proposedName\":\"<img src=x onerror=alert(1)>\"" + ok + "}", "proposedName"),
                new Case("{\"proposedName\":\"新村\",\"category\":\"NOPE\",\"unitCode\":\"653122202000\","
                        + "\"scheme\":\"s\",\"reasons\":\"r\"}", "category"),
                new Case("{\"proposedName\":\"新村\",\"category\":\"VILLAGERS_COMMITTEE\",\"unitCode\":\"999999999999\","
                        + "\"scheme\":\"s\",\"reasons\":\"r\"}", "unitCode"),
                new Case("{\"proposedName\":\"新村\"" + ok + ",\"lon\":100,\"lat\":30}", "lon"))) {
            Http.Response r = http().post("/api/naming/cases", c.body(), "names", "names");
            assertThat(r.status()).as(c.body()).isEqualTo(400);
            assertThat(r.body()).as(c.body()).contains(c.field());
        }
        assertThat(http().post("/api/naming/cases", "{}", null, null).status()).isEqualTo(401);
        assertThat(http().post("/api/naming/cases", "{}", "planner", "planner").status()).isEqualTo(403);
    }

    @Test
    default void aSecondOfficerSavingAStaleRecordGetsA409() {
        long placeId = placeIdOf("653122200211");
        long version = http().get("/api/places/" + placeId).json().path("place").path("version").asLong();
        Http.Response first = http().put("/api/places/" + placeId, "{\"version\":" + version
                + ",\"meaning\":\"第一位 first\"}", "names", "names");
        assertThat(first.status()).isEqualTo(200);
        Http.Response second = http().put("/api/places/" + placeId, "{\"version\":" + version
                + ",\"meaning\":\"第二位 second\"}", "admin", "admin");
        assertThat(second.status()).isEqualTo(409);
        assertThat(http().get("/api/places/" + placeId).json().path("place").path("meaning").asString())
                .isEqualTo("第一位 first");
    }
}
