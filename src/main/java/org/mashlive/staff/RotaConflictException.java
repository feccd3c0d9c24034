package org.mashlive.staff;

/**
 * A change the rota as it stands refuses: a shift that overlaps another of the same person, a
 * break for someone not on shift, a change to someone who has left. Answered with 409.
 */
public class RotaConflictException extends RuntimeException {

    public RotaConflictException(String message) {
        super(message);
    }
}
