import { VereinskitError } from '../errors/vereinskit-error'

/**
 * An organisation's place in a structure (Mandantenstruktur, UMB-01): an umbrella association with its member
 * clubs, or a main club with its divisions. `kind` says which (UMB-02): member clubs of an umbrella are independent
 * legal entities, divisions are not. Trees may be deeper than two levels; sync links are per parent and child and
 * do not cascade on their own (docs/decisions/0023-sync-and-tenancy.md).
 */
export interface OrganisationNode {
  readonly id: string
  readonly parentId: string | null
}

/** Umbrella solution (Dachverbandslösung) or multi-division solution (Mehrspartenlösung). */
export type StructureKind = 'umbrella' | 'multi-division'

/** The ancestors of an organisation, nearest first. */
export function ancestorsOf(id: string, nodes: readonly OrganisationNode[]): string[] {
  const parentOf = new Map(nodes.map((n) => [n.id, n.parentId]))
  const out: string[] = []
  let current = parentOf.get(id) ?? null
  while (current !== null && !out.includes(current)) {
    out.push(current)
    current = parentOf.get(current) ?? null
  }
  return out
}

/** The direct children of an organisation. */
export function childrenOf(id: string, nodes: readonly OrganisationNode[]): string[] {
  return nodes.filter((n) => n.parentId === id).map((n) => n.id)
}

/**
 * Checks that `child` may be placed below `parent` (attach, UMB-05): not itself, and not below one of its own
 * descendants (which would make a cycle).
 */
export function checkAttach(child: string, parent: string, nodes: readonly OrganisationNode[]): void {
  if (child === parent || ancestorsOf(parent, nodes).includes(child)) {
    throw new VereinskitError('ORGANISATION_TREE_CYCLE', `Organisation ${child} cannot be placed below ${parent}: that would make a cycle.`)
  }
}
