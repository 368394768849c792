/** Error codes of the run lifecycle shared by every kind of run. Merged into the one registry in errors/codes.ts. */
export const runErrors = {
  RUN_PLAN_CHANGED: 'The data changed since the preview; preview the run again.',
  IDEMPOTENCY_KEY_REUSED: 'This idempotency key was already used with other parameters.',
  RUN_NOT_FOUND: 'The run does not exist.',
  RUN_ALREADY_REVERSED: 'The run has already been undone.',
} as const
