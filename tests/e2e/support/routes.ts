/**
 * Every page route that takes a form (each app/routes file with an action), as a
 * URL with made-up parameters, and whether a signed-out visitor may post to it.
 * app/.server/form.test.ts checks that this list names every such file.
 */
export const FORM_ROUTES: { file: string; path: string; signedOut?: true }[] = [
  { file: 'admin.accounts.tsx', path: '/admin/accounts' },
  { file: 'admin.audit_.export.tsx', path: '/admin/audit/export' },
  { file: 'admin.organizations.$id.tsx', path: '/admin/organizations/00000000-0000-4000-8000-000000000000' },
  { file: 'admin.organizations._index.tsx', path: '/admin/organizations' },
  { file: 'commission.guidance.$id.tsx', path: '/commission/guidance/00000000-0000-4000-8000-000000000000' },
  { file: 'commission.guidance._index.tsx', path: '/commission/guidance' },
  { file: 'import.$id.tsx', path: '/import/00000000-0000-4000-8000-000000000000' },
  { file: 'import._index.tsx', path: '/import', signedOut: true },
  { file: 'intake.$token.tsx', path: '/intake/not-a-real-link-token-0123456789', signedOut: true },
  { file: 'invitations.tsx', path: '/invitations' },
  { file: 'invite.$token.tsx', path: '/invite/not-a-real-invitation-token-0123456789', signedOut: true },
  { file: 'login.tsx', path: '/login', signedOut: true },
  { file: 'logout.tsx', path: '/logout' },
  { file: 'org.receipts.$code.tsx', path: '/org/receipts/ABC-DEF-GHJ' },
  { file: 'org.submit.tsx', path: '/org/submit' },
  { file: 'reports.$id.tsx', path: '/reports/00000000-0000-4000-8000-000000000000' },
  { file: 'set-language.tsx', path: '/set-language', signedOut: true },
  { file: 'setup.$token.tsx', path: '/setup/not-a-real-setup-token-0123456789', signedOut: true },
  { file: 'workspace._index.tsx', path: '/workspace' },
  { file: 'workspace.agreement.$id_.code.tsx', path: '/workspace/agreement/00000000-0000-4000-8000-000000000000/code' },
  { file: 'workspace.agreement._index.tsx', path: '/workspace/agreement' },
  { file: 'workspace.codebook.tsx', path: '/workspace/codebook' },
  { file: 'workspace.intake-links.tsx', path: '/workspace/intake-links' },
  { file: 'workspace.moderation.tsx', path: '/workspace/moderation' },
  { file: 'workspace.reports.$id.tsx', path: '/workspace/reports/00000000-0000-4000-8000-000000000000' },
  { file: 'workspace.reports._index.tsx', path: '/workspace/reports' },
  { file: 'workspace.runs.$id.tsx', path: '/workspace/runs/00000000-0000-4000-8000-000000000000' },
  { file: 'workspace.runs._index.tsx', path: '/workspace/runs' },
  { file: 'workspace.submissions.$id.tsx', path: '/workspace/submissions/00000000-0000-4000-8000-000000000000' },
  { file: 'workspace.themes.$id.tsx', path: '/workspace/themes/00000000-0000-4000-8000-000000000000' },
  { file: 'workspace.themes._index.tsx', path: '/workspace/themes' },
]
