package org.civatlas.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.civatlas.exchange.crs.Crs;
import org.civatlas.exchange.formats.ReadOptions;
import org.civatlas.facilities.FacilityImports;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

/**
 * The JSON an import answers stays what the web page reads (web/js/exchange/exchange-text.js): the commit result per layer, and
 * the names of the problem kinds. Without Spring.
 */
class ImportResultJsonTest {

    final ObjectMapper json = new ObjectMapper();

    static ImportFile file(String layer, Crs crs) {
        return new ImportFile("job-1", layer, Path.of("f"), "f", ReadOptions.defaults(), crs);
    }

    @Test
    void aDivisionCommitAnswersUpdatedAndRepaired() {
        String answer = json.writeValueAsString(CommitResult.ofDivisions(file("townships", Crs.GCJ02), 16, 2));
        assertThat(answer).isEqualTo("{\"id\":\"job-1\",\"layer\":\"townships\",\"updated\":16,\"repaired\":2,"
                + "\"crs\":\"GCJ-02\",\"conversion\":" + json.writeValueAsString(Crs.GCJ02.conversionToWgs84()) + "}");
    }

    @Test
    void aFacilityCommitAnswersCreatedUpdatedAndTheMappingWithItsGaps() {
        Map<String, String> mapping = new LinkedHashMap<>();
        mapping.put("name", "名称");
        mapping.put("type", null);
        String answer = json.writeValueAsString(CommitResult.ofFacilities(file("facilities", Crs.WGS84), 3, 1,
                mapping));
        assertThat(answer).startsWith("{\"id\":\"job-1\",\"layer\":\"facilities\",\"created\":3,\"updated\":1,"
                + "\"crs\":\"EPSG:4326\",\"conversion\":").endsWith(",\"mapping\":{\"name\":\"名称\",\"type\":null}}");
        assertThat(answer).doesNotContain("repaired");
    }

    @Test
    void problemKindsKeepTheirNamesBothWays() {
        var problem = new ImportPreview.ImportProblem(3, IssueKind.UNKNOWN_ATLAS_ID, "r");
        String text = json.writeValueAsString(problem);
        assertThat(text).contains("\"kind\":\"unknown-atlas-id\"");
        // previews are stored as JSON with the job and read back
        assertThat(json.readValue(text, ImportPreview.ImportProblem.class)).isEqualTo(problem);
    }

    @Test
    void everyKindHasANameOnTheWebPageAndEveryFacilityIssueAKind() throws Exception {
        String page = Files.readString(Path.of("web/js/exchange/exchange-text.js"), StandardCharsets.UTF_8);
        for (IssueKind kind : IssueKind.values()) {
            assertThat(page).as(kind.name()).containsPattern("(?m)^\\s*'?" + kind.code().replace("-", "\\-")
                    + "'?: '");
        }
        assertThat(Arrays.stream(FacilityImports.IssueKind.values()).map(IssueKind::of)).doesNotContainNull();
    }
}
