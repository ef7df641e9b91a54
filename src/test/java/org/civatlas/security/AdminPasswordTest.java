package org.civatlas.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.civatlas.CivatlasApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

class AdminPasswordTest {

    @Test
    void missingShortOrDefaultPasswordsAreRefused() {
        assertThatThrownBy(() -> UserBootstrap.requireStrongAdminPassword(null)).hasMessageContaining("No admin password");
        assertThatThrownBy(() -> UserBootstrap.requireStrongAdminPassword("admin")).hasMessageContaining("default");
        assertThatThrownBy(() -> UserBootstrap.requireStrongAdminPassword("short1")).hasMessageContaining("12");
        assertThat(UserBootstrap.requireStrongAdminPassword("a-long-enough-secret")).isEqualTo("a-long-enough-secret");
    }

    @Test
    void longButEasyToGuessPasswordsAreRefusedSayingWhy() {
        assertThatThrownBy(() -> UserBootstrap.requireStrongAdminPassword("aaaaaaaaaaaa"))
                .hasMessageContaining("太容易被猜到").hasMessageContaining("too easy to guess")
                .hasMessageContaining("strength 0 of 4");
        assertThatThrownBy(() -> UserBootstrap.requireStrongAdminPassword("password1234"))
                .hasMessageContaining("too easy to guess").hasMessageContaining("very common password");
        assertThatThrownBy(() -> UserBootstrap.requireStrongAdminPassword("qwertyuiop12"))
                .hasMessageContaining("too easy to guess");
        assertThatThrownBy(() -> UserBootstrap.requireStrongAdminPassword("civatlas2024!"))
                .hasMessageContaining("too easy to guess");
        assertThat(UserBootstrap.requireStrongAdminPassword("correct horse battery staple"))
                .isEqualTo("correct horse battery staple");
        assertThat(UserBootstrap.requireStrongAdminPassword("kx8#Lq2!vPz9mW")).isEqualTo("kx8#Lq2!vPz9mW");
    }

    @Test
    void aServerConfigurationWithoutAdminPasswordDoesNotStart() {
        SpringApplicationBuilder app = new SpringApplicationBuilder(CivatlasApplication.class);
        assertThatThrownBy(() -> app.run("--spring.datasource.url=jdbc:h2:mem:civatlas-noadmin;DB_CLOSE_DELAY=-1",
                "--server.port=0", "--civatlas.demo-data.enabled=false", "--civatlas.security.demo-users=false",
                "--civatlas.security.admin-password=").close()).hasStackTraceContaining("No admin password configured");
    }
}
