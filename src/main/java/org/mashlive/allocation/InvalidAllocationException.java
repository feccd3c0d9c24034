package org.mashlive.allocation;

/** An allocation request that breaks a rule; answered with 400 naming the field. */
public class InvalidAllocationException extends RuntimeException {

    private final String field;

    public InvalidAllocationException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
