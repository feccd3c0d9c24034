package org.mashlive.partner;

/** A chase or an answer to a request already answered; answered with 409, nothing written. */
class AlreadyAnsweredException extends RuntimeException {

    AlreadyAnsweredException(long id, String reference) {
        super("Partner request " + id + " of " + reference + " is already answered");
    }
}
