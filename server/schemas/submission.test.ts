import { describe, expect, it } from 'vitest'
import { currentMonthInLosAngeles, SubmissionInputSchema } from './submission'

const month = (incidentMonth: string) => {
  const parsed = SubmissionInputSchema.safeParse({ text: 'Agents at the park.', incidentMonth })
  return parsed.success ? 'ok' : parsed.error.issues[0]!.message
}

describe('incident month (issue 14)', () => {
  it('is the current month in Los Angeles, not in UTC', () => {
    // 03:00 UTC on 1 June is still 31 May in Los Angeles (UTC−7 in summer).
    expect(currentMonthInLosAngeles(new Date('2026-06-01T03:00:00Z'))).toBe('2026-05')
    expect(currentMonthInLosAngeles(new Date('2026-06-01T08:00:00Z'))).toBe('2026-06')
    expect(currentMonthInLosAngeles(new Date('2027-01-01T07:59:00Z'))).toBe('2026-12')
  })

  it('refuses a future month and names the earliest month accepted', () => {
    const now = currentMonthInLosAngeles()
    expect(month(now)).toBe('ok')
    expect(month('2025-07')).toBe('ok')
    expect(month('2031-05')).toBe('errors.monthFuture')
    const [y, m] = now.split('-').map(Number) as [number, number]
    const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`
    expect(month(next)).toBe('errors.monthFuture')
    expect(month('2000-01')).toBe('ok')
    expect(month('1999-12')).toBe('errors.monthTooEarly')
    expect(month('2025-13')).toBe('errors.month')
  })
})
