import './iban-input'
import './membership-application'
