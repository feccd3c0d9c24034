package org.mashlive.wallboard.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The backend names fields as the API does; the screen says them in its own words. */
class IntakeViewTest {

    @Test
    void childFieldsAreNamedAsTheScreenShowsThem() {
        assertThat(IntakeView.inWords("intake.contact: children[1].lastName: must not be blank"))
                .isEqualTo("intake.contact: Child 2 family name: must not be blank");
        assertThat(IntakeView.inWords("children[0].dateOfBirth: is missing: give the dateOfBirth, or an estimatedAge"))
                .startsWith("Child 1 date of birth: is missing");
        assertThat(IntakeView.inWords("children[2]: is the same child as children[0]: name each child once"))
                .isEqualTo("Child 3: is the same child as Child 1: name each child once");
        assertThat(IntakeView.inWords("concern: must not be blank")).isEqualTo("concern: must not be blank");
    }
}
