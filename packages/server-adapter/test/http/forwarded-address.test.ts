import { describe, expect, it } from 'vitest'
import { engines } from '../engines'
import { aClub, submissionFor } from '../fixtures'
import { useServer } from './harness'

for (const engine of engines()) {
  describe(`client address behind a proxy on ${engine.name}`, () => {
    const server = useServer(engine, { trustProxy: true })

    it('counts a forwarded address of any length without failing, and limits it like any other', async () => {
      const club = await aClub(server.storage)
      // Random, so the database cannot compress it below its index limit.
      const forwarded = Array.from({ length: 6000 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('')
      const submit = () =>
        server.handler(
          new Request(`http://api.test/public/organisations/${club.organisation.id}/applications`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-forwarded-for': `${forwarded}, 10.0.0.1` },
            body: JSON.stringify(submissionFor(club, { lastName: '' })),
          }),
        )
      for (let i = 0; i < 10; i += 1) expect((await submit()).status).toBe(422)
      expect((await submit()).status).toBe(429)
    })
  })
}
