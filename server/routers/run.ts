import { facilitatorProcedure, router } from '../trpc'
import { RunClusterSchema, RunIdSchema, RunListSchema, RunMembersSchema, RunSplitSchema, RunStartSchema } from '../schemas/run'
import { cancelRun, getClusterMembers, getRun, getRunClusters, listRunsPage, rerun, splitCluster, startRun } from '../services/clustering-run'

export const runRouter = router({
  /** Queues a clustering run over a filtered set of submissions (background job). */
  start: facilitatorProcedure.input(RunStartSchema).mutation(({ ctx, input }) => startRun(ctx.db, ctx.user.id, input, ctx.now)),

  list: facilitatorProcedure.input(RunListSchema).query(({ ctx, input }) => listRunsPage(ctx.db, input)),

  /** Parameters, job status, phase and progress; runs with the same parameters for comparison. */
  byId: facilitatorProcedure.input(RunIdSchema).query(({ ctx, input }) => getRun(ctx.db, input.id)),

  cancel: facilitatorProcedure.input(RunIdSchema).mutation(({ ctx, input }) => cancelRun(ctx.db, ctx.user.id, input.id, ctx.now)),

  /** Starts a new run with the same parameters (filter, k, seed, engine options). */
  rerun: facilitatorProcedure.input(RunIdSchema).mutation(({ ctx, input }) => rerun(ctx.db, ctx.user.id, input.id, ctx.now)),

  /** Re-clusters one cluster's members in a child run. */
  split: facilitatorProcedure.input(RunSplitSchema).mutation(({ ctx, input }) => splitCluster(ctx.db, ctx.user.id, input, ctx.now)),

  clusters: facilitatorProcedure.input(RunIdSchema).query(({ ctx, input }) => getRunClusters(ctx.db, input.id)),

  members: facilitatorProcedure.input(RunMembersSchema).query(({ ctx, input }) => getClusterMembers(ctx.db, input)),
})
