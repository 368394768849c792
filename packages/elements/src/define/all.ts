import './iban-input'
import './membership-application'
import './appointment-booking'
