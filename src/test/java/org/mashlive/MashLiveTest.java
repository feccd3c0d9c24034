package org.mashlive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MashLiveTest {

    @Test
    void rolesAreReadWithoutRegardToCaseAndAnUnknownOneIsNamed() {
        assertThat(MashLive.Role.parse(" Backend ")).isEqualTo(MashLive.Role.BACKEND);
        assertThat(MashLive.Role.parse("all")).isEqualTo(MashLive.Role.ALL);
        assertThatThrownBy(() -> MashLive.Role.parse("frontend"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("all, backend, wallboard").hasMessageContaining("'frontend'");
    }

    @Test
    void anUnknownRoleStartsNothing() {
        assertThatThrownBy(() -> MashLive.start("--mash.role=kiosk"))
                .hasMessageContaining("'kiosk'");
    }
}
