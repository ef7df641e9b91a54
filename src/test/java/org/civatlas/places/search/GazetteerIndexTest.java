package org.civatlas.places.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import net.sf.geographiclib.Geodesic;
import org.civatlas.places.romanization.NameKeys;
import org.junit.jupiter.api.Test;

class GazetteerIndexTest {

    private static final String P = SearchFilter.PUBLISHED;
    private static final String ADMIN = "行政区域";
    private static final String VILLAGE = "群众自治组织";

    /** Shule County and some of its units (real names and codes; points are test values, not survey data). */
    static List<NameEntry> shule() {
        List<NameEntry> l = new ArrayList<>();
        l.add(new NameEntry(1, "疏勒县", "Shule Xian", "قەشقەر يېڭىشەھەر ناھىيىسى", ADMIN, "653122", true, false, P,
                76.0477, 39.4013, 3));
        l.add(new NameEntry(2, "疏勒镇", "Shule Zhen", "يېڭىشەھەر بازىرى", ADMIN, "653122100", true, false, P,
                76.0500, 39.4000, 2));
        l.add(new NameEntry(3, "罕南力克镇", null, "خانئېرىق بازىرى", ADMIN, "653122101", true, false, P,
                76.1000, 39.4300, 2));
        l.add(new NameEntry(4, "牙甫泉镇", null, "ياپچان بازىرى", ADMIN, "653122102", true, false, P,
                76.2000, 39.3300, 2));
        l.add(new NameEntry(5, "巴仁乡", null, "بارىن", ADMIN, "653122200", true, false, P, 75.9, 39.3, 2));
        l.add(new NameEntry(6, "疏附县", null, null, ADMIN, "653121", true, false, P, 75.86, 39.37, 3));
        l.add(new NameEntry(7, "喀什市", "Kaxgar Shi", null, ADMIN, "653101", true, false, P, 75.99, 39.47, 3));
        l.add(new NameEntry(8, "新市区社区", null, null, VILLAGE, "653122100001", true, false, P, 76.051, 39.401,
                1));
        l.add(new NameEntry(9, "城关社区", null, null, VILLAGE, "653122100002", true, false, P, 76.046, 39.402, 1));
        l.add(new NameEntry(10, "疏勒县城南社区", null, null, VILLAGE, "653122100003", true, false, P, 76.047,
                39.395, 1));
        l.add(new NameEntry(11, "团结村委会", null, null, VILLAGE, "653122200201", true, false, P, Double.NaN,
                Double.NaN, 1));
        // fictional test fixtures: a former name of place 5, a proposal (officers only), an unpublished place
        l.add(new NameEntry(5, "巴仁旧乡", null, null, ADMIN, "653122200", false, true, P, 75.9, 39.3, 2));
        l.add(new NameEntry(12, "疏勒新区", null, null, ADMIN, "653122", false, false, "PROPOSED", 76.06, 39.41, 4));
        l.add(new NameEntry(13, "疏勒南站", null, null, "交通运输设施", "653122", true, false, "DRAFT", 76.04, 39.38,
                1));
        return l;
    }

    private final GazetteerIndex index = GazetteerIndex.build(shule());

    private List<String> names(List<Hit> hits) {
        return hits.stream().map(h -> h.entry().name()).toList();
    }

    private List<Hit> search(String q) {
        return index.search(q, 10, SearchFilter.publicDefault());
    }

    @Test
    void chinesePrefixSubstringAndExact() {
        List<Hit> prefix = search("疏勒");
        assertThat(names(prefix)).startsWith("疏勒县", "疏勒镇", "疏勒县城南社区");
        assertThat(prefix.get(0).matchKind()).isEqualTo("PREFIX");

        List<Hit> substring = search("勒县");
        assertThat(names(substring)).contains("疏勒县", "疏勒县城南社区");
        assertThat(substring.get(0).matchKind()).isEqualTo("SUBSTRING");

        List<Hit> exact = search("疏勒县");
        assertThat(exact.get(0).entry().name()).isEqualTo("疏勒县");
        assertThat(exact.get(0).matchKind()).isEqualTo("EXACT");
        assertThat(exact.get(1).entry().name()).isEqualTo("疏勒县城南社区"); // prefix after exact
        assertThat(exact.get(1).matchKind()).isEqualTo("PREFIX");
        assertThat(exact.get(0).score()).isGreaterThan(exact.get(1).score());
        assertThat(exact.get(0).distanceMetres()).isNaN();
        assertThat(names(search("疏勒 县"))).startsWith("疏勒县"); // whitespace in a Chinese query is ignored
    }

