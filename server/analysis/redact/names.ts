/**
 * Person names, from the strongest evidence to the weakest:
 * 1. a cue right before: "my name is", "me llamo", "mi esposo", "Sra.", "Officer";
 * 2. a capitalised run that starts with a known first name or holds a known
 *    surname; two or more capitalised words inside a sentence; one capitalised
 *    word inside a sentence after a person-taking word ("le dije a Dulce") or
 *    before a lower-case word ("…, Yuliana ran");
 * 3. names listed next to a found name ("Chuy, Beto y Memo");
 * 4. later mentions of a word already found in a name ("… Pérez said").
 * Also: the name after a form label ("Nombre: …", "Patient: …"), in any case;
 * lower-case names typed on a phone ("follow up with benjamin a seiler").
 * Public officials after their title ("Mayor Bass"), known officials' names,
 * public places, agencies, organisations and streets are never taken; nor are
 * ordinary words ("Score", "Sin JavaScript:") or words in capitals on weak
 * evidence alone (word frequencies: word-frequency.ts).
 * See docs/decisions/020-redaction.md.
 */
import {
  AMBIGUOUS_FIRST_NAMES,
  AMBIGUOUS_PLACE_TAILS,
  LA_PLACES,
  PLACE_HEADS,
  FIRST_NAMES,
  buildNotNameWords,
  OFFICIAL_TITLES,
  PUBLIC_OFFICIAL_NAMES,
  PUBLIC_PHRASES,
  SURNAMES,
  fold,
} from './lexicon'
import { charClass, codePointWidth } from '../char-class'
import { caseInsensitivePattern } from './case-insensitive'
import { allMatches, guardedMatches, guardedPattern } from './matches'
import { STOPWORDS_EN, STOPWORDS_ES } from './stopwords'
import { PRIORITY, type Candidate } from './types'
import { commonRank, isListedFirstName, isOrdinaryWord, surnameRank, wordInfo } from './word-frequency'

const NOT_NAME_WORDS = buildNotNameWords([...STOPWORDS_EN, ...STOPWORDS_ES])
const STOPWORDS = new Set([...STOPWORDS_EN, ...STOPWORDS_ES].map(fold))

/** "Pico-Union", "Mt. Washington", "Baldwin Hills/Crenshaw" → "pico union", "mt washington", "baldwin hills crenshaw". */
function placeKey(phrase: string): string {
  return fold(phrase).replace(/[\s\-/.]+/g, ' ').trim()
}
/** Multi-word places of the gazetteer, looked up by the folded words of a run (one-word places are NOT_NAME_WORDS). */
const PLACE_KEYS = new Set(LA_PLACES.map(placeKey).filter((k) => k.includes(' ')))
const PLACE_KEY_MAX_WORDS = Math.max(...[...PLACE_KEYS].map((k) => k.split(' ').length))
/** Every whole-word beginning of a multi-word place ("green", "green meadows"): a run that is none of them can stop growing. */
const PLACE_KEY_PREFIXES = new Set([...PLACE_KEYS].flatMap((k) => k.split(' ').map((_, i, words) => words.slice(0, i + 1).join(' '))))

type Token = {
  start: number
  end: number
  folded: string
  cap: boolean
  sentenceStart: boolean
  protected: boolean
  /** A capital letter and a full stop: "J." in "Officer J. Rodriguez". */
  initial: boolean
}

const PARTICLES = new Set(['de', 'del', 'la', 'las', 'los', 'y', 'van', 'von', 'da', 'di', 'dos', 'das', 'e'])
const STREET_AFTER = /^[ \t]*(?:St|Street|Ave|Avenue|Blvd|Boulevard|Rd|Road|Dr|Drive|Way|Pl|Place|Ln|Lane|Ct|Court|Hwy|Park|Square|Plaza|Elementary|High|Middle|School|Library|Market|Hospital|Clinic|Center|Centre|Church|Station|Building)\b/
const STREET_BEFORE = /(?:\b(?:calle|avenida|av\.|street|avenue|blvd\.?|boulevard|corner of|esquina de|esquina con|the|on)\s*)$/i

/** Last words of place and organisation names: "Leimert Park", "Baldwin Hills", "Grand Central Market". */
const PLACE_TAILS = new Set(
  `park heights hills village valley city town beach lake square ranch oaks vista center centre mall plaza station
  market mercado church iglesia school escuela high elementary middle hospital clinic clinica college university
  universidad building edificio court corte library biblioteca stadium estadio store tienda grocers supermarket
  foods bakery panaderia carniceria restaurant restaurante cafe motors auto shop garden gardens farms farm
  apartments apartamentos manor towers terrace gate gateway harbor port airport aeropuerto district distrito
  county condado department departamento commission comision council office oficina project proyecto
  coalition coalicion alliance alianza union network red center fund fundacion foundation services servicios
  times news noticias post radio tv channel canal network parish parroquia mission cathedral catedral
  boulevard blvd avenue ave street st road rd way drive freeway fwy highway hwy
  dam presa reservoir basin canyon creek river rio arroyo wash trail pier boardwalk wharf alley callejon corridor
  meet swapmeet yard yarda playground pool alberca area lot terminal courthouse jail carcel detention tower museum
  museo theater theatre teatro arena coliseum auditorium division precinct substation facility campus recreation
  recreacion rec centers markets supermercado tianguis laundromat lavanderia`.split(/\s+/),
)

/** Lower-case place nouns that make the capitalised run next to them a place: "la presa Hansen", "the Stanley Mosk courthouse". */
const PLACE_NOUN_BEFORE = new Set([...PLACE_HEADS, 'corte', 'tribunal', 'parque', 'presa', 'zona', 'ciudad', 'pueblo', 'condado'])
const PLACE_NOUN_AFTER = new Set([...PLACE_TAILS, 'courthouse', 'neighborhood', 'neighbourhood', 'area', 'district', 'branch'])
const ARTICLE = new Set(['the', 'el', 'la', 'los', 'las', 'del', 'al', 'de', 'a', 'an', 'un', 'una', 'this', 'that', 'our', 'nuestra', 'nuestro'])
/** Prepositions of place before a run: "in Green Meadows", "cerca de Valley Glen". */
const LOCATIVE_BEFORE = /(?:\b(?:in|at|near|around|from|through|en|cerca de|por|desde|hacia|rumbo a)\s+(?:(?:the|el|la|los|las)\s+)?)$/i
const CONJUNCTIONS = new Set(['and', 'y', 'e', 'or', 'o'])
const PLACE_PARTICLES = new Set(['de', 'del', 'la', 'las', 'los', 'el', 'of', 'the'])

