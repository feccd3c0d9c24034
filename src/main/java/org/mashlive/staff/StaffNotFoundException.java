package org.mashlive.staff;

/** No person, or no shift, with the id asked for; answered with 404. */
public class StaffNotFoundException extends RuntimeException {

    public StaffNotFoundException(String message) {
        super(message);
    }
}