    @Test
    void pinyinInAllItsForms() {
        // tone numbers ("shu4le4") are not stripped: NameKeys keeps digits, which names such as 东四12条 carry
        for (String q : List.of("shule", "shu le", "shulexian", "Shule Xian", "Shūlè Xiàn", "SHULE", "Shu-le")) {
            List<Hit> hits = search(q);
            assertThat(hits).as(q).isNotEmpty();
            assertThat(hits.get(0).entry().name()).as(q).isEqualTo("疏勒县");
            assertThat(hits.get(0).matchKind()).as(q).isEqualTo("PINYIN");
        }
        assertThat(names(search("shule"))).startsWith("疏勒县", "疏勒镇");
    }

    @Test
    void initials() {
        List<Hit> hits = search("slx");
        assertThat(hits.get(0).entry().name()).isEqualTo("疏勒县");
        assertThat(hits.get(0).matchKind()).isEqualTo("INITIALS");
        assertThat(names(search("SLX"))).startsWith("疏勒县");
    }

    @Test
    void uyghurScriptByNormalizedSubstring() {
        List<Hit> hits = search("يېڭىشەھەر");
        assertThat(names(hits)).containsExactly("疏勒县", "疏勒镇"); // importance orders the county first
        assertThat(hits).allMatch(h -> h.matchKind().equals("UYGHUR"));
        // presentation forms, tatweel and zero-width joiners do not matter
        assertThat(names(search("\uFEE3ـيېڭىشەھەر\u200C"))).isEmpty(); // different letter (meem) → nothing
        assertThat(names(search("يېڭىـشەھەر"))).containsExactly("疏勒县", "疏勒镇");
        assertThat(names(search("بارىن"))).containsExactly("巴仁乡");
    }

    @Test
    void latinAndRomanizedSubstrings() {
        assertThat(names(search("xian"))).contains("疏勒县"); // syllable-aligned substring of shulexian
        assertThat(names(search("le xian"))).contains("疏勒县");
        assertThat(names(search("Kaxgar"))).startsWith("喀什市"); // from the romanized spelling
        assertThat(names(search("kashi"))).startsWith("喀什市"); // from the reading
        assertThat(names(search("Shule Zhen"))).startsWith("疏勒镇");
    }

    @Test
    void typosInChinese() {
        for (String q : List.of("疏勤县", "疏县", "疏勒勒县", "勒疏县", "疏勒县县")) {
            List<Hit> hits = search(q);
            assertThat(names(hits)).as(q).contains("疏勒县");
        }
        Hit h = search("疏勤县").get(0);
        assertThat(h.entry().name()).isEqualTo("疏勒县");
        assertThat(h.matchKind()).isEqualTo("FUZZY");
        assertThat(names(search("罕南力克真"))).startsWith("罕南力克镇");
    }

    @Test
    void typosInPinyin() {
        for (String q : List.of("shlue", "shulexain", "shulexan", "shulexiann", "shulexiqn", "shuluxian")) {
            List<Hit> hits = search(q);
            assertThat(names(hits)).as(q).contains("疏勒县");
            assertThat(hits.get(0).matchKind()).as(q).isEqualTo("FUZZY");
        }
        assertThat(search("shulexain").get(0).entry().name()).isEqualTo("疏勒县");
    }

