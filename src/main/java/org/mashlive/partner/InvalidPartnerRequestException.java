package org.mashlive.partner;

import org.mashlive.platform.InvalidInputException;

/** A partner request, chase or answer that breaks a rule; answered with 400 (or INVALID) naming the field. */
class InvalidPartnerRequestException extends InvalidInputException {

    InvalidPartnerRequestException(String field, String message) {
        super(field, message);
    }
}
