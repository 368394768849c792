import { describe, expect, it } from 'vitest'
import { engines } from '../engines'
import { aClubWithFees } from '../money-fixtures'
import { dunningRun, withDunningLevels } from '../dunning-fixtures'
import { pdfText } from '../pdf-text'
import { runDailyJobs, dailyJobsOf } from '../../src/jobs/daily-jobs'
import { capabilities } from '../../src/capabilities'
import { useServer } from './harness'

const clock = {
  at: new Date('2025-05-01T10:00:00Z'),
  now() {
    return this.at
  },
}

for (const engine of engines()) {
  describe(`dunning runs over HTTP (${engine.name})`, () => {
    const server = useServer(engine, { clock })

    /** A club whose members each owe the joining-year fee of 72,00 € booked on 2025-04-15. */
    async function clubOwing(members: number) {
      const club = await aClubWithFees(server, { members })
      const preview = await club.staff('POST', '/charge-runs/preview', { asOf: '2025-04-15' })
      await club.staff('POST', '/charge-runs', { asOf: '2025-04-15', idempotencyKey: preview.idempotencyKey })
      await withDunningLevels(club)
      return club
    }
    const stateOf = (club: Awaited<ReturnType<typeof clubOwing>>, i = 0) =>
      club.staff('GET', `/memberships/${club.memberships[i]!.id}/dunning`)
    const accountOf = (club: Awaited<ReturnType<typeof clubOwing>>, i = 0) =>
      club.staff('GET', `/memberships/${club.memberships[i]!.id}/account`)

    it('writes a first letter after the level days, then follow-ups with fees, then flags for collection', async () => {
      const club = await clubOwing(1)
      expect((await club.staff('POST', '/dunning-runs/preview', { asOf: '2025-05-15' })).letters).toEqual([]) // 30 days: not more than 30
      const first = await dunningRun(club, '2025-05-16')
      expect(first.preview.letters).toEqual([
        expect.objectContaining({ fromLevel: null, toLevel: 1, fee: 0, openTotal: 7200, total: 7200, letterNumber: 1 }),
      ])
      expect(await stateOf(club)).toMatchObject({
        level: 1,
        lastLetterOn: '2025-05-16',
        letters: [expect.objectContaining({ toLevel: 1, fee: 0, channel: 'letter', runId: first.run.id })],
      })

      const second = await dunningRun(club, '2025-05-31')
      expect(second.run).toMatchObject({ letterCount: 1, feeTotal: 250, byLevel: { '2': 1 } })
      const account = await accountOf(club)
      expect(account.balance).toBe(-7450)
      expect(account.postings).toContainEqual(
        expect.objectContaining({ kind: 'dunning-fee', amount: -250, text: 'Mahngebühr', date: '2025-05-31' }),
      )

      const third = await dunningRun(club, '2025-06-15')
      expect(third.preview.letters[0]).toMatchObject({ toLevel: 3, fee: 500, openTotal: 7450, total: 7950, produceDocument: false })
      const later = await club.staff('POST', '/dunning-runs/preview', { asOf: '2025-09-01' })
      expect(later).toMatchObject({ letters: [], forCollection: [{ membershipNumber: club.memberships[0]!.number, openTotal: 7950 }] })
    })

    it('writes a PDF letter with address, open items, fee and level text', async () => {
      const club = await clubOwing(1)
      await dunningRun(club, '2025-05-16')
      await dunningRun(club, '2025-05-31')
      const documents = await club.staff('GET', `/memberships/${club.memberships[0]!.id}/documents`)
      expect(documents.items.map((d: { title: string }) => d.title)).toEqual(['Zahlungserinnerung Nr. 1', '1. Mahnung Nr. 2'])
      const pdf = await server.call('GET', `/organisations/${club.org}/documents/${documents.items[1].id}/content.pdf`, {
        apiKey: club.apiKey,
      })
      expect(pdf.headers.get('content-type')).toBe('application/pdf')
      const [text] = await pdfText(pdf.bytes)
      expect(text).toContain('1. Mahnung Nr. 2')
      expect(text).toContain('Heidestraße 17')
      expect(text).toContain('51147 Köln')
      expect(text).toContain('15.04.2025')
      expect(text).toContain('72,00 €')
      expect(text).toContain('Mahngebühr 2,50 €')
      expect(text).toContain('Zu zahlen 74,50 €')
      expect(text).toContain('31.05.2025')
    })

    it('reverses runs newest first and restores levels, letters and fees exactly (handbook §6.3)', async () => {
      const club = await clubOwing(3)
      const [a, b, c] = club.memberships
      // Run 1: A and B get level 1. Run 2: A goes to level 2, C (range) gets level 1.
      const run1 = await dunningRun(club, '2025-05-16', { numberTo: b!.number })
      const beforeRun2 = [await accountOf(club, 0), await stateOf(club, 0), await stateOf(club, 2)]
      const run2 = await dunningRun(club, '2025-05-31')
      expect(run2.preview.letters.map((l: { membershipId: string; toLevel: number }) => [l.membershipId, l.toLevel])).toEqual([
        [a!.id, 2],
        [b!.id, 2],
        [c!.id, 1],
      ])
      const refused = await server.call('POST', `/organisations/${club.org}/dunning-runs/${run1.run.id}/reverse`, { apiKey: club.apiKey })
      expect(refused).toMatchObject({ status: 409, json: { code: 'DUNNING_REVERSAL_ORDER', detail: expect.stringContaining(run2.run.id) } })

      await club.staff('POST', `/dunning-runs/${run2.run.id}/reverse`)
      const afterUndo = [await accountOf(club, 0), await stateOf(club, 0), await stateOf(club, 2)]
      expect(afterUndo[0].postings).toEqual(beforeRun2[0].postings)
      expect({ ...afterUndo[1], letters: undefined }).toEqual({ ...beforeRun2[1], letters: undefined })
      expect(afterUndo[2]).toMatchObject({ level: null, lastLetterOn: null })
      expect(
        (await club.staff('GET', `/memberships/${a!.id}/documents`)).items.filter((d: { deletedAt: string | null }) => !d.deletedAt),
      ).toHaveLength(1)

      await club.staff('POST', `/dunning-runs/${run1.run.id}/reverse`)
      expect(await stateOf(club, 0)).toMatchObject({ level: null, lastLetterOn: null })
      // The same plan can be applied again after its reversal, and it books the same again.
      const again = await dunningRun(club, '2025-05-16', { numberTo: b!.number })
      expect(again.run.id).not.toBe(run1.run.id)
      expect(await stateOf(club, 1)).toMatchObject({ level: 1 })
    })

    it('repeating an apply returns the same run; a changed plan is refused', async () => {
      const club = await clubOwing(1)
      const preview = await club.staff('POST', '/dunning-runs/preview', { asOf: '2025-05-16' })
      const body = { request: { asOf: '2025-05-16' }, idempotencyKey: preview.idempotencyKey }
      const [one, two] = await Promise.all([club.staff('POST', '/dunning-runs', body), club.staff('POST', '/dunning-runs', body)])
      expect(one.id).toBe(two.id)
      expect((await stateOf(club)).letters).toHaveLength(1)
      const reused = await server.call('POST', `/organisations/${club.org}/dunning-runs`, {
        apiKey: club.apiKey,
        body: { request: { asOf: '2025-05-31' }, idempotencyKey: preview.idempotencyKey },
      })
      expect(reused).toMatchObject({ status: 409, json: { code: 'IDEMPOTENCY_KEY_REUSED' } })
      const next = await club.staff('POST', '/dunning-runs/preview', { asOf: '2025-05-31' })
      await club.staff('POST', `/memberships/${club.memberships[0]!.id}/postings`, {
        accountId: club.accounts.bank.id,
        date: '2025-05-20',
        amount: 7200,
      })
      const stale = await server.call('POST', `/organisations/${club.org}/dunning-runs`, {
        apiKey: club.apiKey,
        body: { request: { asOf: '2025-05-31' }, idempotencyKey: next.idempotencyKey },
      })
      expect(stale).toMatchObject({ status: 409, json: { code: 'RUN_PLAN_CHANGED' } })
    })

    it('cancels the last dunning per membership, repeatably; a paid fee is reversed by a counter-posting', async () => {
      const club = await clubOwing(1)
      const m = club.memberships[0]!.id
      await dunningRun(club, '2025-05-16')
      await dunningRun(club, '2025-05-31')
      // A payment of 10,00 € settles the fee first? No: the fee account has priority 2, the fee class 1 — the payment goes to the fee class.
      await club.staff('POST', `/memberships/${m}/postings`, { accountId: club.accounts.bank.id, date: '2025-06-02', amount: 7300 })
      const cancelled = await club.staff('POST', `/memberships/${m}/dunning/cancel-last`)
      expect(cancelled).toMatchObject({ level: 1, lastLetterOn: '2025-05-16' })
      const account = await accountOf(club)
      expect(account.balance).toBe(100) // 7300 paid against 7200: the fee's 2,50 € came back as credit
      expect(account.postings).toContainEqual(expect.objectContaining({ kind: 'reversal', amount: 250 }))
      const again = await club.staff('POST', `/memberships/${m}/dunning/cancel-last`)
      expect(again).toMatchObject({ level: null, lastLetterOn: null })
      const none = await server.call('POST', `/organisations/${club.org}/memberships/${m}/dunning/cancel-last`, { apiKey: club.apiKey })
      expect(none).toMatchObject({ status: 409, json: { code: 'DUNNING_NOTHING_TO_CANCEL' } })
      expect((await stateOf(club)).letters.every((l: { cancelledAt: string | null }) => l.cancelledAt !== null)).toBe(true)
    })

    it('corrects the level by hand without a letter, and the next run continues from it', async () => {
      const club = await clubOwing(1)
      const m = club.memberships[0]!.id
      const corrected = await club.staff('POST', `/memberships/${m}/dunning/correction`, { level: 2, lastLetterOn: '2025-05-01' })
      expect(corrected).toMatchObject({
        level: 2,
        lastLetterOn: '2025-05-01',
        letters: [],
        events: [expect.objectContaining({ kind: 'correction' })],
      })
      expect((await club.staff('POST', '/dunning-runs/preview', { asOf: '2025-05-16' })).letters[0]).toMatchObject({
        fromLevel: 2,
        toLevel: 3,
      })
      const unknown = await server.call('POST', `/organisations/${club.org}/memberships/${m}/dunning/correction`, {
        apiKey: club.apiKey,
        body: { level: 9, lastLetterOn: '2025-05-01' },
      })
      expect(unknown).toMatchObject({ status: 404, json: { code: 'DUNNING_LEVEL_NOT_FOUND' } })
      const undated = await server.call('POST', `/organisations/${club.org}/memberships/${m}/dunning/correction`, {
        apiKey: club.apiKey,
        body: { level: 1, lastLetterOn: null },
      })
      expect(undated).toMatchObject({
        status: 422,
        json: { code: 'VALIDATION_FAILED', errors: [expect.objectContaining({ path: 'lastLetterOn' })] },
      })
    })

    it('makes the whole run invalid while a level with a fee has no dunning-costs account (docs/decisions/0000#d10)', async () => {
      const club = await clubOwing(1)
      await withDunningLevels(club, { 2: { feeAccountId: club.accounts.fee.id } })
      const preview = await club.staff('POST', '/dunning-runs/preview', { asOf: '2025-05-16' })
      expect(preview).toMatchObject({ valid: false, letters: [], problems: [{ level: 2, reason: 'not-dunning-costs' }] })
      const apply = await server.call('POST', `/organisations/${club.org}/dunning-runs`, {
        apiKey: club.apiKey,
        body: { request: { asOf: '2025-05-16' }, idempotencyKey: preview.idempotencyKey },
      })
      expect(apply).toMatchObject({ status: 422, json: { code: 'DUNNING_RUN_INVALID' } })
    })

    it('refuses level configurations that are not one chain', async () => {
      const club = await clubOwing(1)
      const cycle = await server.call('PUT', `/organisations/${club.org}/dunning-levels`, {
        apiKey: club.apiKey,
        body: {
          levels: [
            { number: 1, first: true, days: 1, text: 'a', nextLevel: 2 },
            { number: 2, days: 1, text: 'b', nextLevel: 1 },
            { number: 3, last: true, days: 1, text: 'c' },
          ],
        },
      })
      expect(cycle).toMatchObject({ status: 422, json: { code: 'DUNNING_LEVELS_INVALID' } })
      await dunningRun(club, '2025-05-16')
      const dropInUse = await server.call('PUT', `/organisations/${club.org}/dunning-levels`, {
        apiKey: club.apiKey,
        body: { levels: [{ number: 2, first: true, last: true, days: 1, text: 'b' }] },
      })
      expect(dropInUse).toMatchObject({ status: 409, json: { code: 'DUNNING_LEVEL_IN_USE' } })
    })

    it('honours blocks through their end date and clears them by the nightly job (docs/decisions/0000#d11)', async () => {
      const club = await clubOwing(2)
      const m = club.memberships[0]!.id
      await club.staff('PUT', `/memberships/${m}/dunning/block`, { until: '2025-05-16' })
      await club.staff('PATCH', `/memberships/${club.memberships[1]!.id}/dunning/markers`, {
        courtProcedure: true,
        note: 'Mahnbescheid beantragt',
      })
      const preview = await club.staff('POST', '/dunning-runs/preview', { asOf: '2025-05-16' })
      expect(preview.excluded.map((e: { reason: string }) => e.reason)).toEqual(['dunning-block', 'court-procedure'])
      expect((await club.staff('POST', '/dunning-runs/preview', { asOf: '2025-05-17' })).letters).toHaveLength(1)

      clock.at = new Date('2025-05-17T03:00:00Z')
      await runDailyJobs(server.storage, clock, dailyJobsOf(capabilities))
      const state = await stateOf(club)
      expect(state).toMatchObject({
        block: null,
        events: [expect.objectContaining({ kind: 'block' }), expect.objectContaining({ kind: 'block-expired', on: '2025-05-17' })],
      })
      clock.at = new Date('2025-05-01T10:00:00Z')
      const past = await server.call('PUT', `/organisations/${club.org}/memberships/${m}/dunning/block`, {
        apiKey: club.apiKey,
        body: { until: '2025-04-01' },
      })
      expect(past).toMatchObject({ status: 422, json: { code: 'DUNNING_BLOCK_INVALID' } })
    })

    it("checks templates when saved and writes letters with the level's own template and text blocks", async () => {
      const club = await clubOwing(1)
      const refuse = async (method: string, path: string, body: unknown, status: number, code: string) => {
        const response = await server.call(method, `/organisations/${club.org}${path}`, { apiKey: club.apiKey, body })
        expect(response, path).toMatchObject({ status, json: { code } })
      }
      await refuse(
        'POST',
        '/letter-templates',
        { name: 'X', kind: 'dunning', subject: 'Hallo {{member.nmae}}', blocks: [{ type: 'open-items' }] },
        422,
        'TEMPLATE_PLACEHOLDER_UNKNOWN',
      )
      await refuse(
        'PUT',
        '/text-blocks',
        { name: 'Konto', text: 'IBAN {{club.iban}}', assignments: ['letters'] },
        422,
        'TEMPLATE_PLACEHOLDER_UNKNOWN',
      )
      await club.staff('PUT', '/text-blocks', { name: 'Konto', text: 'Bitte zahlen Sie an {{club.name}}.', assignments: ['letters'] })
      const template = await club.staff('POST', '/letter-templates', {
        name: 'Erinnerung',
        kind: 'dunning',
        isDefault: true,
        subject: 'Erinnerung für {{member.name}}',
        blocks: [
          { type: 'paragraph', text: 'Offen: {{amounts.total}}' },
          { type: 'text-block', name: 'Konto' },
        ],
      })
      await refuse(
        'POST',
        '/letter-templates',
        { name: 'Y', kind: 'dunning', isDefault: true, subject: 'Y', blocks: [{ type: 'open-items' }] },
        409,
        'TEMPLATE_KIND_TAKEN',
      )
      await refuse(
        'PUT',
        '/dunning-levels',
        { levels: [{ number: 1, first: true, last: true, days: 30, text: 'a', templateId: '6f1c1a52-5a8e-4c55-9d3f-0d4b1b7e3a10' }] },
        404,
        'TEMPLATE_NOT_FOUND',
      )
      const exclusion = await club.staff('POST', '/letter-templates', {
        name: 'Ausschluss',
        kind: 'exclusion',
        subject: 'A',
        blocks: [{ type: 'open-items' }],
      })
      const wrongKind = await server.call('PUT', `/organisations/${club.org}/dunning-levels`, {
        apiKey: club.apiKey,
        body: { levels: [{ number: 1, first: true, last: true, days: 30, text: 'a', templateId: exclusion.id }] },
      })
      expect(wrongKind).toMatchObject({ status: 422, json: { errors: [expect.objectContaining({ code: 'not-a-dunning-template' })] } })
      expect((await club.staff('GET', '/letter-templates')).items.filter((t: { kind: string }) => t.kind === 'dunning')).toEqual([
        expect.objectContaining({ id: template.id, isDefault: true }),
      ])
      await dunningRun(club, '2025-05-16')
      const [document] = (await club.staff('GET', `/memberships/${club.memberships[0]!.id}/documents`)).items
      const pdf = await server.call('GET', `/organisations/${club.org}/documents/${document.id}/content.pdf`, { apiKey: club.apiKey })
      const [text] = await pdfText(pdf.bytes)
      expect(text).toContain('Erinnerung für')
      expect(text).toContain('Offen: 72,00 €')
      expect(text).toContain('Bitte zahlen Sie an')
    })

    it("collects a run's letters into one PDF for printing and takes printed ones off the queue", async () => {
      const club = await clubOwing(2)
      const { run } = await dunningRun(club, '2025-05-16')
      const queue = await club.staff('GET', `/print-queue?runId=${run.id}`)
      expect(queue.items).toHaveLength(2)
      const pdf = await server.call('GET', `/organisations/${club.org}/print-queue/letters.pdf?runId=${run.id}`, { apiKey: club.apiKey })
      const pages = await pdfText(pdf.bytes)
      expect(pages).toHaveLength(2)
      expect(pages[0]).toContain('Zahlungserinnerung Nr. 1')
      expect(pages[1]).toContain('Zahlungserinnerung Nr. 2')
      await club.staff('POST', '/print-queue/printed', { documentIds: queue.items.map((d: { id: string }) => d.id) })
      expect((await club.staff('GET', `/print-queue?runId=${run.id}`)).items).toEqual([])
    })
  })
}
