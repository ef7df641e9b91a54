package org.civatlas;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Fails the build when a module reaches into another module's internals or modules depend in a cycle. */
class ModularityTest {

    @Test
    void modulesKeepTheirInternalsToThemselves() {
        ApplicationModules.of(CivatlasApplication.class).verify();
    }

    @Test
    void theCheckCatchesAModuleUsingAnotherModulesInternals() {
        assertThatThrownBy(() -> ApplicationModules.of("modulithfixture.leaky", location -> true).verify())
                .hasMessageContaining("Secret");
    }
}
