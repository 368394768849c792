// The shared state of the public rate limiter, so every server instance counts the same attempts.
import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core'

/** One fixed window per key (organisation and client address): when it started and how many attempts it saw. */
export const rateLimitWindows = pgTable('rate_limit_windows', {
  key: text('key').primaryKey(),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
  count: integer('count').notNull(),
})
