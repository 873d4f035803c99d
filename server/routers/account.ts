import { adminProcedure, router } from '../trpc'
import { AccountChangeSchema, AccountIdSchema, AccountListSchema, InvitationIdSchema } from '../schemas/account'
import { changeAccount, findAccount, deactivateAccount, pendingInvitations, reactivateAccount, resendInvitation, revokeInvitation, searchAccounts } from '../services/account'

/** Account administration: admins only (PRODUCT.md: admins manage organizations and accounts). */
export const accountRouter = router({
  list: adminProcedure.input(AccountListSchema).query(({ ctx, input }) => searchAccounts(ctx.db, input)),
  byId: adminProcedure.input(AccountIdSchema).query(({ ctx, input }) => findAccount(ctx.db, input.userId)),
  change: adminProcedure.input(AccountChangeSchema).mutation(({ ctx, input }) => changeAccount(ctx.db, ctx.user, input, ctx.now)),
  deactivate: adminProcedure.input(AccountIdSchema).mutation(({ ctx, input }) => deactivateAccount(ctx.db, ctx.user, input.userId, ctx.now)),
  reactivate: adminProcedure.input(AccountIdSchema).mutation(({ ctx, input }) => reactivateAccount(ctx.db, ctx.user, input.userId, ctx.now)),
  pendingInvitations: adminProcedure.query(({ ctx }) => pendingInvitations(ctx.db)),
  resendInvitation: adminProcedure.input(InvitationIdSchema).mutation(({ ctx, input }) => resendInvitation(ctx.db, ctx.user, input.invitationId, ctx.now)),
  revokeInvitation: adminProcedure.input(InvitationIdSchema).mutation(({ ctx, input }) => revokeInvitation(ctx.db, ctx.user, input.invitationId, ctx.now)),
})