    @Test
    void aTypoOfAVeryCommonNameFindsItAmongTenDistinctNames() {
        List<NameEntry> l = new ArrayList<>();
        // thirty one-off names one character away from the query, with the lowest ids (the old tie-break)
        String others = "东西南北山河平红星新光明前进胜利和谐幸福富民兴旺建设丰收永安长青";
        for (int i = 0; i < 30; i++) {
            l.add(new NameEntry(i, "团" + others.charAt(i) + "村委会", null, null, VILLAGE, "1", true, false, P,
                    Double.NaN, Double.NaN, 1));
        }
        for (int i = 0; i < 274; i++) {
            l.add(new NameEntry(100 + i, "团结村委会", null, null, VILLAGE, "65" + i, true, false, P, Double.NaN,
                    Double.NaN, 1));
        }
        GazetteerIndex idx = GazetteerIndex.build(l);
        List<Hit> hits = idx.search("团木村委会", 10, SearchFilter.publicDefault()); // 木 for 结: not a homophone
        assertThat(hits).hasSize(10);
        assertThat(names(hits)).doesNotHaveDuplicates();
        assertThat(hits.get(0).entry().name()).isEqualTo("团结村委会");
        assertThat(hits.get(0).entry().placeId()).isEqualTo(100); // its best entry
        assertThat(hits.get(0).matchKind()).isEqualTo("FUZZY");
        assertThat(hits.get(0).sameNameCount()).isEqualTo(274); // the user learns how many places bear it
        assertThat(hits.get(1).sameNameCount()).isEqualTo(1);
        // the count honours the filter
        assertThat(idx.search("团木村委会", 10, new SearchFilter(null, "651", null, null, false)).get(0)
                .sameNameCount()).isEqualTo(111); // codes 651, 6510..6519, 65100..65199
        // searching the name itself lists its places (exact tier, not collapsed)
        assertThat(idx.search("团结村委会", 10, null)).hasSize(10).allMatch(h -> h.entry().name().equals("团结村委会"));
    }

    @Test
    void swappedOrMissingCharactersComeBeforeOtherCharacters() {
        List<NameEntry> l = new ArrayList<>();
        String others = "东西南北山河平红星新光明前进胜利和谐幸福富民兴旺建设丰收永安长青";
        for (int i = 0; i < 30; i++) { // 江X村委会: one character away from 江沙村委会, common, low ids
            for (int k = 0; k < 3; k++) {
                l.add(new NameEntry(i * 3 + k, "江" + others.charAt(i) + "村委会", null, null, VILLAGE, "1", true,
                        false, P, Double.NaN, Double.NaN, 1));
            }
        }
        l.add(new NameEntry(500, "沙江村委会", null, null, VILLAGE, "1", true, false, P, Double.NaN, Double.NaN, 1));
        l.add(new NameEntry(501, "江沙湾村委会", null, null, VILLAGE, "1", true, false, P, Double.NaN, Double.NaN,
                1));
        GazetteerIndex idx = GazetteerIndex.build(l);
        // swapped neighbours, then a missing character, then the thirty names with another character
        assertThat(names(idx.search("江沙村委会", 10, null))).startsWith("沙江村委会", "江沙湾村委会", "江东村委会");
    }

    @Test
    void fewerNamesThanSlotsShowFurtherEntriesOfTheSameNames() {
        List<NameEntry> l = new ArrayList<>();
        l.add(new NameEntry(1, "红星村委会", null, null, VILLAGE, "1", true, false, P, Double.NaN, Double.NaN, 1));
        for (int i = 0; i < 20; i++) {
            l.add(new NameEntry(10 + i, "团结村委会", null, null, VILLAGE, "1", true, false, P, Double.NaN,
                    Double.NaN, 1));
        }
        l.add(new NameEntry(2, "团山村委会", null, null, VILLAGE, "1", true, false, P, Double.NaN, Double.NaN, 1));
        List<Hit> hits = GazetteerIndex.build(l).search("团木村委会", 10, null);
        assertThat(hits).extracting(h -> h.entry().placeId())
                .containsExactly(10L, 2L, 11L, 12L, 13L, 14L, 15L, 16L, 17L, 18L);
        assertThat(hits).allMatch(h -> h.matchKind().equals("FUZZY"));
        assertThat(hits.get(0).score()).isGreaterThan(hits.get(2).score()); // distinct names score higher
    }

