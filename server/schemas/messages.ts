import { z } from 'zod'

// Every validation message is a translation key ("errors.*"), shown in the
// user's language. Schemas name their own key where the field needs a
// specific one ("errors.month"); for everything else (an id that is not a
// uuid, a number out of range, a key that should not be there) zod's English
// default is replaced by the closest general key below. Imported for its
// effect by server/trpc.ts and by the schemas, so the browser's form
// validation gets the same keys.

export function defaultIssueKey(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'errors.required' : 'errors.invalid'
    case 'too_big':
      return issue.origin === 'string' || issue.origin === 'array' ? 'errors.tooLong' : 'errors.invalid'
    case 'too_small':
      if (issue.origin === 'string' || issue.origin === 'array') return Number(issue.minimum) <= 1 ? 'errors.required' : 'errors.tooShort'
      return 'errors.invalid'
    case 'invalid_value':
      return 'errors.choose'
    default:
      return 'errors.invalid'
  }
}

z.config({ customError: defaultIssueKey })
