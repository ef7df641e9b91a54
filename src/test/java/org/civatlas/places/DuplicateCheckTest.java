package org.civatlas.places;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import org.civatlas.places.DuplicateCheck.Candidate;
import org.civatlas.places.DuplicateCheck.Conflict;
import org.junit.jupiter.api.Test;

/** Art. 9: no duplicate and no homophone within the scope the category sets. */
class DuplicateCheckTest {

    // Shule county (653122), two of its townships, and a place in another county of the same province
    static final List<Candidate> NAMES = List.of(
            new Candidate(1, "团结村", "tuanjiecun", "653122100201"),
            new Candidate(2, "团洁村", "tuanjiecun", "653122101202"),
            new Candidate(3, "幸福村", "xingfucun", "653122101203"),
            new Candidate(4, "团结村", "tuanjiecun", "653101100201"),
            new Candidate(5, "团结村", "tuanjiecun", "110101100201"));

    @Test
    void sameCharactersAreIdenticalAndSameTonelessPinyinIsAHomophone() {
        List<Conflict> found = DuplicateCheck.conflicts("团结村", "tuanjiecun", "653122100999", "COUNTY", null, NAMES);
        assertThat(found).extracting(Conflict::placeId, Conflict::kind)
                .containsExactly(tuple(1L, "IDENTICAL"),
                        tuple(2L, "HOMOPHONE"));
    }

    @Test
    void theScopeOfTheCategoryDecidesWhoseNamesCount() {
        assertThat(DuplicateCheck.conflicts("团结村", "tuanjiecun", "653122100999", "TOWNSHIP", null, NAMES))
                .extracting(Conflict::placeId).as("only the township 653122100").containsExactly(1L);
        assertThat(DuplicateCheck.conflicts("团结村", "tuanjiecun", "653122100999", "PROVINCE", null, NAMES))
                .extracting(Conflict::placeId).as("all of Xinjiang (65)").containsExactly(1L, 2L, 4L);
        assertThat(DuplicateCheck.conflicts("团结村", "tuanjiecun", "653122100999", "NATIONAL", null, NAMES))
                .extracting(Conflict::placeId).containsExactly(1L, 2L, 4L, 5L);
        assertThat(DuplicateCheck.conflicts("团结村", "tuanjiecun", "653122100999", "NONE", null, NAMES))
                .as("a category without a duplicate rule").isEmpty();
    }

    @Test
    void aRenamingIsNotInConflictWithItself() {
        assertThat(DuplicateCheck.conflicts("团结村", "tuanjiecun", "653122100201", "COUNTY", 1L, NAMES))
                .extracting(Conflict::placeId).containsExactly(2L);
    }

    @Test
    void aDifferentSoundingNameHasNoConflict() {
        assertThat(DuplicateCheck.conflicts("胜利村", "shenglicun", "653122100999", "NATIONAL", null, NAMES)).isEmpty();
    }

    @Test
    void scopesAreCodePrefixes() {
        assertThat(DuplicateCheck.scopePrefix("NATIONAL")).isZero();
        assertThat(DuplicateCheck.scopePrefix("PROVINCE")).isEqualTo(2);
        assertThat(DuplicateCheck.scopePrefix("COUNTY")).isEqualTo(6);
        assertThat(DuplicateCheck.scopePrefix("TOWNSHIP")).isEqualTo(9);
        assertThat(DuplicateCheck.scopePrefix("BUILT_UP")).isEqualTo(-1);
    }
}
