/**
 * Detectors for personal details with a recognisable shape: e-mail, URL and
 * handles, phone, SSN, A-number, plate, card, ID numbers, dates of birth and
 * street addresses. Each returns candidates with offsets into the input.
 */
import { caseInsensitivePattern } from './case-insensitive'
import { allMatches } from './matches'
import { PRIORITY, type Candidate, type EntityType } from './types'

const DASH = '\\-‐‑‒–—'
/** One separator inside a number: a dash, dot, slash or spaces, with optional spaces around. */
const SEP = `(?:[ \\t]*[${DASH}./][ \\t]*|[ \\t]+)`
const NOT_WORD_BEFORE = '(?<![\\p{L}\\p{N}])'
const NOT_WORD_AFTER = '(?![\\p{L}\\p{N}])'

/**
 * The ASCII digits of the text (what \d matches, with or without u). Each
 * detector below but the contacts' can only report a span with some number of
 * digits in it; most testimony has no digit at all, so they return at once
 * rather than scan for shapes that cannot be there. findEntities counts once
 * for all of them.
 */
export function countDigits(text: string): number {
  let digits = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c >= 0x30 && c <= 0x39) digits++
  }
  return digits
}

function candidate(type: EntityType, start: number, end: number): Candidate {
  return { type, start, end, priority: PRIORITY[type] }
}

function digitsOf(s: string): string {
  return s.replace(/\D+/g, '')
}

const ABBREVIATIONS = new Set(['no', 'nº', 'num', 'núm', 'apt', 'mr', 'mrs', 'ms', 'dr', 'st', 'ave', 'sr', 'sra', 'lic', 'tel', 'cel', 'depto', 'ext', 'blvd', 'dob', 'nac', 'ss', 'ref', 'a', 'b', 'o'])

const SENTENCE_BREAK = /[.!?;]\s+|\n/g

/** Up to `width` characters before `index`, within the same sentence. */
function before(text: string, index: number, width: number): string {
  const window = text.slice(Math.max(0, index - width), index)
  const breaks = allMatches(SENTENCE_BREAK, window).filter((m) => {
    if (m[0] === '\n') return true
    const word = window.slice(0, m.index).match(/[\p{L}\p{N})]+$/u)?.[0] ?? ''
    // "Apt. 5", "D.O.B. 3/4/85", "No. 123" are not the end of a sentence.
    return word.length >= 2 && !ABBREVIATIONS.has(word.toLowerCase())
  })
  const last = breaks.at(-1)
  return last ? window.slice(last.index + last[0].length) : window
}

/** Trim trailing punctuation a sentence put after a match. */
function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /[.,;:!?)\]'"’”]/.test(text[end - 1])) end--
  return end
}

// ---------------------------------------------------------------- e-mail, URL, handles

const EMAIL = new RegExp(
  `(?<![\\p{L}\\p{N}._%+-])[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.\\p{L}{2,}${NOT_WORD_AFTER}`,
  'gu',
)
/** "juanp at gmail dot com", "maria arroba hotmail punto com". */
const SPOKEN_EMAIL =
  /(?<![\p{L}\p{N}._-])[\p{L}\p{N}._-]{2,}\s*(?:\(at\)|\[at\]|\bat\b|\barroba\b|@)\s*(?:gmail|yahoo|hotmail|outlook|icloud|aol|live|msn|proton(?:mail)?)\s*(?:\(dot\)|\[dot\]|\bdot\b|\bpunto\b|\.)\s*(?:com|net|org|mx|es)\b/giu