    @Test
    void homophonesAreFound() {
        List<NameEntry> l = new ArrayList<>(shule());
        String others = "东西南北山河平红星新光明前进胜利和谐幸福富民兴旺建设丰收永安长青";
        for (int i = 0; i < 30; i++) {
            l.add(new NameEntry(100 + i, "团" + others.charAt(i) + "村委会", null, null, VILLAGE, "1", true, false,
                    P, Double.NaN, Double.NaN, 1));
        }
        GazetteerIndex idx = GazetteerIndex.build(l);
        // 洁 for 结 (both jie): one edit and the same reading, ahead of thirty other one-edit names
        List<Hit> hits = idx.search("团洁村委会", 10, SearchFilter.publicDefault());
        assertThat(hits.get(0).entry().name()).isEqualTo("团结村委会");
        assertThat(hits.get(0).matchKind()).isEqualTo("FUZZY");
        // two characters wrong but read the same: shu le xian
        assertThat(names(idx.search("书乐县", 10, SearchFilter.publicDefault()))).startsWith("疏勒县");
        // an exact name still comes first; its homophones follow as fuzzy
        List<Hit> exact = idx.search("团结村委会", 10, SearchFilter.publicDefault());
        assertThat(exact.get(0).matchKind()).isEqualTo("EXACT");
    }

    @Test
    void rankingTiersStandardImportanceLengthId() {
        GazetteerIndex idx = GazetteerIndex.build(List.of(
                new NameEntry(1, "和平村", null, null, VILLAGE, "1", true, false, P, 0, 0, 1),
                new NameEntry(2, "和平", null, null, VILLAGE, "1", true, false, P, 0, 0, 1),
                new NameEntry(3, "新和平村", null, null, VILLAGE, "1", true, false, P, 0, 0, 1),
                new NameEntry(4, "和平镇", null, null, ADMIN, "1", true, false, P, 0, 0, 2),
                new NameEntry(5, "和平村委会", null, null, VILLAGE, "1", false, false, P, 0, 0, 9),
                new NameEntry(6, "和干", null, null, VILLAGE, "1", true, false, P, 0, 0, 1),
                new NameEntry(7, "和平村", null, null, VILLAGE, "1", true, false, P, 0, 0, 1),
                new NameEntry(8, "大和平村", null, null, VILLAGE, "1", true, false, P, 0, 0, 5)));
        List<Hit> hits = idx.search("和平", 10, SearchFilter.none());
        // exact; prefix: standard first, then importance, shorter, id; non-standard last; substring; fuzzy
        assertThat(hits.stream().map(h -> h.entry().placeId()).toList()).containsExactly(2L, 4L, 1L, 7L, 5L, 8L,
                3L, 6L);
        assertThat(hits.stream().map(Hit::matchKind).toList()).containsExactly("EXACT", "PREFIX", "PREFIX",
                "PREFIX", "PREFIX", "SUBSTRING", "SUBSTRING", "FUZZY");
        // the public does not see the non-standard name
        assertThat(idx.search("和平", 10, SearchFilter.publicDefault()).stream().map(h -> h.entry().placeId()))
                .doesNotContain(5L);
    }

    @Test
    void formerNameReturnsTheCurrentPlaceOnce() {
        List<Hit> hits = search("巴仁旧乡");
        assertThat(hits.get(0).entry().name()).isEqualTo("巴仁乡");
        assertThat(hits.get(0).entry().placeId()).isEqualTo(5);
        assertThat(hits.get(0).matchKind()).isEqualTo("FORMER");
        // "巴仁" matches the standard and the former name of place 5: one hit, the standard name
        List<Hit> both = search("巴仁");
        assertThat(both).hasSize(1);
        assertThat(both.get(0).matchKind()).isEqualTo("PREFIX");
        assertThat(both.get(0).entry().name()).isEqualTo("巴仁乡");
    }

    @Test
    void filters() {
        assertThat(names(index.search("疏勒", 10, new SearchFilter(Set.of(VILLAGE), null, null, null, false))))
                .containsExactly("疏勒县城南社区");
        assertThat(names(index.search("社区", 10, new SearchFilter(null, "653122100", null, null, false))))
                .containsExactlyInAnyOrder("新市区社区", "城关社区", "疏勒县城南社区");
        assertThat(names(index.search("疏", 10, new SearchFilter(null, "653121", null, null, false))))
                .containsExactly("疏附县");
        assertThat(names(index.search("疏勒", 10, new SearchFilter(null, null, Set.of("DRAFT"), null, false))))
                .containsExactly("疏勒南站");
        assertThat(names(index.search("疏", 10, new SearchFilter(null, null, null,
                new double[] {76.0, 39.398, 76.06, 39.405}, false)))).containsExactlyInAnyOrder("疏勒县", "疏勒镇");
        // public default: proposal and unpublished place hidden; officers see them
        assertThat(names(search("疏勒"))).doesNotContain("疏勒新区", "疏勒南站");
        assertThat(names(index.search("疏勒", 10, SearchFilter.none()))).contains("疏勒新区", "疏勒南站");
        // non-standard before: the proposal (importance 4) still ranks after standard names
        List<String> officer = names(index.search("疏勒", 10, SearchFilter.none()));
        assertThat(officer.indexOf("疏勒新区")).isGreaterThan(officer.indexOf("疏勒南站"));
    }

