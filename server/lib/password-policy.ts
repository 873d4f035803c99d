/**
 * Server-only password checks beyond the length the form schema enforces:
 * refuse passwords on a list of 49,000 common ones (@zxcvbn-ts/language-common,
 * MIT), also when only digits or symbols were added around a common word, and
 * passwords built from the account's own email. Never imported by browser code
 * (the list is 1.9 MB).
 */
import { dictionary } from '@zxcvbn-ts/language-common'

let common: Set<string> | undefined

function commonPasswords(): Set<string> {
  common ??= new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()))
  return common
}

/** The i18n key of what is wrong with the password, or null when it is acceptable. */
export function passwordProblem(password: string, email?: string): 'errors.passwordCommon' | 'errors.passwordPersonal' | null {
  const lower = password.toLowerCase()
  const list = commonPasswords()
  // The core once digits, symbols and spaces around it are removed: "Sunshine2024!!" → "sunshine".
  const core = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '')
  if (list.has(lower) || list.has(lower.replace(/\s+/g, '')) || (core.length >= 4 && list.has(core))) return 'errors.passwordCommon'
  if (/^(.)\1*$/u.test(password) || /^(.{1,4})\1+$/u.test(lower)) return 'errors.passwordCommon'
  const local = email?.split('@')[0]?.toLowerCase()
  if (local && local.length >= 4 && lower.includes(local)) return 'errors.passwordPersonal'
  if (lower.includes('voces')) return 'errors.passwordPersonal'
  return null
}
