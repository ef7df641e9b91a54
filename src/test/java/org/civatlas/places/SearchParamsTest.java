package org.civatlas.places;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.civatlas.common.ProblemException;
import org.civatlas.places.search.SearchFilter;
import org.junit.jupiter.api.Test;

/** The search parameters as a caller sends them: plain Java, no application. */
class SearchParamsTest {

    @Test
    void theLimitHasAFallbackAndACap() {
        assertThat(SearchParams.limit(null, 10)).isEqualTo(10);
        assertThat(SearchParams.limit("3", 10)).isEqualTo(3);
        assertThat(SearchParams.limit("5000", 10)).isEqualTo(SearchParams.MAX_LIMIT);
        assertThatThrownBy(() -> SearchParams.limit("0", 10)).isInstanceOf(ProblemException.class)
                .hasMessageContaining("limit");
    }

    @Test
    void aUnitIsACountyTownshipOrVillageCodeAndAVillageIsSearchedByItsSignificantDigits() {
        assertThat(SearchParams.unitPrefix("653122")).isEqualTo("653122");
        assertThat(SearchParams.unitPrefix("653122100")).isEqualTo("653122100");
        assertThat(SearchParams.unitPrefix("653122100201")).isEqualTo("653122100201");
        assertThat(SearchParams.unitPrefix("653122100000")).isEqualTo("653122100");
        assertThatThrownBy(() -> SearchParams.unitPrefix("6531")).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.parameter()).isEqualTo("unit"));
    }

    @Test
    void aVisitorSeesPublishedNamesOnlyWhateverStatusIsAskedFor() {
        SearchFilter visitor = SearchParams.filter(null, null, "PROPOSED,PUBLISHED", null, false);
        assertThat(visitor.includeNonStandard()).isFalse();
        SearchFilter officer = SearchParams.filter(null, null, "PROPOSED", null, true);
        assertThat(officer.includeNonStandard()).isTrue();
    }

    @Test
    void aBoxHasFourNumbersInDegrees() {
        assertThatThrownBy(() -> SearchParams.filter(null, null, null, "75,39,76", false))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.parameter()).isEqualTo("bbox"));
        assertThatThrownBy(() -> SearchParams.filter(null, null, null, "75,39,76,north", false))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.parameter()).isEqualTo("bbox"));
        assertThat(SearchParams.filter(null, null, null, "75,39,76,40", false)).isNotNull();
    }

    @Test
    void theQueryIsRequiredAndStripped() {
        assertThat(SearchParams.query("  疏勒 ")).isEqualTo("疏勒");
        assertThatThrownBy(() -> SearchParams.query(" ")).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.parameter()).isEqualTo("q"));
    }
}
