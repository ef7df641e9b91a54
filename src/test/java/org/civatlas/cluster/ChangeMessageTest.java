package org.civatlas.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.civatlas.boundaries.BoundariesChanged;
import org.civatlas.divisions.DivisionsChanged;
import org.civatlas.facilities.FacilitiesChanged;
import org.civatlas.places.PlacesChanged;
import org.junit.jupiter.api.Test;

/** The notification payload: written and read back, and anything else refused (no database needed). */
class ChangeMessageTest {

    @Test
    void aMessageIsReadBackAsWritten() {
        ChangeMessage m = new ChangeMessage("node-1", ChangeKind.FACILITIES, "42", 7);
        assertThat(ChangeMessage.parse(m.toJson())).contains(m);
    }

    @Test
    void garbageAndUnknownKindsAreRefused() {
        for (String payload : List.of("", "garbage", "[]", "null", "{}", "{\"node\":\"x\"}",
                "{\"node\":\"x\",\"kind\":\"no-such-kind\",\"key\":\"1\",\"version\":1}",
                "{\"node\":\"x\",\"kind\":\"places\",\"key\":\"1\",\"version\":\"1\"}",
                "{\"node\":\"\",\"kind\":\"places\",\"key\":\"1\",\"version\":1}",
                "{\"node\":\"x\",\"kind\":\"places\",\"key\":1,\"version\":1}")) {
            assertThat(ChangeMessage.parse(payload)).as(payload).isEmpty();
        }
        assertThat(ChangeMessage.parse(null)).isEmpty();
    }

    @Test
    void eachEventMapsToItsKindAndBack() {
        List<Object> events = List.of(new DivisionsChanged("653122200201"), new FacilitiesChanged(5),
                new PlacesChanged(9), new BoundariesChanged("markers"));
        for (Object event : events) {
            ChangeKind.Change change = ChangeKind.of(event).orElseThrow();
            assertThat(change.kind().event(change.key())).isEqualTo(event);
        }
        assertThat(ChangeKind.of("something else")).isEmpty();
        // a catch-up names no key: the events still say "something changed"
        assertThat(ChangeKind.FACILITIES.event(ChangeKind.ANY)).isEqualTo(new FacilitiesChanged(-1));
        assertThat(ChangeKind.DIVISIONS.event(ChangeKind.ANY)).isEqualTo(new DivisionsChanged("*"));
    }
}
