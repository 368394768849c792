/** A page of results and the cursor of the next page. */
export interface Page<T> {
  readonly items: T[]
  readonly nextCursor: string | null
}
