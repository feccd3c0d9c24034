package org.mashlive.staff;

/** A request that breaks a rule of the staff module; answered with 400 naming the field. */
public class InvalidStaffException extends RuntimeException {

    private final String field;

    public InvalidStaffException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