const PERSON_VERB_AFTER =
  /^\s+(?:(?:me|nos|le|les|lo|la|te|se)\s+)?(?:called|said|told|saw|was|is|went|came|ran|cried|asked|works|worked|lives|lived|has|had|got|took|drove|walked|stayed|hid|answered|recorded|warned|helped|yelled|gave|showed|opened|texted|wrote|explained|fue|es|era|estaba|está|dijo|llamó|vio|vino|corrió|lloró|trabaja|trabajaba|vive|vivía|tiene|tenía|llegó|salió|grabó|manejaba|fue|escondió|ayudó|avisó|explicó|escribió|abrió|contestó|mandó|dio)\b/u

const NOT_PERSON_BEFORE =
  /\b(?:in|at|on|from|near|to|toward|towards|into|the|a|an|en|de|del|desde|hacia|hasta|cerca de|por|sobre|el|la|los|las|un|una|unos|unas|this|that|our|their|its|este|esta|ese|esa|nuestro|nuestra)\s+$/i

/** Words that make a capitalised run an organisation, not a person: "Catholic Charities", "Legal Aid". */
const ORGANISATION_WORDS = new Set(
  `charities army cross aid counsel coalition coalicion industries bank parenthood club centro consulate consulado
  instituto institute union network alliance alianza services servicios clinic clinica church iglesia foundation
  fundacion project proyecto committee comite council consejo association asociacion federation federacion
  collective colectivo fund fondo legal law center barrio pueblo raza department departamento office oficina
  agency agencia academy academia university universidad college school escuela society sociedad league liga
  partnership ministries ministerio diocese diocesis archdiocese arquidiocesis parish parroquia hermandad
  brotherhood sisterhood labor laborers jornaleros workers trabajadores tenants inquilinos sindicato movement
  movimiento campaign campana committee guild cooperative cooperativa mercado market muertos navidad semana
  santa pascua mayo ano nuevo`.split(/\s+/),
)

const STRONG_CUE = caseInsensitivePattern(
  [
    "\\b(?:my|his|her|their|the|whose|our|your)\\s+(?:(?:first|last|full|real)\\s+)?names?\\s+(?:is|was|are|were)\\b",
    "\\bname(?:'s|’s)\\s",
    '\\bnamed\\b',
    '\\bcalled\\b',
    '\\bgoes by\\b',
    '\\bknown as\\b',
    '\\bname\\s*:',
    '\\bme llamo\\b',
    '\\bmi nombre es\\b',
    '\\b(?:su|el) nombre (?:es|era|de (?:él|ella) es)\\b',
    '\\bse llama(?:ba)?\\b',
    '\\bse llaman\\b',
    '\\bllamad[oa]s?\\b',
    '\\bde nombre\\b',
    '\\ble dicen\\b',
    '\\bconocid[oa] como\\b',
    '\\bnombre\\s*:',
    '\\bfirmad[oa] por\\b',
    '\\bsigned\\b',
    '\\bI am\\b',
    "\\bI['’]m\\b",
    '\\bsoy\\b',
    '\\bcontact(?:o|ar a|en a|e a)?\\s*:?',
    '\\bask for\\b',
    '\\bpreg[uú]nte(?:n)? por\\b',
    '\\bthis is\\b',
    '\\bhabla\\b',
    '\\bspeaking\\b',
  ].join('|'),
)

/**
 * Form labels that a person's name follows: "Name: …", "Apellidos: …", "Médico: …",
 * "Emergency contact: …". After a label the name may be in any case ("nombre: jose luis
 * paz"); it ends at the end of the line, a comma, a bracket or a digit.
 */
const NAME_LABEL = caseInsensitivePattern(
  `(?<![a-z])(?:${[
    'full name', 'first name', 'given name', 'last name', 'family name', 'middle name', 'surname', 'name',
    '(?:patient|client|applicant|tenant|student|child|parent|guardian|spouse|contact|witness|victim|caller|owner|employer|landlord)(?: name)?',
    'emergency contact', 'contact person', 'next of kin', 'signed', 'signature', 'signed by', 'reported by', 'submitted by',
    'prepared by', 'interviewed by', 'attorney', 'lawyer', 'counsel', 'physician', 'doctor', 'nurse', 'caseworker',
    'case manager', 'interpreter', 'attn', 'attention', 'c/o', 'care of',
    'nombre completo', 'nombre y apellidos?', 'nombres?', 'apellidos?', 'primer apellido', 'segundo apellido',
    'paciente', 'cliente', 'solicitante', 'declarante', 'inquilin[oa]', 'testigo', 'v[íi]ctima', 'contacto(?: de emergencia)?',
    'persona de contacto', 'm[ée]dic[oa]', 'doctora?', 'abogad[oa]', 'firma', 'firmado por', 'responsable', 'tutora?',
    'c[óo]nyuge', 'esposa?o?', 'padre', 'madre', 'patr[óo]n', 'empleador', 'int[ée]rprete', 'atenci[óo]n', 'a/a',
  ].join('|')})[ \\t]*(?::|[${'\\-'}–—](?=[ \\t]))[ \\t]*`,
)
/**
 * Where a match of a cue or phrase pattern can begin: at one of its words,
 * after anything but an ASCII letter (the patterns want no letter at all
 * before; ASCII letters are the cheap part of that test). Case-insensitive
 * words are looked for in the fast /i form of case-insensitive.ts; the full
 * pattern, whose \p{L} lookarounds need /iu, is then tried only there.
 */
function startsOf(words: string, { caseInsensitive = true } = {}): (text: string) => RegExp {
  const source = `(?<![a-zA-Z])(?:${words})`
  if (!caseInsensitive) {
    const starts = new RegExp(source, 'g')
    return () => starts
  }
  const starts = caseInsensitivePattern(source)
  return (text) => starts.for(text)
}