const URL_EXPLICIT = /(?<![\p{L}\p{N}@])(?:https?:\/\/|www\.)[^\s<>"'()]+/giu
const URL_BARE =
  /(?<![\p{L}\p{N}@._%+-])(?:[a-z0-9-]+\.)+(?:com|org|net|io|me|co|mx|us|ly|gl|tv|app|info|gov|edu|page|link)(?:\/[^\s<>"'()]*)?(?![\p{L}\p{N}@])/giu

/** Sites of public bodies: pointing at them identifies no one. */
const PUBLIC_HOSTS =
  /(?:^|\.)(?:[a-z0-9-]+\.gov|[a-z0-9-]+\.mil|lacity\.org|lapdonline\.org|lacounty\.gov|ca\.gov|chirla\.org|carecen-la\.org|211la\.org|ready\.lacounty\.gov|uscis\.gov|ice\.gov|dhs\.gov|cbp\.gov|justice\.gov)$/i

function hostOf(url: string): string {
  return url
    .replace(/^https?:\/\//i, '')
    .replace(/^www\./i, '')
    .split(/[/?#]/)[0]
    .toLowerCase()
}

const HANDLE = /(?<![\p{L}\p{N}._%+-])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?(?![\p{L}\p{N}@])/gu
/** Handles of agencies and officials: public accounts, kept. */
const PUBLIC_HANDLE = /^@(?:lapd|icegov|ice_|dhs|cbp|uscis|mayor|lacity|lacounty|lasd|chirla|carecen|potus|whitehouse|cagovernor|gavinnewsom|karenbass|bassla)/i
const HANDLE_CUE = caseInsensitivePattern(
  /\b(?:instagram|insta|ig|facebook|fb|tiktok|tik tok|twitter|snapchat|snap|telegram|threads)\b(?:\s+(?:account|handle|user(?:name)?|page|cuenta|usuario|perfil|is|es|was|era|de|as|como))*\s*[:\-]?\s*@?([A-Za-z0-9_.]{3,30}[A-Za-z0-9_])/
    .source,
)

// What each pattern cannot match without, looked for first because most texts have none of it.
const SPOKEN_EMAIL_PROVIDER = caseInsensitivePattern('gmail|yahoo|hotmail|outlook|icloud|aol|live|msn|proton', '')
const URL_EXPLICIT_START = caseInsensitivePattern('https?://|www\\.', '')
const URL_BARE_END = caseInsensitivePattern('\\.(?:com|org|net|io|me|co|mx|us|ly|gl|tv|app|info|gov|edu|page|link)', '')

export function findContacts(text: string): Candidate[] {
  const out: Candidate[] = []
  const at = text.includes('@')
  if (at) for (const m of allMatches(EMAIL, text)) out.push(candidate('EMAIL', m.index, m.index + m[0].length))
  if (SPOKEN_EMAIL_PROVIDER.for(text).test(text)) for (const m of allMatches(SPOKEN_EMAIL, text)) out.push(candidate('EMAIL', m.index, m.index + m[0].length))
  const urls = [URL_EXPLICIT_START.for(text).test(text) ? URL_EXPLICIT : null, URL_BARE_END.for(text).test(text) ? URL_BARE : null]
  for (const re of urls) {
    if (!re) continue
    for (const m of allMatches(re, text)) {
      const end = trimEnd(text, m.index, m.index + m[0].length)
      const url = text.slice(m.index, end)
      if (PUBLIC_HOSTS.test(hostOf(url))) continue
      out.push(candidate('URL', m.index, end))
    }
  }
  if (at) {
    for (const m of allMatches(HANDLE, text)) {
      if (PUBLIC_HANDLE.test(m[0])) continue
      out.push(candidate('URL', m.index, m.index + m[0].length))
    }
  }
  for (const m of allMatches(HANDLE_CUE.for(text), text)) {
    const handle = m[1]
    const start = m.index + m[0].length - handle.length
    const atSign = text[start - 1] === '@'
    // A plain word after "on facebook" is not a handle; one with digits, dots or underscores is.
    if (!atSign && !/[\d_.]/.test(handle)) continue
    const from = atSign ? start - 1 : start
    if (PUBLIC_HANDLE.test('@' + handle)) continue
    out.push(candidate('URL', from, trimEnd(text, from, start + handle.length)))
  }
  return out
}

// ---------------------------------------------------------------- phone

const PHONE_CUE =
  /(?:(?<![a-z])(?:phone|cell|celular|m[óo]vil|mobile|tel[ée]fono|telefax|n[úu]mero|number|call|llam|marc|marqu|whatsapp|texto|mensaje|contact|contacto|reach|reached|dial|(?:cel|tel|fax|ph|num|wsp|wa|text)(?![a-z]))|#)\W{0,12}(?:\S+\W+){0,6}$/i

const US_PHONE = caseInsensitivePattern(
  `(?<![\\d+${DASH}])(?:\\+?1${SEP}?)?(?:\\(\\s*\\d{3}\\s*\\)[ \\t]*[${DASH}.]?[ \\t]*|\\d{3}${SEP})\\d{3}${SEP}\\d{4}(?:[ \\t]*(?:ext\\.?|x|extensi[óo]n)[ \\t]*\\d{1,5})?(?![\\d${DASH}])`,
)
/** 323-5550199, (323) 5550199. */
const AREA_SEVEN = new RegExp(`(?<![\\d+${DASH}])\\(?[2-9]\\d{2}\\)?${SEP}?\\d{7}(?![\\d${DASH}])`, 'g')
const BARE_TEN = /(?<![\d+\-–—./])(?:\+?1)?[2-9]\d{9}(?![\d\-–—/])/g
const INTERNATIONAL = new RegExp(
  `(?:\\+|\\b00|\\b011)[ \\t]?\\(?\\d{1,4}\\)?(?:${SEP}?\\(?\\d{1,8}\\)?){1,6}(?!\\d)`,
  'g',
)
/** Mexican local formats: 55 1234 5678, with the old mobile prefix 044/045 too; 3312-3456-78 is not one. */
const TWO_FOUR_FOUR = new RegExp(`(?<![\\d${DASH}])(?:0(?:44|45)${SEP})?(?:\\(\\d{2}\\)[ \\t]*|\\d{2}${SEP})\\d{4}${SEP}\\d{4}(?![\\d${DASH}])`, 'g')
const SEVEN = new RegExp(`(?<![\\d${DASH}.])\\d{3}(?:[ \\t]*[${DASH}.][ \\t]*|[ \\t])\\d{4}(?![\\d${DASH}])`, 'g')
const EIGHT_CENTRAL_AMERICA = new RegExp(`(?<![\\d${DASH}.])\\d{4}[${DASH} ]\\d{4}(?![\\d${DASH}])`, 'g')
/** Seven to twelve digits in a row: a phone only after a phone cue ("mi teléfono es 5550147", "wsp 97651363"). */
const BARE_RUN = /(?<![\p{L}\p{N}+\-–—./,$])\d{7,12}(?![\p{L}\p{N}]|[.,]\d)/gu
/**
 * Spain's nine digits (landlines 8 and 9, mobiles 6 and 7) in the groupings people write:
 * 913 444 111, 612 34 56 78, 91 234 56 78, 919-159-376.
 */
const SPAIN_NINE = new RegExp(
  `(?<![\\d${DASH}.,$])(?:[6-9]\\d{2}(?:([ .${DASH}])\\d{3}\\1\\d{3}|([ .])\\d{2}\\2\\d{2}\\2\\d{2})|[6-9]\\d([ .])\\d{3}\\3\\d{2}\\3\\d{2})(?![\\d${DASH}]|[.,]\\d)`,
  'g',
)
/** A country code in brackets before eight digits (Central America): (504) 9037-3441. */
const BRACKETED_CODE_EIGHT = new RegExp(`\\(\\d{3}\\)[ \\t]*\\d{4}[${DASH} .]?\\d{4}(?![\\d${DASH}])`, 'g')

export function findPhones(text: string, textDigits = countDigits(text)): Candidate[] {
  if (textDigits < 7) return [] // a phone has seven digits or more
  const out: Candidate[] = []
  for (const m of allMatches(US_PHONE.for(text), text)) out.push(candidate('PHONE', m.index, m.index + m[0].length))
  for (const m of allMatches(AREA_SEVEN, text)) out.push(candidate('PHONE', m.index, m.index + m[0].length))
  for (const m of allMatches(BARE_TEN, text)) out.push(candidate('PHONE', m.index, m.index + m[0].length))
  for (const m of allMatches(INTERNATIONAL, text)) {
    // The digits after the international prefix (+, 00 or 011): a country code and a national number.
    const d = digitsOf(m[0].replace(/^\s*(?:\+|011|00)/, ''))
    if (d.length >= 10 && d.length <= 15) out.push(candidate('PHONE', m.index, m.index + m[0].length))
  }
  for (const re of [TWO_FOUR_FOUR, SPAIN_NINE, BRACKETED_CODE_EIGHT]) {
    for (const m of allMatches(re, text)) out.push(candidate('PHONE', m.index, m.index + m[0].length))
  }
  for (const re of [SEVEN, EIGHT_CENTRAL_AMERICA, BARE_RUN]) {
    for (const m of allMatches(re, text)) {
      if (PHONE_CUE.test(before(text, m.index, 60))) out.push(candidate('PHONE', m.index, m.index + m[0].length))
    }
  }
  return out
}

// ---------------------------------------------------------------- SSN, A-number, card, ID

const SSN_CUE = /(?:ssn|s\.s\.n\.?|ss ?#|s\.s\. ?#|soc\.? sec|ss number|social security|social|seguro social|seguro|itin|tax id)\W{0,6}(?:\S+\W+){0,5}$/i
const SSN_CUE_WORD = /(?:ssn|s\.s\.n\.?|ss ?#|s\.s\. ?#|soc\.? sec|ss number|social security|social|seguro social|seguro|itin|tax id)/i
const SSN_DASHED = new RegExp(`(?<![\\d${DASH}])\\d{3}[${DASH}]\\d{2}[${DASH}]\\d{4}(?![\\d${DASH}])`, 'g')
const SSN_SPACED = /(?<![\d.])\d{3}[ .]\d{2}[ .]\d{4}(?![ .]?\d)/g
/** Nine digits in any grouping (123 456 789, 12345-6789, 123 - 45 - 6789): an SSN after an SSN cue. */
const NINE_GROUPED = new RegExp(`(?<![\\p{L}\\p{N}${DASH}.])\\d(?:(?:[ \\t]*[${DASH}.][ \\t]*|[ \\t]+)?\\d){8}(?![\\p{L}\\p{N}]|[${DASH}.]\\d)`, 'gu')

export function findSsns(text: string, textDigits = countDigits(text)): Candidate[] {
  if (textDigits < 9) return [] // an SSN has nine
  const out: Candidate[] = []
  for (const m of allMatches(SSN_DASHED, text)) out.push(candidate('SSN', m.index, m.index + m[0].length))
  for (const m of allMatches(SSN_SPACED, text)) out.push(candidate('SSN', m.index, m.index + m[0].length))
  for (const m of allMatches(NINE_GROUPED, text)) {
    // The cue must name this number: no other number between ("el social 440-01-3022, Madrid: 78 978 27 48").
    const window = before(text, m.index, 50)
    const cue = lastMatch(window, SSN_CUE_WORD)
    if (cue !== null && !/\d/.test(window.slice(cue)) && SSN_CUE.test(window)) out.push(candidate('SSN', m.index, m.index + m[0].length))
  }
  return out
}

const A_DIGITS = `\\d(?:[ ${DASH}]?\\d){6,8}`
/** A123456789, A-123-456-789, A# 12345678, A 123 456 789. */
const A_PREFIXED = new RegExp(
  `${NOT_WORD_BEFORE}(?:A[ \\t]*(?:#|No\\.?|[${DASH}:.]){0,2}|a[ \\t]?[#${DASH}]:?|a(?=\\d{9}(?!\\d)))[ \\t]*${A_DIGITS}(?![\\d])`,
  'gu',
)
const A_CUED = caseInsensitivePattern(
  `(?:\\bA[ ${DASH}]?(?:number|num|no|#)\\.?|alien (?:registration )?(?:number|no\\.?|#)|registration number|n[úu]mero (?:de )?(?:A|alien|extranjero|registro(?: de extranjero)?)\\b|\\bUSCIS (?:number|#|no\\.?))[ \\t]*(?:is|es|was|era|de|:|#|-|\\(|\\s)*[ \\t]*(A?[ ${DASH}#]?[ \\t]?${A_DIGITS})(?!\\d)`,
  'gd',
)

export function findANumbers(text: string, textDigits = countDigits(text)): Candidate[] {
  if (textDigits < 7) return [] // an A-number has seven to nine
  const out: Candidate[] = []
  for (const m of allMatches(A_PREFIXED, text)) {
    const n = digitsOf(m[0]).length
    if (n < 7 || n > 9) continue
    // After an ID cue ("licencia A7654321", "my id A 201 555 301") it is that document's number: still redacted, as an ID.
    out.push(candidate(idCueBefore(text, m.index) ? 'ID' : 'A_NUMBER', m.index, m.index + m[0].length))
  }
  for (const m of allMatches(A_CUED.for(text), text)) {
    const [start, end] = m.indices![1]
    const n = digitsOf(m[1]).length
    if (n >= 7 && n <= 9) out.push(candidate('A_NUMBER', start, end))
  }
  return out
}

function luhn(digits: string): boolean {
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48
    if (i % 2 === 1) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return sum % 10 === 0
}

const CARD_RUN = new RegExp(`(?<![\\d+${DASH}])\\d(?:[ ${DASH}]?\\d){12,18}(?![\\d])`, 'g')
/** How card numbers are printed: in one run, in fours (the last group 1–4), or 4-6-5 / 4-6-4 (Amex, Diners). */
const CARD_GROUPING = new RegExp(`^(?:\\d{13,19}|\\d{4}(?:[ ${DASH}]\\d{4}){2,3}(?:[ ${DASH}]\\d{1,4})?|\\d{4}[ ${DASH}]\\d{6}[ ${DASH}]\\d{4,5})$`)
const CARD_CUE = /(?:card|tarjeta|visa|master ?card|amex|american express|discover|d[ée]bito|cr[ée]dito|debit|credit|ebt)\W{0,6}(?:\S+\W+){0,4}$/i

export function findCards(text: string, textDigits = countDigits(text)): Candidate[] {
  if (textDigits < 13) return [] // a card number has 13 to 19
  const out: Candidate[] = []
  for (const m of allMatches(CARD_RUN, text)) {
    const d = digitsOf(m[0])
    if (d.length < 13 || d.length > 19) continue
    const cued = CARD_CUE.test(before(text, m.index, 50))
    if (!cued && idCueBefore(text, m.index)) continue
    // Without a cue, a Luhn-valid number must also be grouped as cards print it: a phone with its
    // prefixes ("044 55 0727 6993") passes Luhn one time in ten.
    if (!cued && !CARD_GROUPING.test(m[0])) continue
    if (luhn(d) || (cued && d.length >= 15 && d.length <= 16)) out.push(candidate('CARD', m.index, m.index + m[0].length))
  }
  return out
}

const ID_CUE = new RegExp(
  [
    'passport',
    'pasaporte',
    "driver'?s licen[cs]e",
    "driver'?s",
    'licen[cs]e(?!\\s+plate)',
    'licencia(?: de (?:manejo|conducir))?',
    'lic\\.? de (?:manejo|conducir)',
    'carn[eé]t(?: de (?:conducir|identidad))?',
    'permiso de (?:conducir|manejo)',
    '\\bdl ?#',
    '\\bdpi\\b',
    '\\bnie\\b',
    '\\bnss\\b',
    '\\brfc\\b',
    'documento(?: de identidad)?',
    '\\bc?dl\\b',
    'matr[ií]cula(?: consular)?',
    'consular id',
    '\\bid\\b(?: card| number| #| no\\.?)?',
    'identificaci[óo]n',
    'credencial(?: de elector)?',
    '\\bine\\b',
    '\\bcurp\\b',
    '\\bdni\\b',
    'c[ée]dula',
    '\\bdui\\b',
    'receipt(?: number| #| no\\.?)?',
    'case (?:number|#|no\\.?)',
    'n[úu]mero de (?:caso|expediente|recibo|licencia|pasaporte|identificaci[óo]n|matr[ií]cula|reo|detenido)',
    'booking (?:number|#|no\\.?)',
    'inmate (?:number|#|no\\.?)',
    'detainee (?:number|#|no\\.?)',
    'green card',
    'tarjeta de residencia',
    'work permit',
    'permiso de trabajo',
    '\\bead\\b',
    'visa (?:number|#|no\\.?)',
    'folio',
    'expediente',
  ].join('|'),
  'i',
)
const ID_TOKEN = /(?<![\p{L}\p{N}])([A-Z0-9](?:[A-Z0-9]|-(?=[A-Z0-9])){3,19})(?![\p{L}\p{N}])/giu
const ID_GAP =
  /^(?:\s|:|#|-|\.|,|\(|number|numero|número|num|no|is|es|was|era|de|del|my|mi|his|her|su|la|el|the|with|con|card|id|consular|mexican[oa]?|guatemaltec[oa]|salvadoreñ[oa]|hondureñ[oa]|nicaragüense|american[oa]?|u\.?s\.?|estadounidense|foreign|extranjer[oa]|expired|vencid[oa]|old|viej[oa]|new|nuev[oa]|current|actual)*$/i
const CURP = /(?<![\p{L}\p{N}])[A-Z]{4}\d{6}[HM][A-Z]{5}[A-Z0-9]\d(?![\p{L}\p{N}])/gu
const USCIS_RECEIPT = /(?<![\p{L}\p{N}])(?:EAC|WAC|LIN|SRC|NBC|MSC|IOE|YSC|ZLA)\d{10}(?![\p{L}\p{N}])/gu
const CA_DL = /(?<![\p{L}\p{N}])[B-Z]\d{7}(?![\p{L}\p{N}])/gu
/** Digits in groups (5292 23121 8511, 391 517 575, 00935406-3): an ID number only right after an ID cue. */
const ID_GROUPED = new RegExp(`(?<![\\p{L}\\p{N}])[A-Z]?\\d{1,8}(?:(?:[ \\t]?[${DASH}][ \\t]?|[ \\t])\\d{1,8}){1,5}(?:[${DASH}]?[A-Z])?(?![\\p{L}\\p{N}])`, 'gu')
/** "matrícula" alone is also a car's registration (Spain, Mexico): a token with letters after it is a plate. */
const BARE_MATRICULA = /matr[ií]cula(?! consular)(?:\W+(?:es|era|is|was|de|del|number|n[úu]mero|no))*\W*$/i

export function findIds(text: string, textDigits = countDigits(text)): Candidate[] {
  if (textDigits < 4) return [] // an ID token needs four (CURP, receipt and licence numbers more)
  const out: Candidate[] = []
  for (const re of [CURP, USCIS_RECEIPT, CA_DL]) {
    for (const m of allMatches(re, text)) out.push(candidate('ID', m.index, m.index + m[0].length))
  }
  for (const m of allMatches(ID_TOKEN, text)) {
    const token = m[1]
    const digits = digitsOf(token).length
    if (digits < 4 || token.replace(/-/g, '').length < 5) continue
    if (!idCueBefore(text, m.index)) continue
    if (/\p{L}/u.test(token) && BARE_MATRICULA.test(before(text, m.index, 30))) continue
    out.push(candidate('ID', m.index, m.index + token.length))
  }
  for (const m of allMatches(ID_GROUPED, text)) {
    if (digitsOf(m[0]).length < 6 || !idCueBefore(text, m.index)) continue
    out.push(candidate('ID', m.index, m.index + m[0].length))
  }
  return out
}

// ---------------------------------------------------------------- IP addresses

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)'
const IPV4 = new RegExp(`(?<![\\p{L}\\p{N}.])${OCTET}(?:\\.${OCTET}){3}(?![\\p{L}\\p{N}]|\\.\\d)`, 'gu')
/** Hex groups and colons, checked below: eight groups, or fewer with one "::", perhaps ending in IPv4. */
const IPV6 = /(?<![\p{L}\p{N}:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9A-Fa-f]{1,4})?(?![\p{L}\p{N}:]|\.\d)/gu
/** Version numbers look like IPv4 ("version 10.0.19045.1"): not after a version word. */
const VERSION_BEFORE = /(?:version|versi[óo]n|ver\.?|\bv|build|release|firmware|windows|android|ios)\s*$/i

function isIpv6(s: string): boolean {
  const doubles = s.split('::').length - 1
  if (doubles > 1 || !/\d/.test(s)) return false
  const tail4 = /\d{1,3}(?:\.\d{1,3}){3}$/.test(s)
  const groups = s.split(':').filter((g) => g !== '' && !g.includes('.'))
  const total = groups.length + (tail4 ? 2 : 0)
  if (doubles === 0) return total === 8
  const hexDigits = groups.join('').length
  return total <= 7 && (groups.length >= 2 || tail4) && hexDigits >= 4
}

export function findIps(text: string, textDigits = countDigits(text)): Candidate[] {
  if (textDigits < 1) return []
  const out: Candidate[] = []
  if (textDigits >= 4 && text.includes('.')) {
    for (const m of allMatches(IPV4, text)) {
      if (VERSION_BEFORE.test(text.slice(Math.max(0, m.index - 12), m.index))) continue
      out.push(candidate('IP', m.index, m.index + m[0].length))
    }
  }
  if (text.includes(':')) {
    for (const m of allMatches(IPV6, text)) {
      if (isIpv6(m[0])) out.push(candidate('IP', m.index, m.index + m[0].length))
    }
  }
  return out
}

/** An ID cue sits right before `index`, with only connecting words between ("passport number is"). */
function idCueBefore(text: string, index: number): boolean {
  const window = before(text, index, 45)
  const cue = lastMatch(window, ID_CUE)
  return cue !== null && ID_GAP.test(window.slice(cue))
}

/** The global copy of each pattern lastMatch has scanned with, made once rather than on every call. */
const GLOBAL_COPIES = new WeakMap<RegExp, RegExp>()

function lastMatch(s: string, re: RegExp): number | null {
  let global = GLOBAL_COPIES.get(re)
  if (!global) {
    global = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g')
    GLOBAL_COPIES.set(re, global)
  }
  let end: number | null = null
  for (const m of allMatches(global, s)) end = m.index + m[0].length
  return end
}

// ---------------------------------------------------------------- plates

const PLATE_CUE =
  /(?:plates?|placas?|tablillas?|tags?|license|licen[cs]e plate|matr[ií]cula(?: del (?:carro|veh[ií]culo|auto|coche))?|n[úu]mero de placa)\b/i
/** A vehicle named just before a plate-shaped token: "a white Tahoe ABC1234". Upper-case shapes only. */
const VEHICLE_CUE =
  /\b(?:car|cars|truck|trucks|van|vans|suv|SUV|suvs|SUVs|vehicle|vehicles|sedan|pickup|Tahoe|Suburban|Explorer|Charger|Camry|Civic|Silverado|F-150|carro|carros|camioneta|camionetas|troca|trocas|coche|auto|veh[ií]culo|patrulla)\b/
const CA_PLATE = /(?<![\p{L}\p{N}-])\d-?[A-Z]{3}-?\d{3}(?![\p{L}\p{N}])/gu
/** After a plate cue, plates written in lower case count too: "placa 7abc123". */
const PLATE_TOKEN_ANY_CASE = /(?<![\p{L}\p{N}-])[a-z0-9]{1,4}-?[a-z0-9]{1,4}(?:-?[a-z0-9]{1,4})?(?![\p{L}\p{N}])/giu
const PLATE_SHAPE = /(?<![\p{L}\p{N}-])[A-Z0-9]{1,4}(?:[ -]?[A-Z0-9]{1,4}){1,2}(?![\p{L}\p{N}])/gu

/**
 * Is there a stretch of ASCII letters, digits, spaces and hyphens with two
 * digits and a letter in it? Every plate the patterns below report is one
 * (with ſ and K among the letters: /iu takes them for s and k); imported rows
 * often end in a number, such as "(12)", with no letter beside it.
 */
function mayHoldPlate(text: string): boolean {
  let digits = 0
  let letters = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c >= 0x30 && c <= 0x39) digits++
    else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x17f || c === 0x212a) letters++
    else if (c !== 0x20 && c !== 0x2d) {
      digits = 0
      letters = 0
    }
    if (digits >= 2 && letters >= 1) return true
  }
  return false
}

export function findPlates(text: string, textDigits = countDigits(text)): Candidate[] {
  if (textDigits < 2 || !mayHoldPlate(text)) return [] // a plate needs two digits (a California plate four) and a letter
  const out: Candidate[] = []
  for (const m of allMatches(CA_PLATE, text)) out.push(candidate('PLATE', m.index, m.index + m[0].length))
  for (const whole of allMatches(PLATE_SHAPE, text)) {
    // "NY HJK 4567": when three pieces are too long together, the last two may be the plate.
    const rest = whole[0].match(/^\S+ (?=\S+ \S+$)/)
    const tries = rest ? [whole, { index: whole.index + rest[0].length, 0: whole[0].slice(rest[0].length) }] : [whole]
    for (const m of tries) {
    const compact = m[0].replace(/[ -]/g, '')
    if (compact.length < 5 || compact.length > 8) continue
    const digits = digitsOf(compact).length
    if (digits < 2 || digits === compact.length) continue
    // Pieces joined by a space must each carry a digit or be all capitals, or "plates from Texas 3" would pass.
    if (/ /.test(m[0]) && m[0].split(/[ -]/).some((p) => !/\d/.test(p) && p !== p.toUpperCase())) continue
    if (/^\d{1,2}(?:am|pm|st|nd|rd|th|h|hrs|min|mph|lbs|kg|km|mi)$/i.test(compact)) continue
    if (/^(?:19|20)\d{2}[ -]?[A-Z]+$/i.test(m[0])) continue
    if (/^[A-Z]{2}[ -]?\d{5}$/.test(m[0])) continue // a state and a ZIP code: "CA 90033" // a model year and make: "2024 GMC"
    const window = before(text, m.index, 60)
    if (lastMatch(window, PLATE_CUE) === null && lastMatch(window, VEHICLE_CUE) === null) continue
    out.push(candidate('PLATE', m.index, m.index + m[0].length))
    break
    }
  }
  for (const m of allMatches(PLATE_TOKEN_ANY_CASE, text)) {
    const compact = m[0].replace(/-/g, '')
    const digits = digitsOf(compact).length
    if (compact.length < 5 || compact.length > 8 || digits < 2 || digits === compact.length) continue
    if (/^\d{1,2}(?:am|pm|st|nd|rd|th|h|hrs|min|mph|lbs|kg|km|mi)$/i.test(compact)) continue
    if (lastMatch(before(text, m.index, 30), PLATE_CUE) === null) continue
    out.push(candidate('PLATE', m.index, m.index + m[0].length))
  }
  return out
}

// ---------------------------------------------------------------- dates of birth

const MONTHS_EN =
  'Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?'
const MONTHS_ES = 'enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre'
const YEAR = '(?:19|20)\\d{2}'
const DATE_FORMS = [
  `(?<![\\d/.${DASH}])\\d{1,2}[/.${DASH}]\\d{1,2}[/.${DASH}](?:${YEAR}|\\d{2})(?![\\d/])`,
  `(?<!\\d)${YEAR}-\\d{2}-\\d{2}(?!\\d)`,
  `\\b(?:${MONTHS_EN})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+${YEAR})?\\b`,
  `\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?:${MONTHS_EN})\\.?(?:,?\\s+${YEAR})?\\b`,
  `\\b\\d{1,2}\\s+de\\s+(?:${MONTHS_ES})(?:\\s+(?:de|del)\\s+${YEAR})?\\b`,
  `\\b(?:${MONTHS_ES})\\s+\\d{1,2}(?:,?\\s+(?:de\\s+)?${YEAR})?\\b`,
]
const DATE = caseInsensitivePattern(DATE_FORMS.join('|'))
const BIRTH_CUE =
  /(?:born|birth|b-day|bday|d\.?o\.?b\.?|birthday|naci[óo]|nac[íi]|nacid[oa]s?|nacimiento|cumplea[ñn]os|f\.?\s?nac\.?)\W{0,6}(?:\S+\W+){0,5}$/i
/** Full dates before this year are taken as dates of individuals (births, arrivals), not enforcement events. */
const OLD_DATE_YEAR = 2010

export function findBirthDates(text: string, textDigits = countDigits(text)): Candidate[] {
  if (textDigits < 1) return [] // every date form has a digit
  const out: Candidate[] = []
  for (const m of allMatches(DATE.for(text), text)) {
    const s = m[0]
    const cued = BIRTH_CUE.test(before(text, m.index, 60))
    const yearMatch = s.match(/(?:19|20)\d{2}(?!.*\d{4})/) ?? s.match(/\d{2}$/)
    let year: number | null = null
    if (yearMatch) {
      const y = Number(yearMatch[0])
      year = yearMatch[0].length === 2 ? (y > 30 ? 1900 + y : 2000 + y) : y
    }
    const fullDate = year !== null && /\d{1,2}\D+\d{1,2}\D+\d{2,4}|\d{1,2}\D+\p{L}+\D+\d{4}|\p{L}+\D+\d{1,2}\D+\d{4}/u.test(s)
    if (cued || (fullDate && year !== null && year < OLD_DATE_YEAR)) {
      out.push(candidate('DOB', m.index, m.index + s.length))
    }
  }
  return out
}

// ---------------------------------------------------------------- addresses

function anyCase(word: string): string {
  return word
    .split('')
    .map((c) => (/[a-z]/i.test(c) ? `[${c.toUpperCase()}${c.toLowerCase()}]` : c === '.' ? '\\.' : c))
    .join('')
}

const SUFFIXES = [
  'Street', 'Str', 'St', 'Avenue', 'Ave', 'Av', 'Boulevard', 'Blvd', 'Bl', 'Road', 'Rd', 'Drive', 'Dr', 'Lane', 'Ln',
  'Way', 'Place', 'Pl', 'Court', 'Ct', 'Terrace', 'Ter', 'Parkway', 'Pkwy', 'Highway', 'Hwy', 'Circle', 'Cir',
  'Trail', 'Trl', 'Square', 'Sq', 'Plaza', 'Plz', 'Alley', 'Aly', 'Walk', 'Row', 'Loop', 'Crescent', 'Cres',
]
const SUFFIX = `(?:${SUFFIXES.map(anyCase).join('|')})\\.?`
const DIRECTION = `(?:[NS][EW](?![\\p{L}])\\.?|[NSEW]\\.?|North|South|East|West|Norte|Sur|Este|Oeste)`
/** A direction written after the suffix: "Queen St W", "Main Street NE". */
const POST_DIRECTION = `(?:[ \\t]+(?:[NS][EW]|[NSEW]|North|South|East|West)\\.?(?![\\p{L}\\p{N}]))?`
const STREET_WORD = `(?:(?:Jr|Sr|St|Mt|Ft)\\.|\\p{Lu}[\\p{L}'’-]*|\\p{Lu}\\.|\\d{1,3}(?:st|nd|rd|th|ª|º|a|o)|de|del|la|las|los)`
const HOUSE_NUMBER = `(?<![\\d$.,:/${DASH}])\\d{1,6}(?:-?[A-Za-z](?![\\p{L}])|${'-'}\\d{1,4}|[ \\t]?1/2)?`
// Only abbreviations take a full stop: "apartment. 911 …" is the end of a sentence, not unit 911.
const UNIT = `(?:,?[ \\t]*(?:(?:${['Apt', 'Ste', 'Spc', 'Rm', 'Depto', 'Dpto', 'Apto', 'Int'].map(anyCase).join('|')})\\.?|${['Apartment', 'Unit', 'Suite', 'Space', 'Room', 'Departamento', 'Apartamento', 'Interior', 'Casa'].map(anyCase).join('|')})[ \\t]*#?[ \\t]*[A-Za-z0-9${DASH}]{1,6}|,?[ \\t]*#[ \\t]*[A-Za-z0-9]{1,6})`
/** A line break or a comma and spaces between the parts of an address: multi-line addresses are one. */
const PART_BREAK = `(?:,?[ \\t]*(?:\\r?\\n[ \\t]*)?)`
/** A city: one to three capitalised words ("Salt Lake City", "Oaxaca de Juárez"). */
const CITY = `\\p{Lu}[\\p{L}.'’-]*(?:[ \\t]+(?:(?:de|del|la|las|los|sur|du|am|an|der)[ \\t]+)?\\p{Lu}[\\p{L}.'’-]*){0,2}`
const US_STATES =
  'AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|PR|Calif\\.?|California|Texas|Arizona|Nevada|Illinois|Florida|Oregon|Washington|New York|Colorado|Utah'
const US_ZIP = `\\d{5}(?:-\\d{4})?(?!\\d)`
/** Postcodes abroad: UK (SW1A 2AA), Canada (M5V 2T6), and the 4–5 digit kinds (28013, 01310-100, 2000). */
const UK_POSTCODE = `[A-Z]{1,2}\\d[A-Z\\d]?[ \\t]?\\d[A-Z]{2}(?![\\p{L}\\p{N}])`
const CA_POSTCODE = `[A-Z]\\d[A-Z][ \\t]?\\d[A-Z]\\d(?![\\p{L}\\p{N}])`
const PROVINCES = 'ON|QC|BC|AB|MB|SK|NS|NB|NL|PE|NSW|VIC|QLD|WA|SA|TAS|ACT|NT'
const CITY_ZIP = [
  // , Los Angeles, CA 90033 / Phoenix AZ 85001-1234 / (next line) Houston, TX 77002
  `${PART_BREAK}${CITY},?[ \\t]*(?:${US_STATES})\\.?(?:[ \\t]*${US_ZIP})?(?![\\p{L}])`,
  // , London SW1A 2AA / , Toronto, ON M5V 2T6 / , Sydney NSW 2000
  `${PART_BREAK}${CITY},?[ \\t]*(?:(?:${PROVINCES})[ \\t]+)?(?:${UK_POSTCODE}|${CA_POSTCODE}|\\d{4}(?!\\d))`,
  // , 28013 Madrid / , C.P. 03100, Ciudad de México / 90033 / CA 90033
  `${PART_BREAK}(?:(?:CA|California)[ \\t]*)?(?:C\\.?[ \\t]?P\\.?[ \\t]*)?\\d{4,5}(?:-\\d{3,4})?(?!\\d)(?:,?[ \\t]+${CITY})?`,
  `[ \\t]*[${DASH}][ \\t]*${CITY},?[ \\t]*\\d{4,5}(?:-\\d{3})?(?!\\d)`,
].join('|')
/** Spanish floor and door after the number: ", 3A", "2º izq.", "piso 3", "6º 1ª", "4-2", "bajo". */
const ES_FLOOR = `(?:,?[ \\t]*(?:\\d{1,2}[º°ª](?:[ \\t]*(?:\\d{1,2}[ªº]|[A-Z](?![\\p{L}])|izq(?:uierda|da)?\\.?|dcha\\.?|dch\\.?|der(?:echa)?\\.?|ctro\\.?))?|\\d{1,2}[A-Z](?![\\p{L}\\p{N}])|${anyCase('piso')}[ \\t]*\\d{1,2}|\\d{1,2}-\\d{1,2}(?![\\d])|${anyCase('bajo')}|${anyCase('ático')}))`
/** Mexican and Central American neighbourhood: ", Col. Del Valle", "Colonia Kennedy", "Barrio El Centro", "zona 10". */
const COLONIA = `(?:,?[ \\t]*(?:(?:${['Col', 'Fracc', 'Bo'].map(anyCase).join('|')})\\.|${['Colonia', 'Fraccionamiento', 'Barrio', 'Residencial'].map(anyCase).join('|')})[ \\t]+${STREET_WORD}(?:[ \\t]+${STREET_WORD}){0,3}|,?[ \\t]*${anyCase('zona')}[ \\t]+\\d{1,2}(?!\\d))`
/** The tail of any address: unit, Spanish floor, colonia, city, state, postcode, in that order, each optional. */
const TAIL = `${UNIT}?${ES_FLOOR}{0,2}${COLONIA}?(?:${CITY_ZIP})?(?:${PART_BREAK}${CITY},?[ \\t]*(?:${US_STATES}|${anyCase('México')}|${anyCase('España')}|[A-Z][a-z]{1,3}\\.))?`
const STREET_PREFIXES = [
  'Calle', 'Avenida', 'Avenue', 'Bulevar', 'Calzada', 'Privada', 'Callejón', 'Callejon', 'Camino', 'Paseo', 'Carretera', 'Ronda',
  'Travesía', 'Travesia', 'Glorieta', 'Pasaje', 'Cerrada', 'Andador', 'Prolongación', 'Prolongacion', 'Diagonal', 'Circuito',
  'Rua', 'Rue', 'Via', 'Viale', 'Corso', 'Piazza', 'Largo', 'Travessa', 'Praça', 'Boulevard', 'Chemin', 'Allée', 'Impasse', 'Quai',
]
const STREET_PREFIX_ES = `(?:(?:${STREET_PREFIXES.map(anyCase).join('|')})(?![\\p{L}])|(?:${['Av', 'Avda', 'Calz', 'Blvr', 'Ctra', 'Cra', 'Cda', 'Pje', 'Pso', 'Priv', 'Prol', 'Bd'].map(anyCase).join('|')})\\.|[Cc]/)`
const NUMBER_MARK = `(?:${['número', 'numero', 'num', 'núm', 'no', 'nº', 'n°'].map(anyCase).join('|')})\\.?|#`
/** A house number in Spanish-speaking countries: 56, 123B, s/n (sin número), 82-50 (Colombia), 12-89 (Guatemala). */
const ES_NUMBER = `(?:\\d{1,6}[A-Za-z]?(?:-\\d{1,3})?(?![\\d\\p{L}]|[.:]\\d)|[Ss]/[Nn](?![\\p{L}]))`
/** A word of a street name written in lower case: not a verb or preposition that starts the rest of the sentence ("calle Soto había 29 trocas"). */
const LOWER_STREET_WORD = `(?!(?:there|were|was|is|are|had|has|have|closed|opened|with|and|at|on|in|for|hay|había|habia|hubo|eran|fueron|son|estaba|estaban|está|tenía|tenia|con|y|en|a|por|para|cerró|cerro|abrió)(?![\\p{L}]))[\\p{L}'’-]+`
/** A recent year is not a house number: "the Central Avenue corridor. In October 2025". */
const NOT_YEAR = '(?!(?:19[5-9]\\d|20[0-4]\\d)(?![\\d\\p{L}]))'
/** A kilometre on a road: "km 12", "km 30.2", "kilómetro 5". */
const KM = `(?:${anyCase('km')}\\.?|${anyCase('kilómetro')}|${anyCase('kilometro')})[ \\t]*\\d{1,4}(?:[.,]\\d{1,3})?`
/** Street names of other languages end in a word for street: "Hauptstraße 5", "Lindenallee 102". */
const GERMANIC_STREET = `\\p{Lu}[\\p{L}-]*(?:straße|strasse|str\\.|weg|allee|gasse|platz|ring|damm|ufer|steig|chaussee)`
const POBOX = `(?:[Pp]\\.?[ \\t]?[Oo]\\.?[ \\t]?${anyCase('box')}|${anyCase('post office box')}|${anyCase('pob')}|${anyCase('apartado postal')}|${anyCase('apartado de correos')}|${anyCase('apdo')}\\.?|${anyCase('casilla')}(?:[ \\t]+${anyCase('postal')})?|${anyCase('caja postal')})[ \\t]*#?[ \\t]*\\d{1,6}(?!\\d)`
/** US military mail: "PSC 1234, Box 5678, APO AE 09021", "Unit 2050 Box 4190, FPO AP 96522", "USS Nimitz, FPO AP 96620". */
const MILITARY = `(?:(?:(?:PSC|CMR|Unit|UNIT)[ \\t]+\\d{1,5},?[ \\t]*(?:Box|BOX)[ \\t]+\\d{1,5}|(?:USS|USNS)[ \\t]+\\p{Lu}[\\p{L}.]*(?:[ \\t]+\\p{Lu}[\\p{L}.]*){0,2})${PART_BREAK})?(?:APO|FPO|DPO)[ \\t]+(?:AE|AP|AA)[ \\t]+\\d{5}(?!\\d)`

/** Major streets, so that "1234 Whittier" is an address even without "Blvd". */
const LA_STREETS = [
  'Soto', 'Whittier', 'Alvarado', 'Vermont', 'Figueroa', 'Western', 'Normandie', 'Hoover', 'Pico', 'Olympic', 'Wilshire',
  'Sunset', 'Santa Monica', 'Hollywood', 'Slauson', 'Florence', 'Manchester', 'Century', 'Imperial', 'Vernon',
  'Washington', 'Jefferson', 'Adams', 'Venice', 'Crenshaw', 'Central', 'Avalon', 'Compton', 'Main', 'Spring', 'Olive',
  'Temple', 'Beverly', 'Melrose', 'Fountain', 'C[ée]sar (?:E\\.? )?Ch[áa]vez', 'Marengo', 'Mission', 'Riverside',
  'Colorado', 'York', 'Eagle Rock', 'Sherman Way', 'Van Nuys', 'Sepulveda', 'Roscoe', 'Vanowen', 'Victory', 'Lankershim',
  'Laurel Canyon', 'Glenoaks', 'San Fernando', 'Foothill', 'Reseda', 'Tampa', 'Topanga', 'Vineland', 'Magnolia',
  'Pacific', 'Gaffey', 'Anaheim', 'Alameda', 'Atlantic', 'Gage', 'Firestone', 'Evergreen', 'Cincinnati', 'Wabash',
  'Brooklyn', 'Mott', 'Breed', 'Boyle', 'Lorena', 'Indiana', 'Fickett', 'Folsom', 'Hope', 'Flower', 'Grand', 'Hill',
]

const COUNT_WORDS = 'over|about|around|some|nearly|almost|approximately|unos|unas|como|cerca de|más de|mas de|casi|alrededor de'

const ADDRESS_FORMS = [
  // 1234 E. Cesar Chavez Ave., Apt 5, Los Angeles, CA 90033; 12 NE Oak St; 100 Queen St W, Toronto, ON M5V 2T6
  `${HOUSE_NUMBER}[ \\t]+(?:${DIRECTION}[ \\t]+)?${STREET_WORD}(?:[ \\t]+${STREET_WORD}){0,4}[ \\t]+${SUFFIX}(?![\\p{L}])${POST_DIRECTION}${TAIL}`,
  // 1234 Whittier: a house number before a major Los Angeles street, with no suffix
  // (not a year, not a count: "in 2025 Sunset was closed", "some 300 Vermont residents")
  `(?<![\\d$.,:/${DASH}]|\\b(?:${COUNT_WORDS})[ \\t]+)(?!(?:19[5-9]\\d|20[0-4]\\d)(?!\\d))\\d{3,5}[ \\t]+(?:${DIRECTION}[ \\t]+)?(?:${LA_STREETS.join('|')})(?![\\p{L}])${TAIL}`,
  // 2330 Avenue 50 (Los Angeles' numbered avenues)
  `${HOUSE_NUMBER}[ \\t]+${anyCase('avenue')}[ \\t]+\\d{1,3}(?![\\d\\p{L}])${TAIL}`,
  // "I live at 1234 Whittier": after an address cue, a number and capitalised words are enough
  `(?<=(?:${['live at', 'lives at', 'living at', 'lived at', 'address is', 'address:', 'dirección:', 'direccion:', 'dirección es', 'direccion es', 'vivo en', 'vive en', 'viven en', 'vivimos en', 'domicilio'].map(anyCase).join('|')})[ \\t]+(?:(?:the|el|la)[ \\t]+)?)${HOUSE_NUMBER}[ \\t]+(?:${DIRECTION}[ \\t]+)?${STREET_WORD}(?:[ \\t]+${STREET_WORD}){0,3}${TAIL}`,
  // 1234 S. Broadway; 1234 W. 3rd (a numbered street needs its direction when it has no suffix)
  `${HOUSE_NUMBER}[ \\t]+(?:${DIRECTION}[ \\t]+)?${anyCase('broadway')}(?![\\p{L}])${TAIL}`,
  `${HOUSE_NUMBER}[ \\t]+${DIRECTION}[ \\t]+\\d{1,3}(?:st|nd|rd|th)(?![\\p{L}])${TAIL}`,
  // 1234 Calle Soto, 500 Avenida César Chávez, 20 rue de la Paix, 12 boulevard Voltaire
  `${HOUSE_NUMBER},?[ \\t]+${STREET_PREFIX_ES}[ \\t]*(?:(?:de|du|des|la|le|del|da|do|dos|das)[ \\t]+|[ld]['’])*${STREET_WORD}(?:[ \\t]+${STREET_WORD}){0,3}${TAIL}`,
  // Ctra. de Toledo, km 5; Carretera a El Salvador km 12.5
  `(?:${anyCase('carretera')}|${anyCase('ctra')}\\.|${anyCase('autopista')}|${anyCase('autovía')})[ \\t]*(?:(?:a|de|del|la)[ \\t]+)*${STREET_WORD}(?:[ \\t]+${STREET_WORD}){0,3},?[ \\t]*${KM}${TAIL}`,
  // calle Soto número 123, Avenida Juárez #45 Depto. 3, Calle Mayor, 56, 3A, C/ Alcalá 123, 2º izq., Calle 5 de Mayo s/n,
  // Calle 73 #82-50, Via Roma 188, 02310 Torino, Rua das Flores, 63 - Lisboa
  `${STREET_PREFIX_ES}[ \\t]*(?:(?:\\d{1,3}(?:[ \\t]+de[ \\t]+\\p{Lu}[\\p{L}]*)?|${STREET_WORD})(?:[ \\t]+${STREET_WORD}){0,4}),?[ \\t]*(?:(?:${NUMBER_MARK})[ \\t]*)?${NOT_YEAR}${ES_NUMBER}${TAIL}`,
  // calle soto número 123, c/ alcala 12 (lower case: a number mark, or a number right after a one-word street)
  `${STREET_PREFIX_ES}[ \\t]*(?:[\\p{L}'’-]+(?:[ \\t]+[\\p{L}'’-]+){0,2},?[ \\t]*(?:${NUMBER_MARK})[ \\t]*|${LOWER_STREET_WORD}(?:[ \\t]+${LOWER_STREET_WORD}){0,2},?[ \\t]*)${NOT_YEAR}${ES_NUMBER}${TAIL}`,
  // 3a avenida 12-89, zona 10 (Guatemala)
  `\\d{1,2}(?:a|ª|º|o)?[ \\t]+(?:${anyCase('avenida')}|${anyCase('calle')})[ \\t]+\\d{1,3}-\\d{1,3}${TAIL}`,
  // el 1234 de la calle Soto
  `${HOUSE_NUMBER}[ \\t]+de[ \\t]+la[ \\t]+${STREET_PREFIX_ES}[ \\t]+[\\p{L}\\p{N}'’-]+(?:[ \\t]+${STREET_WORD}){0,3}`,
  // Colonia Kennedy, bloque 3, casa 12
  `(?:${anyCase('colonia')}|${anyCase('col')}\\.|${anyCase('barrio')}|${anyCase('residencial')})[ \\t]+${STREET_WORD}(?:[ \\t]+${STREET_WORD}){0,3},?[ \\t]*(?:(?:${anyCase('bloque')}|${anyCase('manzana')}|${anyCase('mz')}\\.?|${anyCase('lote')}|${anyCase('pasaje')}|${anyCase('senda')}|${anyCase('calle')})[ \\t]*[A-Z0-9]{1,4},?[ \\t]*)*(?:${anyCase('casa')}|${anyCase('lote')}|${anyCase('no')}\\.?|#)[ \\t]*\\d{1,5}${TAIL}`,
  // Hauptstraße 125, 69160 München
  `${GERMANIC_STREET}[ \\t]+\\d{1,5}[a-z]?(?![\\p{L}\\p{N}])${TAIL}`,
  // P.O. Box 1234, Apartado Postal 55, Casilla 330 (with a city, state and ZIP, on the next line too)
  `${POBOX}${TAIL}`,
  MILITARY,
  // a unit on its own: apartment 4B, depto. 12
  `(?<![\\p{L}])(?:(?:${['Apt', 'Apto', 'Depto', 'Dpto', 'Ste'].map(anyCase).join('|')})\\.?|${['Apartment', 'Apartamento', 'Departamento', 'Suite'].map(anyCase).join('|')})[ \\t]*#?[ \\t]*\\d{1,5}[A-Za-z]?(?![\\p{L}\\p{N}])`,
]
/** The forms above, tried at one position (sticky). */
const ADDRESS_AT = new RegExp(ADDRESS_FORMS.join('|'), 'uy')
/**
 * Where an address can begin: a digit (a house number), or the first letters
 * of a street word, a P.O. box, apartado or casilla, a unit, a colonia, a
 * military address or a Germanic street name (any capital before a street
 * ending). Tested with a cheap case-insensitive scan; the big pattern is then
 * tried only there.
 */
const ADDRESS_START = caseInsensitivePattern(
  [
    '\\d',
    '(?<![a-z])(?:calle|calz|camino|carretera|carr\\.|cerrada|circuito|ctra|cra\\.|cda\\.|c/|cmr|col\\.|colonia|corso|casilla|caja p|chemin|av\\.|avda|avenida|avenue|ave?(?![a-z])|autopista|autov|apartado|apartment|apartamento|apdo|apt|apo(?![a-z])|bulevar|blv|bd\\.|barrio|bo\\.|privada|priv\\.|prolongaci|prol\\.|paseo|pasaje|pje|pso|piazza|pra.a(?![a-z])|post off|p\\.?[ \\t]?o\\.?[ \\t]?box|pob(?![a-z])|psc(?![a-z])|diagonal|depto|departamento|dpto|dpo(?![a-z])|ronda|rua(?![a-z])|rue(?![a-z])|residencial|traves|glorieta|largo|via(?![a-z])|viale|quai|impasse|all[ée]e|andador|ste(?![a-z])|suite|unit(?![a-z])|uss(?![a-z])|usns?(?![a-z])|fpo(?![a-z])|fracc)',
  ].join('|'),
)
/** Germanic street names ("Hauptstraße 5"): looked for only where a street ending stands before a number. */
const GERMANIC_ENDING = /(?:straße|strasse|str\.|weg|allee|gasse|platz|ring|damm|ufer|steig|chaussee)[ \t]+\d/i
const GERMANIC_START = /\p{Lu}(?=[\p{L}-]*(?:straße|strasse|str\.|weg|allee|gasse|platz|ring|damm|ufer|steig|chaussee)[ \t]+\d)/gu

/** Address cues after which words and a number are an address even without a street word: "Domicilio: Mayor 12, 3B". */
const ADDRESS_CUE = caseInsensitivePattern(
  '(?:\\b(?:home |mailing |street |postal |my |mi |su |our |nuestra )?(?:address|domicilio(?: particular)?|direcci[óo]n(?: postal)?)(?! IP| de correo| electr| de e-?mail)(?: is| es)?[ \\t]*:?|\\b(?:I|we|they|he|she) (?:live|lives|lived) at|\\bstaying at|\\bresiding at|\\bvivo en|\\bvivimos en|\\bvive en|\\bviven en)[ \\t]+',
)
const ADDRESS_AFTER_CUE = new RegExp(
  `(?:(?:the|el|la)[ \\t]+)?(?:${STREET_WORD}(?:[ \\t]+${STREET_WORD}){0,4},?[ \\t]*(?:(?:${NUMBER_MARK})[ \\t]*)?${ES_NUMBER}|${HOUSE_NUMBER}[ \\t]+(?:${DIRECTION}[ \\t]+)?${STREET_WORD}(?:[ \\t]+${STREET_WORD}){0,3})${TAIL}`,
  'uy',
)

/**
 * The same matches as scanning the text with the forms as one global pattern,
 * in a fraction of the time: the big pattern is tried only where a match can
 * begin, and the search goes on after each match, as a global scan does.
 * Then, after an address cue ("Domicilio:", "I live at"), street words and a
 * number that no form took.
 */
export function findAddresses(text: string, textDigits = countDigits(text)): Candidate[] {
  if (textDigits < 1 && !/[Ss]\/[Nn]/.test(text)) return [] // every address form has a number, or "s/n" (sin número)
  const out: Candidate[] = []
  let from = 0
  const starts = allMatches(ADDRESS_START.for(text), text)
  if (GERMANIC_ENDING.test(text)) {
    starts.push(...allMatches(GERMANIC_START, text))
    starts.sort((a, b) => a.index - b.index)
  }
  for (const start of starts) {
    if (start.index < from) continue
    ADDRESS_AT.lastIndex = start.index
    const m = ADDRESS_AT.exec(text)
    if (!m) continue
    from = m.index + m[0].length
    out.push(candidate('ADDRESS', m.index, trimEnd(text, m.index, from)))
  }
  for (const cue of allMatches(ADDRESS_CUE.for(text), text)) {
    const at = cue.index + cue[0].length
    if (out.some((c) => c.start <= at && c.end > at)) continue
    ADDRESS_AFTER_CUE.lastIndex = at
    const m = ADDRESS_AFTER_CUE.exec(text)
    if (m) out.push(candidate('ADDRESS', at, trimEnd(text, at, at + m[0].length)))
  }
  return out
}
