package org.civatlas.places;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How an officer's query finds an open proposal: Chinese substring, toneless pinyin (spaced or not), initials. */
class ProposalMatchTest {

    @Test
    void chineseSubstringPinyinAndInitialsMatch() {
        assertThat(PlaceSearch.proposalMatches("团结", "团结新村")).isTrue();
        assertThat(PlaceSearch.proposalMatches("tuanjie", "团结新村")).isTrue();
        assertThat(PlaceSearch.proposalMatches("Tuan Jie Xin", "团结新村")).isTrue();
        assertThat(PlaceSearch.proposalMatches("tjxc", "团结新村")).isTrue();
    }

    @Test
    void otherNamesAndEmptyQueriesDoNot() {
        assertThat(PlaceSearch.proposalMatches("疏勒", "团结新村")).isFalse();
        assertThat(PlaceSearch.proposalMatches("shule", "团结新村")).isFalse();
        assertThat(PlaceSearch.proposalMatches(" ", "团结新村")).isFalse();
        assertThat(PlaceSearch.proposalMatches("x1", "团结新村")).isFalse();
    }
}
