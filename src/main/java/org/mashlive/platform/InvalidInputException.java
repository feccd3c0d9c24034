package org.mashlive.platform;

/**
 * A request that is well-formed but breaks a rule: answered over HTTP with 400
 * {@code application/problem+json} naming the field ({@link InputProblems}), over RSocket with an
 * INVALID error naming it ({@link RSocketInputProblems}). Each module's own refusals of this shape
 * extend it, so every API refuses bad input the same way.
 */
public class InvalidInputException extends RuntimeException {

    private final String field;

    /**
     * @param field   the field as the API names it, by JSON path ({@code child.firstName}), or a
     *                path or query parameter's name
     * @param message what it must be, in the API's words
     */
    public InvalidInputException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    /** The field as the API names it. */
    public String field() {
        return field;
    }
}
