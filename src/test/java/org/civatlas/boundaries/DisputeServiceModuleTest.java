package org.civatlas.boundaries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.civatlas.common.ProblemException;
import org.civatlas.divisions.Division;
import org.civatlas.divisions.DivisionKind;
import org.civatlas.divisions.DivisionLevel;
import org.civatlas.divisions.DivisionQueries;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.HttpStatus;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.PublishedEvents;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dispute log through the boundaries module alone (Spring Modulith bootstraps this module on an in-memory
 * H2GIS database; the divisions it depends on are stubbed): the status moves a boundary officer may make.
 */
@ApplicationModuleTest(verifyAutomatically = false, webEnvironment = WebEnvironment.NONE)
@TestPropertySource(properties = {"spring.datasource.url=jdbc:h2:mem:civatlas-boundaries-module;DB_CLOSE_DELAY=-1",
        "civatlas.demo-data.enabled=false"})
class DisputeServiceModuleTest {

    static final String TOWNSHIP_A = "653122100000";
    static final String TOWNSHIP_B = "653122101000";
    static final String VILLAGE = "653122100201";

    @MockitoBean
    DivisionQueries divisions;

    @Autowired
    DisputeService disputes;

    @BeforeEach
    void twoTownshipsAndAVillage() {
        when(divisions.byCode(anyString())).thenReturn(Optional.empty());
        stub(TOWNSHIP_A, "牙甫泉镇", DivisionLevel.TOWNSHIP, DivisionKind.TOWN);
        stub(TOWNSHIP_B, "阿拉力乡", DivisionLevel.TOWNSHIP, DivisionKind.TOWNSHIP);
        stub(VILLAGE, "某村", DivisionLevel.VILLAGE, DivisionKind.VILLAGERS_COMMITTEE);
    }

    private void stub(String code, String name, DivisionLevel level, DivisionKind kind) {
        when(divisions.byCode(code)).thenReturn(Optional.of(new Division(code, code, name, level, kind, null, null,
                null, true, null, true, null, null, null, true, null, 0)));
    }

    @Test
    void aDisputeMovesOneLegalStepAtATimeAndIsArchivedOnlyAfterFilingUpward(PublishedEvents events) {
        DisputeView d = disputes.report(dispute(TOWNSHIP_A, TOWNSHIP_B));
        assertThat(d.status()).isEqualTo(DisputeStatus.REPORTED);
        assertThat(d.frozen()).as("the situation on the ground is frozen while open").isTrue();
        assertThat(d.frozenReminder()).contains("Art. 10");
        assertThat(d.nextStatuses()).containsExactly(DisputeStatus.INVESTIGATING);

        assertThatThrownBy(() -> move(d.id(), "DECIDED"))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT))
                .hasMessageContaining("allowed next: [INVESTIGATING]");

        move(d.id(), "investigating");
        move(d.id(), "NEGOTIATING");
        DisputeView decided = move(d.id(), "DECIDED");
        assertThat(decided.frozen()).as("decided: no longer frozen").isFalse();

        assertThatThrownBy(() -> move(d.id(), "ARCHIVED"))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT))
                .hasMessageContaining("filing upward");
        disputes.fileUpward(d.id(), new DisputeService.FilingInput(null, LocalDate.of(2026, 5, 2), "喀什地区行署"));
        DisputeView archived = move(d.id(), "ARCHIVED");

        assertThat(archived.status()).isEqualTo(DisputeStatus.ARCHIVED);
        assertThat(archived.nextStatuses()).isEmpty();
        assertThat(archived.filedUpwardTo()).isEqualTo("喀什地区行署");
        assertThat(archived.timeline()).extracting(DisputeView.Event::toStatus).containsExactly(
                DisputeStatus.REPORTED, DisputeStatus.INVESTIGATING, DisputeStatus.NEGOTIATING,
                DisputeStatus.DECIDED, DisputeStatus.DECIDED, DisputeStatus.ARCHIVED);
        assertThat(events.ofType(BoundariesChanged.class)).as("the map's dispute layer learns of each change")
                .hasSizeGreaterThanOrEqualTo(6);
    }

    @Test
    void aNoteKeepsTheStatusAndAnUnknownStatusIsABadParameter() {
        DisputeView d = disputes.report(dispute(TOWNSHIP_A, TOWNSHIP_B));
        DisputeView noted = disputes.addEvent(d.id(), new DisputeService.EventInput(null, null, "双方会谈"));
        assertThat(noted.status()).isEqualTo(DisputeStatus.REPORTED);
        assertThat(noted.timeline()).hasSize(2);
        assertThatThrownBy(() -> move(d.id(), "SETTLED"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(e.parameter()).isEqualTo("toStatus");
                });
    }

    @Test
    void thePartiesMustBeTwoDifferentUnitsOfOneLevel() {
        assertThatThrownBy(() -> disputes.report(dispute(TOWNSHIP_A, TOWNSHIP_A)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.parameter()).isEqualTo("partyB"));
        assertThatThrownBy(() -> disputes.report(dispute(TOWNSHIP_A, VILLAGE)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.parameter()).isEqualTo("partyB"))
                .hasMessageContaining("same level");
        assertThatThrownBy(() -> disputes.report(dispute(TOWNSHIP_A, "653122999000")))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.parameter()).isEqualTo("partyB"));
    }

    private DisputeView move(long id, String to) {
        return disputes.addEvent(id, new DisputeService.EventInput(null, to, "状态变更 " + to));
    }

    private static DisputeInput dispute(String a, String b) {
        return new DisputeInput("草场界线争议", a, b,
                JsonMapper.builder().build().readTree("{\"type\":\"Point\",\"coordinates\":[76.05,39.40]}"),
                "两乡对草场归属有争议", List.of());
    }
}
