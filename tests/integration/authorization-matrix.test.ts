import { TRPCError } from '@trpc/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../db/client'
import { appRouter } from '../../server/routers/_app'
import { ROLES, type Role } from '../../server/schemas/reference'
import type { SessionUser } from '../../server/services/auth'
import { createTestDb, testEnv } from '../support/db'
import { callerFor, makeOrganization, makeUser } from '../support/factories'

/**
 * Every procedure of the app router and who may call it. A new procedure
 * without a line here fails the first test: decide its rule before it ships.
 * 'public' procedures are open to anyone (they still validate input and CSRF).
 */
const RULES: Record<string, 'public' | 'signed-in' | Role[]> = {
  'auth.me': 'public',
  'auth.login': 'public',
  'auth.logout': 'signed-in',
  'auth.logoutEverywhere': 'signed-in',
  'auth.setLocale': 'signed-in',
  'audit.list': ['admin'],
  'audit.search': ['admin'],
  'audit.exportCsv': ['admin'],
  'account.list': ['admin'],
  'account.byId': ['admin'],
  'account.change': ['admin'],
  'account.deactivate': ['admin'],
  'account.reactivate': ['admin'],
  'account.pendingInvitations': ['admin'],
  'account.resendInvitation': ['admin'],
  'account.revokeInvitation': ['admin'],
  'invitation.create': ['admin', 'facilitator'],
  'invitation.list': ['admin', 'facilitator'],
  'invitation.byToken': 'public',
  'invitation.accept': 'public',
  'accountSetup.byToken': 'public',
  'accountSetup.complete': 'public',
  'organization.list': ['admin', 'facilitator'],
  'organization.adminList': ['admin'],
  'organization.byId': ['admin'],
  'organization.create': ['admin'],
  'organization.update': ['admin'],
  'organization.deactivate': ['admin'],
  'organization.reactivate': ['admin'],
  'submission.create': ['submitter'],
  'submission.mine': ['submitter'],
  'submission.receipt': ['submitter'],
  'submission.list': ['facilitator'],
  'submission.byId': ['facilitator'],
  'submission.facets': ['facilitator'],
  'report.listPublished': ['commission', 'facilitator'],
  'report.list': ['commission', 'facilitator'],
  'report.view': ['commission', 'facilitator'],
  'report.create': ['facilitator'],
  'report.draft': ['facilitator'],
  'report.update': ['facilitator'],
  'report.addTheme': ['facilitator'],
  'report.removeTheme': ['facilitator'],
  'report.moveTheme': ['facilitator'],
  'report.updateTheme': ['facilitator'],
  'report.publish': ['facilitator'],
  'report.reviewQuote': ['facilitator'],
  'report.exportCsv': ['commission', 'facilitator'],
  'report.exportPdf': ['commission', 'facilitator'],
  'report.print': ['commission', 'facilitator'],
  'report.comment': ['commission'],
  'report.reply': ['commission', 'facilitator'],
  'guidance.list': ['commission', 'facilitator'],
  'guidance.byId': ['commission'],
  'guidance.themeOptions': ['commission'],
  'guidance.create': ['commission'],
  'guidance.update': ['commission'],
  'publicPage.list': 'public',
  'tag.list': ['facilitator'],
  'tag.codebook': ['facilitator'],
  'tag.create': ['facilitator'],
  'tag.update': ['facilitator'],
  'tag.move': ['facilitator'],
  'tag.merge': ['facilitator'],
  'tag.retire': ['facilitator'],
  'tag.unretire': ['facilitator'],
  'tagging.add': ['facilitator'],
  'tagging.remove': ['facilitator'],
  'tagging.bulkAdd': ['facilitator'],
  'suggestion.list': ['facilitator'],
  'suggestion.accept': ['facilitator'],
  'suggestion.reject': ['facilitator'],
  'suggestion.train': ['facilitator'],
  'suggestion.model': ['facilitator'],
  'agreement.coders': ['facilitator'],
  'agreement.list': ['facilitator'],
  'agreement.create': ['facilitator'],
  'agreement.queue': ['facilitator'],
  'agreement.code': ['facilitator'],
  'agreement.results': ['facilitator'],
  'import.upload': ['submitter', 'facilitator'],
  'import.preview': ['submitter', 'facilitator'],
  'import.errorRows': ['submitter', 'facilitator'],
  'import.commit': ['submitter', 'facilitator'],
  'import.status': ['submitter', 'facilitator'],
  'submission.reveal': ['facilitator'],
  'submission.withdraw': ['submitter'],
  'submission.correct': ['submitter'],
  'intakeLink.create': ['facilitator'],
  'intakeLink.list': ['facilitator'],
  'intakeLink.close': ['facilitator'],
  'intakeLink.byToken': 'public',
  'intakeLink.submit': 'public',
  'moderation.queue': ['facilitator'],
  'moderation.state': ['facilitator'],
  'moderation.accept': ['facilitator'],
  'moderation.hide': ['facilitator'],
  'moderation.merge': ['facilitator'],
  'run.start': ['facilitator'],
  'run.list': ['facilitator'],
  'run.byId': ['facilitator'],
  'run.cancel': ['facilitator'],
  'run.rerun': ['facilitator'],
  'run.split': ['facilitator'],
  'run.clusters': ['facilitator'],
  'run.members': ['facilitator'],
  'theme.list': ['facilitator'],
  'theme.byId': ['facilitator'],
  'theme.members': ['facilitator'],
  'theme.quotable': ['facilitator'],
  'theme.history': ['facilitator'],
  'theme.createFromCluster': ['facilitator'],
  'theme.createFromTag': ['facilitator'],
  'theme.merge': ['facilitator'],
  'theme.moveMembers': ['facilitator'],
  'theme.removeMembers': ['facilitator'],
  'theme.update': ['facilitator'],
  'theme.approveSummary': ['facilitator'],
  'theme.addQuote': ['facilitator'],
  'theme.translateQuote': ['facilitator'],
  'theme.removeQuote': ['facilitator'],
  'theme.moveQuote': ['facilitator'],
  'theme.archive': ['facilitator'],
}