const KIN =
  'husband|wife|son|daughter|brother|sister|mother|father|mom|mum|dad|uncle|aunt|auntie|cousin|nephew|niece|neighbou?r|friend|coworker|co-worker|boss|partner|boyfriend|girlfriend|grandson|granddaughter|grandmother|grandfather|grandma|grandpa|grandchild|stepson|stepdaughter|stepfather|stepmother|brother-in-law|sister-in-law|son-in-law|daughter-in-law|father-in-law|mother-in-law|roommate|tenant|landlord|landlady|employer|employee|client|classmate|teacher|student|kid|child|baby|fianc[ée]e?|compadre|comadre|esposo|esposa|marido|hijo|hija|hermano|hermana|mam[áa]|madre|pap[áa]|padre|t[íi]o|t[íi]a|primo|prima|sobrino|sobrina|vecin[oa]|amig[oa]|compa[ñn]er[oa]|suegr[oa]|cu[ñn]ad[oa]|niet[oa]|abuel[oa]|abuelit[oa]|novi[oa]|patr[óo]n|patrona|jefe|jefa|hijastr[oa]|padrastro|madrastra|ahijad[oa]|padrino|madrina|inquilin[oa]|caser[oa]|due[ñn][oa]|maestr[oa]|profesora?|ni[ñn][oa]|beb[ée]|mijo|mija|esposito|coworkers|compañeros de trabajo|familia'
const KIN_CUE = guardedPattern(
  new RegExp(
    `(?<![\\p{L}])(?:${KIN.split('|')
      .sort((a, b) => b.length - a.length)
      .join('|')})(?:s|es)?(?![\\p{L}-])`,
    'giu',
  ),
  startsOf(KIN),
)
const KIN_WORD = new RegExp(`^(?:${KIN})$`, 'iu')
const HONORIFIC_ABBREVIATIONS = 'Mr|Mrs|Ms|Mx|Dr|Dra|Sr|Sra|Srta|Lic|Licda|Ing|Fr|Ofc|Sgt|Det|Lt|Capt|Dep|Prof|Rev|Atty|Mons|Msgr|Pbro|Hno|Hna|Sor|Esq'
const HONORIFIC_TITLES = 'Miss|Don|Doña|Father|Sister|Brother|Reverend|Rabbi|Imam|Deacon|Bishop|Monsignor|Monseñor|Pastor|Pastora|Madre|Padre|Elder|Nurse|Counselor|Attorney|Doctor|Doctora'
const HONORIFIC_ABBREVIATION = guardedPattern(
  new RegExp(`(?<![\\p{L}])(?:${HONORIFIC_ABBREVIATIONS})\\.?(?=\\s)|(?<![\\p{L}])(?:${HONORIFIC_TITLES})(?![\\p{L}])`, 'gu'),
  startsOf(`${HONORIFIC_ABBREVIATIONS}|${HONORIFIC_TITLES}`, { caseInsensitive: false }),
)
const HONORIFIC_WORDS =
  'señor|señora|señorita|doña|licenciad[oa]|doctor|doctora|reverend|reverend[oa]|rabbi|rab[ií]no|imam|deacon|di[áa]cono|monse[ñn]or|obispo|bishop|m[ée]dic[oa]|physician|counselor|consejer[oa]|paralegal|notari[oa]|notary|int[ée]rprete|interpreter|profe|profesor|profesora|maestr[oa]|pastor|pastora|padre|madre|hermano|hermana|officer|agent|agente|deputy|sergeant|sargento|detective|lieutenant|teniente|captain|capit[áa]n|oficial|polic[íi]a|trooper|marshal|guard|guardia|case ?manager|caseworker|trabajador(?:a)? social|social worker|abogad[oa]|lawyer|attorney|volunteer|voluntari[oa]|organizer|organizador(?:a)?|promotor(?:a)?|nurse|enfermer[oa]|coach|entrenador(?:a)?|manager|gerente|supervisor(?:a)?|encargad[oa]|mayordomo|capataz|foreman'
const HONORIFIC_WORD = guardedPattern(new RegExp(`(?<![\\p{L}])(?:${HONORIFIC_WORDS})(?![\\p{L}])`, 'giu'), startsOf(HONORIFIC_WORDS))
/** Words before a capitalised word that make it a person: "le dije a Dulce", "asked Cirilo", "con Hermelinda". */
const PERSON_CONTEXT =
  /(?:\b(?:a|al|con|sin|para|por|asked|ask|told|tell|telling|with|without|saw|see|met|meet|helped|help|called|call|text|texted|took|detained|arrested|grabbed|handcuffed|deported|visited|visit|contact|contacted|que|dijo|told me|says|said|según|(?:talked|spoke|speak|talk|wrote|write|listen|listened|thanks|according|reached out|went) to|spoke with|thank|thanked|hablé con|hable con|platiqué con|gracias a)\s+)$/i

const TITLE_TAIL =
  '(?:\\s+(?:of\\s+Police|de\\s+(?:la\\s+)?Polic[íi]a|of\\s+(?:the\\s+)?(?:LAPD|Los Angeles|L\\.A\\.|LA|City|County|State)|de\\s+(?:Los [ÁA]ngeles|LA|la Ciudad|el Condado)|del LAPD|de ICE|of ICE|for\\s+District\\s+\\d+|del Distrito\\s+\\d+))?'
const OFFICIAL_TITLE_WORDS = OFFICIAL_TITLES.map((t) => t.replace(/\./g, '\\.')).join('|')
const OFFICIAL_TITLE = guardedPattern(
  new RegExp(`(?<![\\p{L}])(?:${OFFICIAL_TITLE_WORDS})${TITLE_TAIL}[,\\s]+`, 'giu'),
  startsOf(OFFICIAL_TITLE_WORDS),
)
const POSSESSIVE_BEFORE = /\b(?:my|our|his|her|their|mi|mis|nuestr[oa]s?|su|sus|tu)\s+$/i

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

const PROTECTED_PHRASES = [...PUBLIC_PHRASES, ...PUBLIC_OFFICIAL_NAMES]
  .sort((a, b) => b.length - a.length)
  .map(escape)
  .join('|')
const PROTECTED_PHRASE = guardedPattern(
  new RegExp(`(?<![\\p{L}])(?:${PROTECTED_PHRASES})(?![\\p{L}])`, 'giu'),
  startsOf(PROTECTED_PHRASES),
)

