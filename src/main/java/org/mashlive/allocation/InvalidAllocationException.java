package org.mashlive.allocation;

import org.mashlive.platform.InvalidInputException;

/** An allocation request that breaks a rule; answered with 400 naming the field. */
public class InvalidAllocationException extends InvalidInputException {

    public InvalidAllocationException(String field, String message) {
        super(field, message);
    }
}