    @Test
    void reverseNearestFirstGeodesic() {
        double lon = 76.0480;
        double lat = 39.4010;
        List<Hit> hits = index.reverse(lon, lat, 2000, 10, SearchFilter.publicDefault());
        assertThat(hits).isNotEmpty();
        for (int i = 1; i < hits.size(); i++) {
            assertThat(hits.get(i).distanceMetres()).isGreaterThanOrEqualTo(hits.get(i - 1).distanceMetres());
        }
        assertThat(hits.get(0).entry().name()).isEqualTo("疏勒县");
        for (Hit h : hits) {
            double s = Geodesic.WGS84.Inverse(lat, lon, h.entry().lat(), h.entry().lon()).s12;
            assertThat(h.distanceMetres()).isCloseTo(s, org.assertj.core.data.Offset.offset(1e-6));
            assertThat(s).isLessThanOrEqualTo(2000);
            assertThat(h.matchKind()).isEqualTo("NEARBY");
        }
        // everything within 2 km that is public, nothing beyond
        assertThat(names(hits)).containsExactlyInAnyOrder("疏勒县", "疏勒镇", "新市区社区", "城关社区", "疏勒县城南社区");
        assertThat(index.reverse(lon, lat, 2000, 2, SearchFilter.publicDefault())).hasSize(2);
        assertThat(index.reverse(0, 0, 2000, 10, SearchFilter.publicDefault())).isEmpty();
        assertThat(names(index.reverse(lon, lat, 5000, 10, SearchFilter.none()))).contains("疏勒南站", "疏勒新区");
        // former name shares the point of place 5: one hit, the current name
        assertThat(names(index.reverse(75.9, 39.3, 100, 10, SearchFilter.publicDefault()))).containsExactly("巴仁乡");
    }

