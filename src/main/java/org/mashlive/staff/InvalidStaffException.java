package org.mashlive.staff;

import org.mashlive.platform.InvalidInputException;

/** A request that breaks a rule of the staff module; answered with 400 naming the field. */
public class InvalidStaffException extends InvalidInputException {

    public InvalidStaffException(String field, String message) {
        super(field, message);
    }
}
