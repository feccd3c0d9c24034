package org.mashlive;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The module structure: no module reaches into another's internals, there are no cycles, and the
 * wall-board depends on nothing of the backend but {@code board.api}.
 */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(MashLive.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }
}
