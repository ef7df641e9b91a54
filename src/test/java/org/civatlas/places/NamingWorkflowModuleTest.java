package org.civatlas.places;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.civatlas.common.ProblemException;
import org.civatlas.divisions.Division;
import org.civatlas.divisions.DivisionEdits;
import org.civatlas.divisions.DivisionKind;
import org.civatlas.divisions.DivisionLevel;
import org.civatlas.divisions.DivisionQueries;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.PublishedEvents;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The naming procedure through the places module alone (Spring Modulith bootstraps this module on an in-memory
 * H2GIS database; the divisions it depends on are stubbed): what a place-name officer does and is told.
 */
@ApplicationModuleTest(verifyAutomatically = false, webEnvironment = WebEnvironment.NONE)
@TestPropertySource(properties = {"spring.datasource.url=jdbc:h2:mem:civatlas-places-module;DB_CLOSE_DELAY=-1",
        "civatlas.demo-data.enabled=false"})
class NamingWorkflowModuleTest {

    static final String VILLAGE = "653122100201";
    static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    @TestConfiguration
    static class FixedClock {
        @Bean
        Clock clock() {
            return Clock.fixed(TODAY.atTime(10, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        }
    }

    @MockitoBean
    DivisionQueries divisions;

    @MockitoBean
    DivisionEdits divisionEdits;

    @Autowired
    NamingWorkflow workflow;

    @Autowired
    PlaceRegistry registry;

    @BeforeEach
    void aVillageExists() {
        when(divisions.byCode(anyString())).thenReturn(Optional.empty());
        when(divisions.byCode(VILLAGE)).thenReturn(Optional.of(new Division(VILLAGE, VILLAGE, "某村",
                DivisionLevel.VILLAGE, DivisionKind.VILLAGERS_COMMITTEE, null, "653122100000", null, true, null, true, null,
                null, null, true, null, 0)));
    }

    @Test
    void aNewNameTakenThroughTheWholeProcedureBecomesAStandardPlace(PublishedEvents events) {
        NamingCaseView published = publishNewName("友谊桥", "BUILDING");

        assertThat(published.state()).isEqualTo(NamingState.PUBLISHED);
        assertThat(published.allowedActions()).isEmpty();
        assertThat(published.announcementDue()).isEqualTo(TODAY.minusDays(5).plusDays(15));
        assertThat(published.announcementOverdue()).isFalse();
        assertThat(published.steps()).extracting(NamingCaseView.Step::action).containsExactly("APPLY",
                "START_REVIEW", "ADD_REPORT", "ADD_REPORT", "OPEN_CONSULTATION", "ADD_REPORT", "APPROVE",
                "RECORD_ANNOUNCEMENT", "RECORD_FILING", "PUBLISH");
        Place place = registry.require(published.placeId());
        assertThat(place.standardName()).isEqualTo("友谊桥");
        assertThat(place.status()).isEqualTo(PlaceStatus.STANDARD);
        assertThat(events.ofType(PlacesChanged.class)).as("the search index learns of the new name").isNotEmpty();
    }

    @Test
    void aStepOutOfOrderIsRefusedNamingTheAllowedOnes() {
        NamingCaseView c = workflow.apply(application("红柳泉", "WATER"));
        assertThatThrownBy(() -> workflow.act(c.id(), NamingAction.APPROVE, null))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT);
                    assertThat(e.getMessage()).contains("START_REVIEW", "REJECT", "WITHDRAW");
                });
        assertThat(workflow.get(c.id()).state()).as("nothing changed").isEqualTo(NamingState.APPLIED);
    }

    @Test
    void rejectingNeedsAReason() {
        NamingCaseView c = workflow.apply(application("白杨沟", "TERRAIN"));
        assertThatThrownBy(() -> workflow.act(c.id(), NamingAction.REJECT, step().build()))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST))
                .hasMessageContaining("remarks");
        assertThat(workflow.act(c.id(), NamingAction.REJECT, step().remarks("不符合命名规则").build()).state())
                .isEqualTo(NamingState.REJECTED);
    }

    @Test
    void aHomophoneOfAStandardNameIsFoundAndApprovalNeedsAJustification() {
        publishNewName("金泉路", "ROAD");

        var check = workflow.check("金全路", "ROAD", VILLAGE, null);
        assertThat(check.conflicts()).extracting(DuplicateCheck.Conflict::name, DuplicateCheck.Conflict::kind)
                .containsExactly(tuple("金泉路", "HOMOPHONE"));

        NamingCaseView c = toConsultation(workflow.apply(application("金全路", "ROAD")));
        assertThatThrownBy(() -> workflow.act(c.id(), NamingAction.APPROVE, approval().build()))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT))
                .hasMessageContaining("conflictJustification");
        assertThat(workflow.act(c.id(), NamingAction.APPROVE,
                approval().conflictJustification("两路相距甚远，群众习称已久").build()).state())
                .isEqualTo(NamingState.APPROVED);
    }

    @Test
    void publishingNeedsTheAnnouncementAndTheFilingFirst() {
        NamingCaseView c = toConsultation(workflow.apply(application("胡杨林", "MEMORIAL")));
        workflow.act(c.id(), NamingAction.APPROVE, approval().build());
        assertThatThrownBy(() -> workflow.act(c.id(), NamingAction.PUBLISH, null))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT))
                .hasMessageContaining("announcement missing").hasMessageContaining("filing missing");
    }

    private NamingCaseView publishNewName(String name, String category) {
        NamingCaseView c = toConsultation(workflow.apply(application(name, category)));
        workflow.act(c.id(), NamingAction.APPROVE, approval().build());
        workflow.act(c.id(), NamingAction.RECORD_ANNOUNCEMENT, step().medium("县政府网站").build());
        workflow.act(c.id(), NamingAction.RECORD_FILING, step().filedWith("喀什地区民政局").build());
        return workflow.act(c.id(), NamingAction.PUBLISH, null);
    }

    /** Review with the assessment and expert reports, a consultation that ended ten days ago and its report. */
    private NamingCaseView toConsultation(NamingCaseView c) {
        workflow.act(c.id(), NamingAction.START_REVIEW, null);
        workflow.act(c.id(), NamingAction.ADD_REPORT, step().reportKind("ASSESSMENT").report("综合评估").build());
        workflow.act(c.id(), NamingAction.ADD_REPORT, step().reportKind("EXPERT").report("专家论证").build());
        workflow.act(c.id(), NamingAction.OPEN_CONSULTATION,
                step().consultation(TODAY.minusDays(40), TODAY.minusDays(10)).build());
        return workflow.act(c.id(), NamingAction.ADD_REPORT,
                step().reportKind("CONSULTATION").report("征求意见情况").build());
    }

    private static NamingApplication application(String name, String category) {
        return new NamingApplication("NAMING", null, name, null, category, VILLAGE, null, null, "命名方案",
                "命名理由", null);
    }

    private static Step approval() {
        return step().date(TODAY.minusDays(5)).approvingBody("疏勒县人民政府").documentNumber("疏政发〔2026〕1号");
    }

    private static Step step() {
        return new Step();
    }

    /** Fills the fields of NamingStepInput an action needs; the rest stay empty. */
    private static final class Step {
        String remarks, reportKind, report, approvingBody, documentNumber, medium, filedWith, conflictJustification;
        LocalDate from, to, date;

        Step remarks(String v) { remarks = v; return this; }
        Step reportKind(String v) { reportKind = v; return this; }
        Step report(String v) { report = v; return this; }
        Step consultation(LocalDate f, LocalDate t) { from = f; to = t; return this; }
        Step date(LocalDate v) { date = v; return this; }
        Step approvingBody(String v) { approvingBody = v; return this; }
        Step documentNumber(String v) { documentNumber = v; return this; }
        Step medium(String v) { medium = v; return this; }
        Step filedWith(String v) { filedWith = v; return this; }
        Step conflictJustification(String v) { conflictJustification = v; return this; }

        NamingStepInput build() {
            return new NamingStepInput(null, remarks, null, reportKind, report, from, to, null, null, null, null,
                    approvingBody, documentNumber, date, medium, filedWith, conflictJustification, null);
        }
    }
}
