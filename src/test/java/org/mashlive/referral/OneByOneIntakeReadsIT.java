package org.mashlive.referral;

import org.mashlive.BackendTest;
import org.springframework.test.context.TestPropertySource;

/** {@link IntakeReadsIT} with each contact taken in on its own, by the intake's other statement. */
@BackendTest
@TestPropertySource(properties = "mash.intake.group.max-size=1")
class OneByOneIntakeReadsIT extends IntakeReadsIT {
}
