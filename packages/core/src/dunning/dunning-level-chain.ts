import type { Account } from '../fees/account'
import { VereinskitError, type FieldIssue } from '../errors/vereinskit-error'
import type { DunningLevel } from './dunning-level'

/** The valid levels in dunning order, first to last (the club's Mahnstufen as one chain). */
export interface DunningLevelChain {
  readonly levels: readonly DunningLevel[]
  readonly first: DunningLevel
  readonly last: DunningLevel
  /** The level with this number, if valid. */
  get(number: number): DunningLevel | undefined
  /** The level after `number` on the chain; undefined on the last level. */
  next(number: number): DunningLevel | undefined
  /** The position on the chain, 0 for the first level; -1 for a number not on it. */
  position(number: number): number
}

/**
 * Checks a configuration and orders it (handbook §9.10.6 Mahnstufen): numbers unique; among the valid levels exactly
 * one first and one last; every valid level but the last names a valid next level; following them from the first
 * reaches every valid level once and ends at the last (no cycle, nothing unreachable). Refuses with
 * `DUNNING_LEVELS_INVALID`, one issue per problem. Fee accounts are checked per run (`feeAccountProblems`), because
 * accounts change independently of the levels.
 */
export function dunningLevelChain(levels: readonly DunningLevel[]): DunningLevelChain {
  const issues: FieldIssue[] = []
  const seen = new Set<number>()
  for (const level of levels) {
    if (seen.has(level.number)) issues.push(issue(level, 'duplicate', `Level ${level.number} is defined twice.`))
    seen.add(level.number)
  }
  const valid = levels.filter((l) => l.valid)
  const firsts = valid.filter((l) => l.first)
  const lasts = valid.filter((l) => l.last)
  if (firsts.length !== 1)
    issues.push({ path: 'first', code: 'first', message: `Exactly one valid level must be the first; found ${firsts.length}.` })
  if (lasts.length !== 1)
    issues.push({ path: 'last', code: 'last', message: `Exactly one valid level must be the last; found ${lasts.length}.` })
  const byNumber = new Map(valid.map((l) => [l.number, l]))
  for (const level of valid) {
    if (level.last && level.nextLevel !== null)
      issues.push(issue(level, 'next-after-last', `Level ${level.number} is the last level and cannot have a next level.`))
    if (!level.last && level.nextLevel === null)
      issues.push(issue(level, 'no-next', `Level ${level.number} needs a next level (only the last level has none).`))
    if (level.nextLevel !== null && !level.last && !byNumber.has(level.nextLevel)) {
      issues.push(
        issue(level, 'next-missing', `Level ${level.number} names next level ${level.nextLevel}, which does not exist or is not valid.`),
      )
    }
  }
  const ordered: DunningLevel[] = []
  if (issues.length === 0) {
    const visited = new Set<number>()
    let current: DunningLevel | undefined = firsts[0]
    while (current && !visited.has(current.number)) {
      visited.add(current.number)
      ordered.push(current)
      current = current.last || current.nextLevel === null ? undefined : byNumber.get(current.nextLevel)
    }
    if (current) issues.push(issue(current, 'cycle', `The levels run in a circle back to level ${current.number}.`))
    else if (!ordered.at(-1)?.last)
      issues.push({ path: 'last', code: 'last-unreached', message: 'The chain from the first level never reaches the last level.' })
    for (const level of valid) {
      if (!visited.has(level.number) && !current) {
        issues.push(issue(level, 'unreachable', `Level ${level.number} cannot be reached from the first level.`))
      }
    }
  }
  if (issues.length > 0) {
    throw new VereinskitError('DUNNING_LEVELS_INVALID', `The dunning levels are invalid: ${issues.map((i) => i.message).join(' ')}`, {
      issues,
    })
  }
  const positions = new Map(ordered.map((l, i) => [l.number, i]))
  return {
    levels: ordered,
    first: ordered[0]!,
    last: ordered.at(-1)!,
    get: (number) => byNumber.get(number),
    next: (number) => {
      const at = positions.get(number)
      return at === undefined ? undefined : ordered[at + 1]
    },
    position: (number) => positions.get(number) ?? -1,
  }
}

/** Why a level cannot book its fee, for the preview (docs/decisions/0000#d10). */
export interface FeeAccountProblem {
  readonly level: number
  readonly reason: 'no-account' | 'account-not-found' | 'not-dunning-costs'
  readonly message: string
}

/**
 * Levels with a fee whose account is missing, unknown or not a receivable account of kind dunning costs. Any such
 * level makes the whole run invalid: the preview lists them and nothing is produced (docs/decisions/0000#d10).
 */
export function feeAccountProblems(chain: DunningLevelChain, accounts: readonly Account[]): FeeAccountProblem[] {
  const byId = new Map(accounts.map((a) => [a.id, a]))
  const problems: FeeAccountProblem[] = []
  for (const level of chain.levels) {
    if (level.fee === 0) continue
    const account = level.feeAccountId === null ? undefined : byId.get(level.feeAccountId)
    if (level.feeAccountId === null) {
      problems.push({ level: level.number, reason: 'no-account', message: `Level ${level.number} has a fee but no fee account.` })
    } else if (!account) {
      problems.push({
        level: level.number,
        reason: 'account-not-found',
        message: `Level ${level.number}: fee account ${level.feeAccountId} does not exist.`,
      })
    } else if (account.type !== 'receivable' || account.receivableKind !== 'dunning-costs') {
      problems.push({
        level: level.number,
        reason: 'not-dunning-costs',
        message: `Level ${level.number}: fee account ${account.number} ${account.name} is not a receivable account for dunning costs.`,
      })
    }
  }
  return problems
}

function issue(level: DunningLevel, code: string, message: string): FieldIssue {
  return { path: `levels.${level.number}`, code, message }
}