/**
 * Words: runs of letters and marks joined by ' ’ or -, the matches of
 * /[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*\/gu, found by a character scan (the
 * global match built an array per word).
 */
function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  for (let i = 0; i < text.length; ) {
    if (letterOrMarkWidth(text, i) === 0) {
      i += codePointWidth(text, i)
      continue
    }
    const start = i
    i = tokenEnd(text, start)
    let word = text.slice(start, i)
    if (isPossessive(word)) word = word.slice(0, -2)
    let p = start - 1
    while (p >= 0 && (text[p] === ' ' || text[p] === '\t' || text[p] === '\r')) p--
    tokens.push({
      start,
      end: start + word.length,
      folded: fold(word),
      cap: startsUpper(word),
      sentenceStart: p < 0 || SENTENCE_STARTS_AFTER.includes(text[p]),
      // Handles and hashtags are the URL detector's business: "@ICEgov", "#ICEoutLA".
      protected: text[start - 1] === '@' || text[start - 1] === '#',
      initial: word.length === 1 && /\p{Lu}/u.test(word) && text[start + 1] === '.',
    })
  }
  return tokens
}

/** What a token after it (and spaces) starts a sentence: one code unit each, as /[.!?¿¡:\n"“]/ tests one. */
const SENTENCE_STARTS_AFTER = '.!?¿¡:\n"“'

/** The width of the letter or mark (\p{L}, \p{M}) at i, or 0 if there is none. */
const letterOrMarkWidth = charClass(/[\p{L}\p{M}]/u)

/** The end of the TOKEN match that starts at i: runs of letters and marks, joined by one ' ’ or - each. */
function tokenEnd(text: string, i: number): number {
  let end = i
  for (;;) {
    let width = 0
    while (end < text.length && (width = letterOrMarkWidth(text, end)) > 0) end += width
    const c = text.charCodeAt(end) // NaN at the end: no joiner
    const joiner = c === 0x27 || c === 0x2019 || c === 0x2d
    if (!joiner || end + 1 >= text.length || letterOrMarkWidth(text, end + 1) === 0) return end
    end++
  }
}

/** "Pérez's", "Ana’s": as /['’]s$/i, without a regex per token. */
function isPossessive(word: string): boolean {
  const n = word.length
  return n >= 2 && (word[n - 1] === 's' || word[n - 1] === 'S') && (word[n - 2] === "'" || word[n - 2] === '’')
}

const UPPER_START = /^\p{Lu}/u

/** As /^\p{Lu}/u.test(word), with ASCII answered without the regex. */
function startsUpper(word: string): boolean {
  const c = word.charCodeAt(0)
  return c < 0x80 ? c >= 0x41 && c <= 0x5a : UPPER_START.test(word)
}

const letterChar = charClass(/\p{L}/u)
const upperChar = charClass(/\p{Lu}/u)

/** Letters and capital letters, counted as text.match(/\p{L}/gu) and /\p{Lu}/gu would, without building the arrays. */
function countLetters(text: string): { letters: number; upper: number } {
  let letters = 0
  let upper = 0
  for (let i = 0; i < text.length; ) {
    const c = text.charCodeAt(i)
    if (c < 0x80) {
      if (c >= 0x61 && c <= 0x7a) letters++
      else if (c >= 0x41 && c <= 0x5a) {
        letters++
        upper++
      }
      i++
      continue
    }
    if (letterChar(text, i) > 0) {
      letters++
      if (upperChar(text, i) > 0) upper++
    }
    i += codePointWidth(text, i)
  }
  return { letters, upper }
}

function markProtected(text: string, tokens: Token[]): void {
  const ranges: [number, number][] = []
  for (const m of guardedMatches(PROTECTED_PHRASE, text)) ranges.push([m.index, m.index + m[0].length])
  for (const m of guardedMatches(OFFICIAL_TITLE, text)) {
    if (POSSESSIVE_BEFORE.test(text.slice(Math.max(0, m.index - 12), m.index))) continue
    // Protect the capitalised run right after the title: "Mayor Karen Bass", "Councilmember Hernandez".
    let i = firstTokenAfter(text, tokens, m.index + m[0].length)
    if (i < 0 || tokens[i].start !== m.index + m[0].length || !tokens[i].cap) continue
    let end = tokens[i].end
    while (i + 1 < tokens.length && tokens[i + 1].cap && /^[ \t-]+$|^\.[ \t]+$/.test(text.slice(tokens[i].end, tokens[i + 1].start))) {
      i++
      end = tokens[i].end
    }
    ranges.push([m.index, end])
  }
  // Places of the gazetteer, matched on the folded words: "Green Meadows", "Pico-Union", "Mt. Washington".
  for (let i = 0; i < tokens.length; i++) {
    const first = hyphensAsSpaces(tokens[i].folded)
    let key = first
    for (let j = i + 1; j < tokens.length && j - i < PLACE_KEY_MAX_WORDS && PLACE_KEY_PREFIXES.has(key); j++) {
      if (!/^(?:\.?[ \t]+|-|\/|[ \t]*\/[ \t]*)$/.test(text.slice(tokens[j - 1].end, tokens[j].start))) break
      key += ' ' + hyphensAsSpaces(tokens[j].folded)
      if (PLACE_KEYS.has(key)) ranges.push([tokens[i].start, tokens[j].end])
    }
    if (tokens[i].folded.includes('-') && PLACE_KEYS.has(first)) {
      ranges.push([tokens[i].start, tokens[i].end]) // "Pico-Union" is one token
    }
  }
  for (const [s, e] of ranges) {
    for (let i = Math.max(0, firstTokenIndexAtOrAfter(tokens, s) - 1); i < tokens.length && tokens[i].start < e; i++) {
      if (tokens[i].start < e && tokens[i].end > s) tokens[i].protected = true
    }
  }
}

/** "pico-union" → "pico union"; most words have no hyphen and are returned as they are. */
function hyphensAsSpaces(folded: string): string {
  return folded.includes('-') ? folded.replace(/-/g, ' ') : folded
}

function isLexiconName(folded: string): boolean {
  return FIRST_NAMES.has(folded) || SURNAMES.has(folded)
}

