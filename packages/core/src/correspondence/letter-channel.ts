/** How a letter reaches the member: printed and posted (print queue), or as a PDF attached to an e-mail. */
export type LetterChannel = 'letter' | 'email'

/**
 * The channel a letter takes: e-mail when the person prefers it and has an address, otherwise the post — a member
 * who asked for e-mail but has no address still gets the letter.
 */
export function letterChannel(preferred: LetterChannel, email: string | null | undefined): LetterChannel {
  return preferred === 'email' && email ? 'email' : 'letter'
}
