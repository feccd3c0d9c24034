package org.mashlive.partner;

/** No partner request has the id asked for; answered with 404. */
class PartnerRequestNotFoundException extends RuntimeException {

    PartnerRequestNotFoundException(long id) {
        super("No partner request " + id);
    }
}
