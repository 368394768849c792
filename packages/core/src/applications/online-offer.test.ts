import { describe, expect, it } from 'vitest'
import { checkPrivacyNotice, onlineOffer } from './online-offer'

describe('what the application form offers (0012)', () => {
  const base = {
    groupsOfferedOnline: 2,
    privacyNoticeUrl: 'https://v.example/ds',
    creditorId: 'DE98ZZZ09999999999',
    settings: { applicationPaymentMethod: 'invoice' as const },
  }
  it('is open only with an offered group and a privacy notice; preselects the club choice, invoice without creditor id', () => {
    expect(onlineOffer(base)).toEqual({ applicationsOpen: true, preselectedPaymentMethod: 'invoice' })
    expect(onlineOffer({ ...base, groupsOfferedOnline: 0 }).applicationsOpen).toBe(false)
    expect(onlineOffer({ ...base, privacyNoticeUrl: null }).applicationsOpen).toBe(false)
    expect(onlineOffer({ ...base, settings: { applicationPaymentMethod: 'direct-debit' } }).preselectedPaymentMethod).toBe('direct-debit')
    expect(
      onlineOffer({ ...base, creditorId: null, settings: { applicationPaymentMethod: 'direct-debit' } }).preselectedPaymentMethod,
    ).toBe('invoice')
  })
  it('refuses offering online without a privacy notice', () => {
    expect(checkPrivacyNotice({ offeringOnline: true, privacyNoticeUrl: null }, 'x')).toEqual([
      expect.objectContaining({ code: 'privacy-notice-required' }),
    ])
    expect(checkPrivacyNotice({ offeringOnline: true, privacyNoticeUrl: 'https://v.example' }, 'x')).toEqual([])
    expect(checkPrivacyNotice({ offeringOnline: false, privacyNoticeUrl: null }, 'x')).toEqual([])
  })
})
