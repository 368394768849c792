import * as z from 'zod'

/** One field problem inside a problem document. */
export const ProblemFieldIssue = z.object({
  path: z.string(),
  code: z.string(),
  message: z.string(),
})
export type ProblemFieldIssue = z.infer<typeof ProblemFieldIssue>

/** RFC 9457 problem details as vereinskit sends them, with our stable `code` and per-field `errors`. */
export const ProblemDetails = z.looseObject({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  code: z.string(),
  errors: z.array(ProblemFieldIssue).optional(),
})
export type ProblemDetails = z.infer<typeof ProblemDetails>

export { problemContentType } from './read-problem'
