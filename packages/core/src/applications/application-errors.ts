/** Error codes of online applications (Online-Mitgliedsanträge). Merged into the one registry in errors/codes.ts. */
export const applicationErrors = {
  APPLICATION_NOT_FOUND: 'The application does not exist.',
  APPLICATION_ALREADY_ACCEPTED: 'The application has already been accepted.',
  APPLICATION_ALREADY_REJECTED: 'The application has already been rejected.',
} as const
