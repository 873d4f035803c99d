import { adminProcedure, router, staffProcedure } from '../trpc'
import { OrganizationCreateSchema, OrganizationIdSchema, OrganizationUpdateSchema } from '../schemas/organization'
import {
  createOrganization,
  deactivateOrganization,
  editOrganization,
  getOrganization,
  listOrganizations,
  listOrganizationsForAdmin,
  reactivateOrganization,
} from '../services/organization'

export const organizationRouter = router({
  list: staffProcedure.query(({ ctx }) => listOrganizations(ctx.db)),

  adminList: adminProcedure.query(({ ctx }) => listOrganizationsForAdmin(ctx.db)),
  byId: adminProcedure.input(OrganizationIdSchema).query(({ ctx, input }) => getOrganization(ctx.db, input.id)),
  create: adminProcedure.input(OrganizationCreateSchema).mutation(({ ctx, input }) => createOrganization(ctx.db, ctx.user, input)),
  update: adminProcedure.input(OrganizationUpdateSchema).mutation(({ ctx, input }) => editOrganization(ctx.db, ctx.user, input)),
  deactivate: adminProcedure.input(OrganizationIdSchema).mutation(({ ctx, input }) => deactivateOrganization(ctx.db, ctx.user, input.id, ctx.now)),
  reactivate: adminProcedure.input(OrganizationIdSchema).mutation(({ ctx, input }) => reactivateOrganization(ctx.db, ctx.user, input.id)),
})
