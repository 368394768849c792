import '../define/all'
import { runFormControlTests } from '../../test/form-control-suite'

// Every form-associated control of the package; a new control adds its case here.
runFormControlTests({ tag: 'vk-iban-input', valid: 'DE89370400440532013000', invalid: 'DE89370400440532013001' })