function isNameToken(t: Token, allowLower: boolean): boolean {
  if (t.protected) return false
  if (t.initial) return true
  if (NOT_NAME_WORDS.has(t.folded)) return false
  if (t.folded.endsWith('s') && NOT_NAME_WORDS.has(t.folded.slice(0, -1)) && !isLexiconName(t.folded)) return false // "Durangos"
  if (t.folded.includes('-') && NOT_NAME_WORDS.has(t.folded.split('-')[0])) return false // "Spanish-language"
  if (/^\p{L}-/u.test(t.folded)) return false // "A-number", "T-shirt"
  if (t.end - t.start < 2) return t.cap // an initial: "Juan C. Pérez"
  if (t.cap) {
    // Short all-capital words are acronyms (ICE, HSI) unless they are names written in capitals.
    return true
  }
  return allowLower && isLexiconName(t.folded)
}

/** Extend a name from token i over following name words, particles and initials. Returns the last token index. */
function extend(text: string, tokens: Token[], i: number, allowLower: boolean, taken?: ReadonlySet<number>): number {
  let last = i
  let count = 1
  while (count < 5) {
    const k = last + 1
    if (k >= tokens.length || taken?.has(k)) break
    const gap = text.slice(tokens[last].end, tokens[k].start)
    const initial = tokens[last].end - tokens[last].start === 1
    if (!(/^[ \t]+$/.test(gap) || gap === '-' || (initial && /^\.[ \t]*$/.test(gap)))) break
    if (isNameToken(tokens[k], allowLower && !tokens[i].cap ? true : false) && (tokens[k].cap || allowLower)) {
      last = k
      count++
      continue
    }
    // Particles join surnames: "Pérez de la Cruz", "García y López".
    if (PARTICLES.has(tokens[k].folded) && !tokens[k].cap) {
      let p = k
      while (p + 1 < tokens.length && PARTICLES.has(tokens[p + 1].folded) && p - k < 1) p++
      const next = tokens[p + 1]
      // "y" joins two surnames (García y López), not two people (Jorge Ruiz y Baltazar Tecún).
      const conjunction = tokens[k].folded === 'y' || tokens[k].folded === 'e'
      const joinable = !conjunction || (next !== undefined && SURNAMES.has(next.folded) && !FIRST_NAMES.has(next.folded))
      if (joinable && next && next.cap && next.end - next.start > 1 && isNameToken(next, false) && /^[ \t]+$/.test(text.slice(tokens[p].end, next.start))) {
        last = p + 1
        count++
        continue
      }
    }
    break
  }
  return last
}

function firstTokenIndexAtOrAfter(tokens: Token[], index: number): number {
  let lo = 0
  let hi = tokens.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (tokens[mid].start < index) lo = mid + 1
    else hi = mid
  }
  return lo
}

