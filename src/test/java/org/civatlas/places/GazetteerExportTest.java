package org.civatlas.places;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The gazetteer files other departments open in a spreadsheet or a GIS: plain Java, no application. */
class GazetteerExportTest {

    private static Place place(String name, String meaning, List<AltName> altNames, Double lon, Double lat) {
        return new Place(7, name, "Shule Xian", null, false, "شۇلى ناھىيىسى", "Shule Nahiyisi", "COUNTY",
                "653122000000", "653122000000", lon, lat, false, null, meaning, null, null, PlaceStatus.STANDARD,
                false, LocalDate.of(1990, 1, 1), null, "test", 0, altNames);
    }

    @Test
    void aCellThatASpreadsheetWouldRunIsDefusedAndCommasAndQuotesAreQuoted() {
        assertThat(GazetteerExport.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(GazetteerExport.cell("+1")).isEqualTo("'+1");
        assertThat(GazetteerExport.cell("@a")).isEqualTo("'@a");
        assertThat(GazetteerExport.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(GazetteerExport.cell("疏勒县")).isEqualTo("疏勒县");
        assertThat(GazetteerExport.cell(null)).isEmpty();
    }

    @Test
    void theCsvHasABomAHeaderAndFormerNamesInOneCell() {
        Place p = place("疏勒县", null, List.of(
                new AltName("旧名甲", null, "zh", AltNameKind.FORMER, null, LocalDate.of(1990, 1, 1)),
                new AltName("旧名乙", null, "zh", AltNameKind.FORMER, null, LocalDate.of(1980, 1, 1)),
                new AltName("别名", null, "zh", AltNameKind.COLLOQUIAL, null, null)), 75.9, 39.4);
        String csv = GazetteerExport.csv(List.of(p));
        String[] lines = csv.split("\n");
        assertThat(lines[0]).startsWith("\uFEFFid,standard_name,romanized,");
        assertThat(lines[1]).isEqualTo("7,疏勒县,Shule Xian,شۇلى ناھىيىسى,Shule Nahiyisi,COUNTY,653122000000,75.9,39.4,"
                + "1990-01-01,旧名甲；旧名乙,false");
    }

    @Test
    void aPlaceWithoutALocationIsAFeatureWithoutGeometry() {
        Map<String, Object> fc = GazetteerExport.geoJson(List.of(place("疏勒县", null, List.of(), null, null)));
        @SuppressWarnings("unchecked")
        Map<String, Object> feature = ((List<Map<String, Object>>) fc.get("features")).get(0);
        assertThat(feature).containsEntry("id", 7L).containsEntry("geometry", null);
        assertThat(feature.get("properties")).asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("standardName", "疏勒县");
    }
}