    @Test
    void invalidQueries() {
        assertThatThrownBy(() -> index.search(null, 10, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> index.search("", 10, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> index.search("   ", 10, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> index.search("疏".repeat(101), 10, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("100");
        assertThat(index.search("疏".repeat(100), 10, null)).isEmpty();
        assertThatThrownBy(() -> index.search("疏勒", 0, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> index.suggest(" ", 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> index.reverse(200, 0, 10, 5, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> index.reverse(0, 0, -1, 5, null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(index.search("!!!", 10, null)).isEmpty();
    }

    @Test
    void suggestDistinctNames() {
        assertThat(index.suggest("疏勒", 3)).containsExactly("疏勒县", "疏勒镇", "疏勒县城南社区");
        assertThat(index.suggest("shu", 10)).contains("疏勒县", "疏附县");
        assertThat(index.suggest("疏勒", 10)).doesNotContain("疏勒新区");
    }

    @Test
    void manyDuplicatesStayFastAndOrdered() {
        List<NameEntry> l = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            l.add(new NameEntry(i, i % 2 == 0 ? "新村村委会" : "东新村村委会", null, null, VILLAGE, "1", true, false,
                    P, Double.NaN, Double.NaN, 1));
        }
        l.add(new NameEntry(999_999, "新村镇", null, null, ADMIN, "1", true, false, P, 0, 0, 2));
        GazetteerIndex idx = GazetteerIndex.build(l);
        List<Hit> hits = idx.search("新村", 10, null);
        assertThat(hits.get(0).entry().placeId()).isEqualTo(999_999);
        assertThat(hits.subList(1, 10)).extracting(h -> h.entry().placeId())
                .containsExactly(0L, 2L, 4L, 6L, 8L, 10L, 12L, 14L, 16L);
        assertThat(idx.search("村委", 10, null)).hasSize(10);
        assertThat(idx.suggest("新村", 5)).containsExactly("新村镇", "新村村委会");
    }

    /** The pruned tiers give exactly the brute-force top-k on random data. */
    @Test
    void matchesBruteForceOnRandomNames() {
        SplittableRandom r = new SplittableRandom(42);
        String alphabet = "新村东西南北山河和平红星团结委会镇乡";
        List<NameEntry> l = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            StringBuilder sb = new StringBuilder();
            int len = 1 + r.nextInt(6);
            for (int k = 0; k < len; k++) {
                sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            l.add(new NameEntry(i, sb.toString(), null, null, VILLAGE, "1", r.nextInt(10) > 0, false, P, 0, 0,
                    r.nextInt(3)));
        }
        GazetteerIndex idx = GazetteerIndex.build(l);
        java.util.Map<String, Long> count = l.stream().collect(java.util.stream.Collectors.groupingBy(
                NameEntry::name, java.util.stream.Collectors.counting()));
        Comparator<NameEntry> byRank = Comparator.<NameEntry, Boolean>comparing(e -> !e.standard())
                .thenComparing(e -> -e.importance())
                .thenComparing(e -> e.name().length())
                .thenComparing(NameEntry::placeId);
        for (int qn = 0; qn < 300; qn++) {
            StringBuilder sb = new StringBuilder();
            int len = 1 + r.nextInt(4);
            for (int k = 0; k < len; k++) {
                sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            String q = sb.toString();
            int limit = 1 + r.nextInt(20);
            List<NameEntry> expected = new ArrayList<>(l.stream()
                    .filter(e -> tier(e.name(), q) >= 0)
                    .sorted(Comparator.<NameEntry>comparingInt(e -> tier(e.name(), q)).thenComparing(byRank))
                    .toList());
            // fuzzy tier: one-edit names and names read like the query, each name's best entry first (same
            // reading and one edit; a character missing, extra or swapped; another character; same reading
            // only), then the further entries of those names
            String reading = NameKeys.toneless(q);
            java.util.Map<String, NameEntry> best = new java.util.HashMap<>();
            for (NameEntry e : l) {
                boolean sounds = q.length() >= 2 && !e.name().equals(q) && readings(e.name()).contains(reading);
                if ((tier(e.name(), q) == 3 || sounds && tier(e.name(), q) < 0)
                        && (!best.containsKey(e.name()) || byRank.compare(e, best.get(e.name())) < 0)) {
                    best.put(e.name(), e);
                }
            }
            expected.removeIf(e -> tier(e.name(), q) == 3);
            Comparator<NameEntry> names = Comparator.<NameEntry>comparingInt(e -> {
                        boolean sounds = readings(e.name()).contains(reading);
                        boolean oneEdit = SearchText.distanceAtMostOne(e.name(), q) == 1;
                        boolean substitution = oneEdit && e.name().length() == q.length()
                                && java.util.stream.IntStream.range(0, q.length())
                                        .filter(i -> e.name().charAt(i) != q.charAt(i)).count() == 1;
                        return sounds && oneEdit ? 0 : oneEdit && !substitution ? 1 : oneEdit ? 2 : 3;
                    })
                    .thenComparing(e -> !e.standard())
                    .thenComparing(e -> -e.importance())
                    .thenComparing(e -> -count.get(e.name()))
                    .thenComparing(byRank);
            List<NameEntry> heads = best.values().stream().sorted(names).toList();
            expected.addAll(heads);
            for (NameEntry h : heads) {
                l.stream().filter(e -> e.name().equals(h.name()) && e != h).sorted(byRank).forEach(expected::add);
            }
            List<Long> expectedIds = expected.stream().limit(limit).map(NameEntry::placeId).toList();
            List<Long> actual = idx.search(q, limit, SearchFilter.none()).stream()
                    .map(h -> h.entry().placeId()).toList();
            assertThat(actual).as(q).isEqualTo(expectedIds);
        }
    }

    /** The readings the index keys a name by: the dictionary reading and its alternatives. */
    private static Set<String> readings(String name) {
        return Set.copyOf(NameKeys.allReadingKeys(name, 1 + NameTerms.MAX_ALTERNATIVES));
    }

    private static int tier(String name, String q) {
        if (name.equals(q)) {
            return 0;
        }
        if (name.startsWith(q)) {
            return 1;
        }
        if (name.indexOf(q, 1) > 0) {
            return 2;
        }
        return q.length() >= 2 && SearchText.distanceAtMostOne(name, q) == 1 ? 3 : -1;
    }
}
