// Everything a club website needs: register the component; the HTML does the rest.
import '@vereinskit/elements/define/membership-application'
