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

/** Lower case, accents removed, letters and digits only: "María_González" → "mariagonzalez". */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '')
}

/** The words a person's password must not be made of: the email's local part and their name, whole and in parts, and the app's name. */
function personalWords(email: string | undefined, name: string | undefined): string[] {
  const words = new Set<string>(['voces'])
  for (const source of [email?.split('@')[0], name]) {
    if (!source) continue
    const parts = source
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .map((p) => p.replace(/\d+/g, ''))
      .filter((p) => p.length >= 2)
    for (const part of parts) words.add(part)
    const whole = fold(source).replace(/\d+/g, '')
    if (whole.length >= 3) words.add(whole)
  }
  return [...words]
}

/** True when `letters` is nothing but these words, in any order, any number of times. */
function madeOf(letters: string, words: string[]): boolean {
  const reachable = new Array<boolean>(letters.length + 1).fill(false)
  reachable[0] = true
  for (let at = 0; at < letters.length; at++) {
    if (!reachable[at]) continue
    for (const word of words) if (letters.startsWith(word, at)) reachable[at + word.length] = true
  }
  return reachable[letters.length]!
}

/**
 * The i18n key of what is wrong with the password, or null when it is acceptable.
 * Personal (issue 13, finding 8): the password holds the email's local part or
 * the person's full name (accents, case and separators aside), or its letters
 * are only words of them and of the app's name, with digits and symbols around
 * or between ("ana.organizer2026", "gonzalez.maria.85!!", "2026!AnaOrganizer").
 */
export function passwordProblem(password: string, email?: string, name?: string): 'errors.passwordCommon' | 'errors.passwordPersonal' | null {
  const lower = password.toLowerCase()
  const list = commonPasswords()
  // The core once digits, symbols and spaces around it are removed: "Sunshine2024!!" → "sunshine".
  const core = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '')
  if (list.has(lower) || list.has(lower.replace(/\s+/g, '')) || (core.length >= 4 && list.has(core))) return 'errors.passwordCommon'
  if (/^(.)\1*$/u.test(password) || /^(.{1,4})\1+$/u.test(lower)) return 'errors.passwordCommon'
  const folded = fold(password)
  for (const whole of [email?.split('@')[0], name].map((v) => (v ? fold(v) : ''))) {
    if (whole.length >= 4 && folded.includes(whole)) return 'errors.passwordPersonal'
  }
  if (folded.includes('voces')) return 'errors.passwordPersonal'
  const letters = folded.replace(/\d+/g, '')
  if (letters.length > 0 && madeOf(letters, personalWords(email, name))) return 'errors.passwordPersonal'
  return null
}