const env = testEnv()
let db: Db
let close: () => Promise<void>
const users = {} as Record<Role, SessionUser>

beforeAll(async () => {
  ;({ db, close } = await createTestDb())
  const org = await makeOrganization(db)
  for (const role of ROLES) users[role] = await makeUser(db, role, role === 'submitter' ? org.id : null)
})
afterAll(() => close())

const procedures = Object.keys((appRouter as unknown as { _def: { procedures: Record<string, unknown> } })._def.procedures).sort()

/** Calls a procedure by path with an empty input; returns the refusal, if it was one. */
async function attempt(user: SessionUser | null, path: string): Promise<'denied' | 'allowed'> {
  const caller = callerFor(db, env, user) as unknown as Record<string, Record<string, (input?: unknown) => Promise<unknown>>>
  const [router, name] = path.split('.') as [string, string]
  try {
    await caller[router]![name]!({})
    return 'allowed'
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error
    // Role middleware answers before input validation; a service's own refusal uses other messages.
    if (error.code === 'UNAUTHORIZED' && error.message === 'errors.unauthorized') return 'denied'
    if (error.code === 'FORBIDDEN' && error.message === 'errors.forbidden') return 'denied'
    return 'allowed' // got past authorization (then failed on input, not found, …)
  }
}

describe('authorization matrix', () => {
  it('every procedure has a rule, and every rule a procedure', () => {
    expect(procedures.filter((p) => !(p in RULES))).toEqual([])
    expect(Object.keys(RULES).filter((p) => !procedures.includes(p))).toEqual([])
  })

  for (const path of Object.keys(RULES)) {
    it(`${path}: ${JSON.stringify(RULES[path])}`, async () => {
      const rule = RULES[path]!
      for (const who of [null, ...ROLES] as const) {
        const expected = rule === 'public' ? 'allowed' : who === null ? 'denied' : rule === 'signed-in' || rule.includes(who) ? 'allowed' : 'denied'
        const got = await attempt(who ? users[who] : null, path)
        expect({ who: who ?? 'anonymous', got }).toEqual({ who: who ?? 'anonymous', got: expected })
      }
    })
  }
})
