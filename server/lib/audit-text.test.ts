import { describe, expect, it } from 'vitest'
import { createI18n } from '../../app/i18n/i18n'
import { describeAudit, formatAuditTime, laDayEnd, laDayStart, type AuditRow } from './audit-text'

const base: AuditRow = {
  action: 'submission.reveal',
  targetType: 'submission',
  targetId: '6f1d1c9e-0000-4000-8000-000000000000',
  details: { reason: 'The caller asked for a correction', receiptCode: 'ANX-NPC-KTK' },
  actorName: 'Marcus',
  actorEmail: 'marcus@example.test',
  targetReceipt: 'ANX-NPC-KTK',
  targetUserName: null,
  targetUserEmail: null,
  targetInvitationEmail: null,
  targetThemeTitle: null,
  targetOrganizationName: null,
}

describe('audit entries as sentences', () => {
  it('a reveal names the testimony and the reason, in English and Spanish', () => {
    expect(describeAudit(base, createI18n('en').t)).toBe('Marcus revealed the original of testimony ANX-NPC-KTK — reason: The caller asked for a correction')
    expect(describeAudit(base, createI18n('es').t)).toBe('Marcus reveló el original del testimonio ANX-NPC-KTK — motivo: The caller asked for a correction')
  })

  it('a reveal whose testimony was deleted still shows the receipt code stored with it', () => {
    expect(describeAudit({ ...base, targetReceipt: null }, createI18n('en').t)).toContain('testimony ANX-NPC-KTK')
  })

  it('a role change says both roles and, when it moved, both organizations', () => {
    const row: AuditRow = {
      ...base,
      action: 'account.change',
      targetType: 'user',
      targetUserName: 'Ana',
      targetUserEmail: 'ana@example.test',
      details: { roleBefore: 'submitter', role: 'facilitator', organizationIdBefore: 'a', organizationId: null, organizationNameBefore: 'Eastside', organizationName: null },
    }
    expect(describeAudit(row, createI18n('en').t)).toBe('Marcus changed Ana (ana@example.test) from Community organization (Eastside) to Facilitator (no organization)')
    expect(describeAudit({ ...row, details: { ...row.details, organizationIdBefore: null, organizationNameBefore: null } }, createI18n('es').t)).toBe(
      'Marcus cambió el rol de Ana (ana@example.test) de Organización comunitaria a Facilitador(a)',
    )
  })

  it('an action with no sentence of its own still reads, with its code', () => {
    const text = describeAudit({ ...base, action: 'something.new', targetType: 'widget', targetId: '42', details: {} }, createI18n('en').t)
    expect(text).toBe('Marcus: something.new — widget 42')
  })

  it('failed sign-ins have no actor: the email tried is the subject', () => {
    const row: AuditRow = { ...base, action: 'auth.login_failed', targetType: null, targetId: null, actorName: null, actorEmail: null, details: { email: 'x@example.test' } }
    expect(describeAudit(row, createI18n('en').t)).toBe('Failed sign-in for x@example.test')
  })
})

describe('Los Angeles time', () => {
  it('formats in Pacific time, with the zone, winter and summer', () => {
    expect(formatAuditTime('2026-12-08T06:30:00Z', 'en')).toMatch(/Dec 7, 2026.*10:30.*PM.*PST/)
    expect(formatAuditTime('2026-07-04T19:05:00Z', 'en')).toMatch(/Jul 4, 2026.*12:05.*PM.*PDT/)
    expect(formatAuditTime('2026-12-08T06:30:00Z', 'es')).toMatch(/7 dic 2026/)
  })

  it('a day starts at local midnight, on both sides of the DST changes', () => {
    expect(laDayStart('2026-12-07').toISOString()).toBe('2026-12-07T08:00:00.000Z')
    expect(laDayStart('2026-07-04').toISOString()).toBe('2026-07-04T07:00:00.000Z')
    expect(laDayStart('2026-03-08').toISOString()).toBe('2026-03-08T08:00:00.000Z') // spring forward at 2 a.m.
    expect(laDayEnd('2026-03-08').toISOString()).toBe('2026-03-09T07:00:00.000Z')
    expect(laDayStart('2026-11-01').toISOString()).toBe('2026-11-01T07:00:00.000Z') // fall back at 2 a.m.
    expect(laDayEnd('2026-11-01').toISOString()).toBe('2026-11-02T08:00:00.000Z')
    expect(laDayEnd('2026-12-31').toISOString()).toBe('2027-01-01T08:00:00.000Z')
  })
})

describe('counts', () => {
  it('a deactivation says how many sessions ended, singular and plural', () => {
    const row: AuditRow = { ...base, action: 'account.deactivate', targetType: 'user', targetUserName: 'Ana', targetUserEmail: 'ana@example.test', details: { sessionsEnded: 1 } }
    expect(describeAudit(row, createI18n('es').t)).toBe('Marcus desactivó a Ana (ana@example.test) (se cerró 1 sesión abierta)')
    expect(describeAudit({ ...row, details: { sessionsEnded: 3 } }, createI18n('en').t)).toBe('Marcus deactivated Ana (ana@example.test) (3 open sessions ended)')
  })
})
