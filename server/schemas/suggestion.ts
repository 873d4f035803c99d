import { z } from 'zod'

// Suggested tags: listed per submission, accepted or rejected by a person.

export const SuggestionIdSchema = z.object({ id: z.uuid() })
export const SuggestionListSchema = z.object({ submissionId: z.uuid() })