function firstTokenAfter(text: string, tokens: Token[], index: number): number {
  const lo = firstTokenIndexAtOrAfter(tokens, index)
  if (lo >= tokens.length) return -1
  return /^[\s,:;(\-"“'‘]*$/.test(text.slice(index, tokens[lo].start)) ? lo : -1
}

const isGap = (gap: string) => /^(?:[ \t]+|-)$/.test(gap)

/**
 * Is the capitalised phrase around tokens first..last a place? The phrase is
 * widened over neighbouring capitalised words (also words that are never names,
 * like "Valley" or "Parque") and the particles between them ("Plaza del
 * Mariachi", "Centro de Recreación Salazar"). It is a place when it starts with
 * a place head (Plaza, Parque, Centro, Lake, Mount…), ends with a place tail
 * (Dam, Park, Plaza, Recreation Center, Swap Meet…; "Glen", "Meadows" only after
 * another capitalised word or a preposition of place), or sits right next to a
 * lower-case place noun ("la presa Hansen", "the Stanley Mosk courthouse").
 */
function isPlacePhrase(text: string, tokens: Token[], first: number, last: number): boolean {
  const capWord = (t: Token) => t.cap && !STOPWORDS.has(t.folded) && !t.initial
  // Place names are short: looking at most six words either way keeps long runs of capitals linear.
  const reach = 6
  let a = first
  while (first - a < reach) {
    const prev = tokens[a - 1]
    if (prev && capWord(prev) && isGap(text.slice(prev.end, tokens[a].start))) {
      a--
      continue
    }
    // Particles between two capitalised words: "Plaza del Mariachi", "Centro de la Raza".
    let p = a - 1
    while (p >= 0 && a - p <= 2 && !tokens[p].cap && PLACE_PARTICLES.has(tokens[p].folded) && isGap(text.slice(tokens[p].end, tokens[p + 1].start))) p--
    if (p < a - 1 && p >= 0 && capWord(tokens[p]) && isGap(text.slice(tokens[p].end, tokens[p + 1].start))) {
      a = p
      continue
    }
    break
  }
  let b = last
  while (b - last < reach) {
    const next = tokens[b + 1]
    if (next && capWord(next) && isGap(text.slice(tokens[b].end, next.start))) {
      b++
      continue
    }
    // Only a place head reaches over "de/del" to the right ("Plaza del Mariachi"): "Karla Pérez de Boyle Heights" is a person.
    if (!PLACE_HEADS.has(tokens[a].folded)) break
    let p = b + 1
    while (p < tokens.length && p - b <= 2 && !tokens[p].cap && PLACE_PARTICLES.has(tokens[p].folded) && isGap(text.slice(tokens[p - 1].end, tokens[p].start))) p++
    if (p > b + 1 && p < tokens.length && capWord(tokens[p]) && isGap(text.slice(tokens[p - 1].end, tokens[p].start))) {
      b = p
      continue
    }
    break
  }
  const head = tokens[a].folded
  const tail = tokens[b].folded
  if (b > a && PLACE_HEADS.has(head)) return true
  if (PLACE_TAILS.has(tail) && (b > a || tokens[b].cap)) return true
  // The weaker signals below never outweigh a known first name: "Maria Glen", "el parque Rosa lloró".
  if (FIRST_NAMES.has(head) && !AMBIGUOUS_FIRST_NAMES.has(head)) return false
  const locative = LOCATIVE_BEFORE.test(text.slice(Math.max(0, tokens[a].start - 20), tokens[a].start))
  if (AMBIGUOUS_PLACE_TAILS.has(tail) && (b > a || locative)) return true
  // A lower-case place noun right before ("la presa Hansen", "el parque Lincoln") after an article or preposition.
  const before = tokens[a - 1]
  const beforeThat = tokens[a - 2]
  if (
    before &&
    !before.cap &&
    PLACE_NOUN_BEFORE.has(before.folded) &&
    isGap(text.slice(before.end, tokens[a].start)) &&
    beforeThat &&
    ARTICLE.has(beforeThat.folded)
  ) {
    return true
  }
  // "the Stanley Mosk courthouse", "the Benjamin Franklin library".
  const after = tokens[b + 1]
  if (after && !after.cap && PLACE_NOUN_AFTER.has(after.folded) && isGap(text.slice(tokens[b].end, after.start)) && before && ARTICLE.has(before.folded)) {
    return true
  }
  return false
}

function looksLikeStreet(text: string, tokens: Token[], first: number, last: number): boolean {
  return (
    STREET_AFTER.test(text.slice(tokens[last].end, tokens[last].end + 14)) ||
    STREET_BEFORE.test(text.slice(Math.max(0, tokens[first].start - 16), tokens[first].start))
  )
}

/** ICE, HSI, CHIRLA: all capitals and not a known name. */
function isAcronym(text: string, t: Token): boolean {
  const word = text.slice(t.start, t.end)
  return word.length <= 6 && word === word.toUpperCase() && !isLexiconName(t.folded)
}

const FAMILY_AFTER = /^\s+(?:family|household|kids|children|boys|girls|brothers|sisters|home|house)\b/i

/** A capitalised word that is no evidence of a name on its own: an ordinary word, or a word in capitals. */
function ordinaryCapital(text: string, t: Token): boolean {
  if (t.initial || t.end - t.start < 2 || isLexiconName(t.folded)) return false
  const word = text.slice(t.start, t.end)
  if (word.length >= 2 && word === word.toUpperCase()) return true
  return isOrdinaryWord(t.folded)
}

/** A first name that stands alone in lower case: ours and unambiguous, or a listed one that is no ordinary word. */
function isStrongFirstName(folded: string): boolean {
  if (AMBIGUOUS_FIRST_NAMES.has(folded) || NOT_NAME_WORDS.has(folded)) return false
  return FIRST_NAMES.has(folded) || (isListedFirstName(folded) && commonRank(folded) > 3000)
}

function isSurnameWord(folded: string): boolean {
  return SURNAMES.has(folded) || (surnameRank(folded) < 30_000 && !isOrdinaryWord(folded))
}

/** A word that can be part of a name in lower case: not a stop word or a never-name word, and not ordinary. */
function mayBeNameWord(folded: string): boolean {
  if (folded.length < 2 || STOPWORDS.has(folded) || NOT_NAME_WORDS.has(folded)) return false
  if (FIRST_NAMES.has(folded) || SURNAMES.has(folded)) return true
  const rank = commonRank(folded)
  if (isListedFirstName(folded)) return rank > 1000 // "rosa" yes, "hope" and "will" no
  return !isOrdinaryWord(folded) && rank > 3000
}

/**
 * Words after which a lower-case run of name words is a person ("follow up with", "dile a",
 * "and"): the token before the run, and for a few the one before that ("dile a", "name is").
 */
const LOWER_CONTEXT = new Set(
  'with to text txt tell call ask asked told contact email message and named called con a al y e llama llamen por llamado llamada llamad soy am im is es habla cc from'.split(' '),
)
/** Stronger context for a lone lower-case first name ("text maria", "dile a jose"): never an article or "and". */
const LOWER_SINGLE_CONTEXT = new Set('with text txt tell call ask asked told contact named called con llamado llamada llama llamen soy am im habla'.split(' '))
/** Words that need the word before them to be context: "dile a", "pregunta por", "name is", "nombre es". */
const LOWER_SINGLE_CONTEXT_PAIRS: Record<string, readonly string[]> = {
  a: ['dile', 'digale', 'llama', 'llamen', 'preguntale'],
  por: ['pregunta', 'pregunten', 'preguntar'],
  is: ['name', 'this'],
  es: ['nombre', 'llama'],
}

function personContextBefore(text: string, tokens: Token[], i: number, single = false): boolean {
  const prev = tokens[i - 1]
  if (!prev || !/^[ \t]+$/.test(text.slice(prev.end, tokens[i].start))) return false
  if (!single) return LOWER_CONTEXT.has(prev.folded)
  if (LOWER_SINGLE_CONTEXT.has(prev.folded)) return true
  const pair = LOWER_SINGLE_CONTEXT_PAIRS[prev.folded]
  return pair !== undefined && i >= 2 && pair.includes(tokens[i - 2].folded)
}

function isNameListWord(folded: string): boolean {
  const i = wordInfo(folded)
  return i.firstName || i.surname !== Infinity || FIRST_NAMES.has(folded) || SURNAMES.has(folded)
}

/**
 * The last token of a lower-case name starting at token i, or -1: two to four words joined by
 * single spaces (one-letter initials between), each a possible name word, the first a first name
 * and the last a surname; after a person word ("with", "dile a") one of them may be unknown.
 * A lone first name is returned as i (the caller decides whether the context allows it).
 */
function lowerCaseName(text: string, tokens: Token[], i: number, taken: ReadonlySet<number>): number {
  const first = tokens[i]
  if (first.protected || !mayBeNameWord(first.folded)) return -1
  let last = i
  let words = 1
  for (let k = i + 1; k < tokens.length && words < 4 && !taken.has(k); k++) {
    const t = tokens[k]
    if (t.cap || t.protected || !/^[ \t]+$|^\.[ \t]*$/.test(text.slice(tokens[k - 1].end, t.start))) break
    // "benjamin a seiler": a one-letter initial, only between two name words.
    const initial = t.end - t.start === 1 && /^[ \t]+$/.test(text.slice(tokens[k - 1].end, t.start)) && k + 1 < tokens.length && !tokens[k + 1].cap
    if (initial && mayBeNameWord(tokens[k + 1].folded) && /^\.?[ \t]+$/.test(text.slice(t.end, tokens[k + 1].start))) continue
    if (initial) break
    if (!mayBeNameWord(t.folded)) break
    last = k
    words++
  }
  if (last === i) return isStrongFirstName(first.folded) ? i : -1
  const lastWord = tokens[last].folded
  const firstIsName = isStrongFirstName(first.folded) || isListedFirstName(first.folded)
  const lastIsSurname = isSurnameWord(lastWord)
  if (firstIsName && lastIsSurname) return last
  if ((firstIsName || lastIsSurname) && personContextBefore(text, tokens, i)) return last
  return -1
}

/** After a form label: the name's last token (any case; stops at a line end, comma or bracket), or -1. */
function labelledName(text: string, tokens: Token[], i: number): number {
  let last = -1
  for (let k = i; k < tokens.length && k - i < 5; k++) {
    const t = tokens[k]
    if (k > i && !/^[ \t]+$|^\.[ \t]*$|^-$/.test(text.slice(tokens[k - 1].end, t.start))) break
    if (t.protected || t.initial) {
      if (t.initial) last = k
      if (t.protected) break
      continue
    }
    const lexicon = isLexiconName(t.folded) || isListedFirstName(t.folded)
    if (!lexicon && (STOPWORDS.has(t.folded) || NOT_NAME_WORDS.has(t.folded))) {
      if (PARTICLES.has(t.folded) && !t.cap && k > i) continue // "de la Cruz"
      break
    }
    if (!t.cap && !lexicon && isOrdinaryWord(t.folded)) break
    last = k
  }
  // A particle never ends a name.
  while (last > i && PARTICLES.has(tokens[last].folded)) last--
  return last
}

function span(tokens: Token[], first: number, last: number): Candidate {
  return { type: 'NAME', start: tokens[first].start, end: tokens[last].end, priority: PRIORITY.NAME }
}

/**
 * Text written in capitals says nothing about proper names: read it in lower
 * case, where only cues and the name lists count. Offsets stay valid because
 * the lower-cased copy is used only when it has the same length.
 */
export function findNames(text: string): Candidate[] {
  const { letters, upper } = countLetters(text)
  if (letters >= 12 && upper / letters > 0.6) {
    const lower = text.toLowerCase()
    if (lower.length === text.length) return findNamesIn(lower, true)
  }
  return findNamesIn(text, false)
}

function findNamesIn(text: string, shouting: boolean): Candidate[] {
  const tokens = tokenize(text)
  markProtected(text, tokens)
  const out: Candidate[] = []
  const taken = new Set<number>()

  const spans: [number, number][] = []
  const take = (first: number, last: number) => {
    for (let i = first; i <= last; i++) taken.add(i)
    out.push(span(tokens, first, last))
    spans.push([first, last])
  }

  // 1. Cues.
  for (const m of allMatches(STRONG_CUE.for(text), text)) {
    const i = firstTokenAfter(text, tokens, m.index + m[0].length)
    if (i < 0 || taken.has(i)) continue
    const t = tokens[i]
    if (t.protected || NOT_NAME_WORDS.has(t.folded)) continue
    // "called 911", "called the police": only a capitalised word or a known name follows a name cue.
    if (!t.cap && !isLexiconName(t.folded)) continue
    if (/^called$/i.test(m[0]) && !t.cap) continue
    take(i, extend(text, tokens, i, !t.cap))
  }
  // Form labels: "Nombre: jose luis paz", "Apellidos: García Pérez", "Patient: Zósimo Tinajero".
  for (const m of /:|\s[-–—]\s/.test(text) ? allMatches(NAME_LABEL.for(text), text) : []) {
    const i = firstTokenAfter(text, tokens, m.index + m[0].length)
    if (i < 0 || taken.has(i) || !/^[ \t]*$/.test(text.slice(m.index + m[0].length, tokens[i].start))) continue
    const last = labelledName(text, tokens, i)
    if (last >= i) take(i, last)
  }
  for (const re of [KIN_CUE, HONORIFIC_ABBREVIATION, HONORIFIC_WORD]) {
    for (const m of guardedMatches(re, text)) {
      const i = firstTokenAfter(text, tokens, m.index + m[0].length)
      if (i < 0 || taken.has(i)) continue
      const t = tokens[i]
      // Right after "mi esposo", "my son", "Sra.", a capitalised first name is a name even when it is also a
      // month or a word we never take on its own: "mi esposo Julio", "my son Christian", "mi hija Abril".
      const cuedFirstName = t.cap && !t.protected && FIRST_NAMES.has(t.folded)
      if (!cuedFirstName && !isNameToken(t, re === KIN_CUE)) {
        // Lower-case text: "my husband nery herrera" — an unknown word followed by a known surname.
        const next = tokens[i + 1]
        if (
          re !== KIN_CUE ||
          t.cap ||
          NOT_NAME_WORDS.has(t.folded) ||
          !next ||
          !SURNAMES.has(next.folded) ||
          !/^[ \t]+$/.test(text.slice(t.end, next.start))
        ) {
          continue
        }
      } else if (!t.cap && !isLexiconName(t.folded)) continue
      const last = extend(text, tokens, i, !t.cap)
      if (re === KIN_CUE && looksLikeStreet(text, tokens, i, last)) continue
      take(i, last)
    }
  }

  // 2. Capitalised runs anchored on the name lists.
  // In Title Case Text ("After 2 Hours Of Waiting") capitals inside a sentence mean nothing.
  const inner = tokens.filter((t) => !t.sentenceStart && t.end - t.start >= 3)
  const titleCase = inner.length >= 4 && inner.filter((t) => t.cap).length / inner.length > 0.6
  for (let i = 0; i < tokens.length; i++) {
    if (taken.has(i)) continue
    const t = tokens[i]
    if (!t.cap || !isNameToken(t, false)) continue
    const last = extend(text, tokens, i, false, taken)
    const run = tokens.slice(i, last + 1)
    if (run.every((r) => r.initial || r.end - r.start < 2)) continue // "U.S.", "L.A."
    const firstKnown = FIRST_NAMES.has(t.folded) && !AMBIGUOUS_FIRST_NAMES.has(t.folded)
    const hasSurname = run.slice(1).some((r) => SURNAMES.has(r.folded) || FIRST_NAMES.has(r.folded))
    const ambiguousWithSurname = AMBIGUOUS_FIRST_NAMES.has(t.folded) && hasSurname
    const unknownWithSurname = run.length >= 2 && run.slice(1).some((r) => r.cap && SURNAMES.has(r.folded))
    const personContext =
      !t.sentenceStart &&
      !isAcronym(text, t) &&
      PERSON_CONTEXT.test(text.slice(Math.max(0, t.start - 14), t.start))
    // A run of two or more capitalised words inside a sentence is a proper name; places are ruled out below.
    const midSentenceRun = !titleCase && !t.sentenceStart && run.length >= 2 && !run.some((r) => isAcronym(text, r))
    // A single capitalised word inside a sentence, not after a place preposition or an article, is taken as a name:
    // "When the raid started, Yuliana ran". Places after "in"/"en" and brands after "the"/"la" are left.
    const midSentenceWord =
      !titleCase &&
      !t.sentenceStart &&
      run.length === 1 &&
      !isAcronym(text, t) &&
      !NOT_PERSON_BEFORE.test(text.slice(Math.max(0, t.start - 16), t.start)) &&
      /^\s+\p{Ll}/u.test(text.slice(t.end, t.end + 3))
    // "Yareli called me", "Yareli fue detenida": a lone capitalised word starting a sentence, before a verb people do.
    const subjectOfPersonVerb =
      t.sentenceStart &&
      run.length === 1 &&
      !isAcronym(text, t) &&
      !KIN_WORD.test(text.slice(t.start, t.end)) &&
      (!t.folded.endsWith('s') || isLexiconName(t.folded)) &&
      PERSON_VERB_AFTER.test(text.slice(t.end, t.end + 24))
    // "The Lindqvist family", "the Ortegas' house": a surname between "the" and a family word.
    const familyName =
      run.length === 1 && !isAcronym(text, t) && /\bthe\s+$/i.test(text.slice(Math.max(0, t.start - 5), t.start)) && FAMILY_AFTER.test(text.slice(t.end, t.end + 12))
    const strong = firstKnown || ambiguousWithSurname || unknownWithSurname || familyName
    const weak = personContext || midSentenceRun || midSentenceWord || subjectOfPersonVerb
    if (!strong && !weak) continue
    // Weak evidence does not make a name of ordinary words ("Score was 4-2", "Sin JavaScript:", "Unity")
    // or of words written in capitals for emphasis ("WATCHES", "AVISO").
    // A run of several words stays a name if any of them is not ordinary ("Callum P. Maqueda").
    if (!strong && run.filter((r) => !r.initial).every((r) => ordinaryCapital(text, r))) continue
    if (PLACE_TAILS.has(tokens[last].folded) || run.some((r) => ORGANISATION_WORDS.has(r.folded))) continue
    if ((!familyName && looksLikeStreet(text, tokens, i, last)) || isPlacePhrase(text, tokens, i, last)) continue
    take(i, last)
    i = last
  }

  // In text written in capitals, a known first name starts a name, followed by known names.
  if (shouting) {
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]
      if (taken.has(i) || !FIRST_NAMES.has(t.folded) || AMBIGUOUS_FIRST_NAMES.has(t.folded) || !isNameToken(t, true)) continue
      const last = extend(text, tokens, i, true)
      take(i, last)
      i = last
    }
  }

  // Names typed in lower case ("follow up with benjamin a seiler", "dile a maria lopez"): a run of
  // two to four lower-case name words, none an ordinary word.
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]
    if (taken.has(i) || t.cap || STOPWORDS.has(t.folded)) continue
    // A lower-case name starts right after a person word, or is two words or more starting with a listed
    // name: cheap tests first (most lower-case words are followed by a stop word or a capital).
    if (!(i > 0 && LOWER_CONTEXT.has(tokens[i - 1].folded))) {
      const next = tokens[i + 1]
      if (!next || next.cap || (STOPWORDS.has(next.folded) && next.end - next.start > 1) || !isNameListWord(t.folded)) continue
    }
    const last = lowerCaseName(text, tokens, i, taken)
    if (last > i || (last === i && FIRST_NAMES.has(tokens[i].folded) && isStrongFirstName(tokens[i].folded) && personContextBefore(text, tokens, i, true))) {
      take(i, last)
      i = last
    }
  }

  // 3. Lists: "con Hermelinda, Elmer y Dulce", "Ofelia and Juan".
  let grew = true
  while (grew) {
    grew = false
    for (const [firstIdx, lastIdx] of [...spans]) {
      const c = out[spans.findIndex(([f]) => f === firstIdx)]
      // The conjunction is a token of its own: skip it to reach the name ("Beto y Memo").
      const n = CONJUNCTIONS.has(tokens[lastIdx + 1]?.folded ?? '') ? lastIdx + 2 : lastIdx + 1
      const next = tokens[n]
      if (next && !taken.has(n) && /^\s*(?:,|,?\s+(?:and|y|e|or|o|&))\s+$/i.test(text.slice(c.end, next.start))) {
        const end = next.cap && isNameToken(next, false) && !isAcronym(text, next) ? extend(text, tokens, n, false) : -1
        if (end >= 0 && !isPlacePhrase(text, tokens, n, end)) {
          take(n, end)
          grew = true
        }
      }
      const pi = CONJUNCTIONS.has(tokens[firstIdx - 1]?.folded ?? '') ? firstIdx - 2 : firstIdx - 1
      const prev = tokens[pi]
      if (prev && !taken.has(pi) && /^\s*(?:,|\s(?:and|y|e|&))\s*$/i.test(text.slice(prev.end, c.start))) {
        if (prev.cap && isNameToken(prev, false) && !isAcronym(text, prev) && (FIRST_NAMES.has(prev.folded) || !prev.sentenceStart) && !isPlacePhrase(text, tokens, pi, pi)) {
          take(pi, pi)
          grew = true
        }
      }
    }
  }

  // 4. Later mentions of words already found in a name.
  const known = new Set<string>()
  for (const [first, last] of spans) {
    for (let i = first; i <= last; i++) {
      const t = tokens[i]
      if (t.end - t.start >= 3 && !NOT_NAME_WORDS.has(t.folded)) known.add(t.folded)
    }
  }
  for (let i = 0; i < tokens.length; i++) {
    if (taken.has(i) || !tokens[i].cap || tokens[i].protected || !known.has(tokens[i].folded)) continue
    const last = extend(text, tokens, i, false)
    if (isPlacePhrase(text, tokens, i, last)) continue
    take(i, last)
    i = last
  }
  return out
}
