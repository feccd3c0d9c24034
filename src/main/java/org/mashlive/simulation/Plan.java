package org.mashlive.simulation;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.mashlive.board.api.Outcome;
import org.mashlive.board.api.Rag;
import org.mashlive.board.api.Stage;

/**
 * What will happen to a contact after it arrives: screening actions, each at a simulated delay
 * from the plan's origin (the contact's receipt, or the moment a left-over referral was picked
 * up again). Steps are in order and their delays never decrease; the last one is the decision.
 *
 * @param steps the actions in order
 */
record Plan(List<Step> steps) {

    Plan {
        steps = List.copyOf(steps);
        for (int i = 1; i < steps.size(); i++) {
            if (steps.get(i).after().compareTo(steps.get(i - 1).after()) < 0) {
                throw new IllegalArgumentException("plan steps must be in time order");
            }
        }
    }

    /** One action, {@code after} the plan's origin in simulated time. */
    record Step(Duration after, Action action) {
    }

    /** A screening action on a referral. */
    sealed interface Action permits Move, Rate, Decide {
    }

    /** Moves the referral to an open stage. */
    record Move(Stage stage) implements Action {
    }

    /** Sets or changes the RAG, with the screener's reason. */
    record Rate(Rag rag, String reason) implements Action {
    }

    /** Records the decision, which closes the referral. */
    record Decide(Outcome outcome) implements Action {
    }

    /** How long after the origin the decision comes, if the plan has one. */
    Optional<Duration> decidedAfter() {
        return steps.stream().filter(step -> step.action() instanceof Decide).map(Step::after).findFirst();
    }

    /** The decision, if the plan has one. */
    Optional<Outcome> outcome() {
        return steps.stream().map(Step::action).filter(Decide.class::isInstance).map(Decide.class::cast)
                .map(Decide::outcome).findFirst();
    }

    /** The first RAG the plan sets, if it sets one. */
    Optional<Rag> firstRating() {
        return steps.stream().map(Step::action).filter(Rate.class::isInstance).map(Rate.class::cast)
                .map(Rate::rag).findFirst();
    }

    /** How many times the plan sets a RAG. */
    long ratings() {
        return steps.stream().filter(step -> step.action() instanceof Rate).count();
    }
}
