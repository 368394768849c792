// The appointment page's script: register the booking component; the HTML does the rest.
import '@vereinskit/elements/define/appointment-booking'
