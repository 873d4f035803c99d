/**
 * Demo testimony for the seed script: community testimony about federal
 * immigration enforcement and the City's response, in English and Spanish, built
 * from per-theme phrase pools so that clustering has real structure to recover.
 *
 * Everything is fictional. Places are public and Area-level, times are months.
 * About one text in twenty carries a fake personal detail (a relative's first name,
 * a 555-01xx phone number, an A000 A-number) so the demo shows intake redaction.
 * Pure and deterministic: the same seed always yields the same list.
 */
import { STARTER_CODEBOOK, type AreaCode, type Setting, type Agency } from '../schemas/reference'
import { createRng, allocate, type Rng } from './rng'
import {
  AREA_WEIGHTS,
  FEDERAL_NOUNS,
  LANDMARKS,
  MONTH_NAMES,
  MONTH_WEIGHTS,
  NATIONAL_GUARD_LAST_MONTH,
  NEIGHBORHOODS,
  SETTING_PLACES,
  WHEN_PHRASES,
  type Pair,
} from './places'
import { VOICES } from './voices'
import { PHRASES_EN } from './phrases-en'
import { PHRASES_ES } from './phrases-es'
import type { ThemePhrases } from './phrase-types'

export type DemoTestimony = {
  text: string
  lang: 'en' | 'es'
  incidentMonth: string
  area: AreaCode
  setting: Setting
  agencies: Agency[]
  cityResponse: string | null
  guidanceWanted: string | null
  consentQuote: boolean
  consentContact: boolean
  theme: string
  secondaryThemes: string[]
  organization: number
}

type Lang = DemoTestimony['lang']

/**
 * The two organizations `organization` (0 or 1) points at. Their names carry the
 * demo marker, so every screen, export and audit entry that shows the organization
 * shows that the testimony is sample data.
 */
export const DEMO_ORGANIZATIONS = [
  { name: '[DEMO] Eastside Worker Center (sample data)', descriptionEn: 'Fictional day-labor and car-wash worker center', descriptionEs: 'Centro de trabajadores ficticio' },
  { name: '[DEMO] Valley Rapid Response Network (sample data)', descriptionEn: 'Fictional rapid-response and parish network', descriptionEs: 'Red de respuesta rápida ficticia' },
] as const

/** How much testimony each top-level theme gets; the smallest still gets ~16 of 360. */
const THEME_WEIGHTS: (readonly [string, number])[] = [
  ['federal-agents-identification', 2.0],
  ['lapd-role-at-scenes', 2.0],
  ['crowd-control-protests', 1.6],
  ['status-questions-so40', 1.2],
  ['calls-for-service-911', 1.2],
  ['city-property-facilities', 1.2],
  ['schools-children', 1.5],
  ['workplaces-day-labor', 1.8],
  ['courts', 1.2],
  ['language-access', 1.0],
  ['family-impact-services', 1.4],
  ['know-your-rights', 1.1],
  ['data-privacy', 1.0],
  ['officer-conduct-positive', 1.1],
  ['officer-conduct-negative', 1.5],
  ['requests-for-guidance', 1.2],
]

/** Settings for events that do not name their own. */
const THEME_SETTINGS: Record<string, (readonly [Setting, number])[]> = {
  'federal-agents-identification': [['street', 3], ['home', 2], ['day-labor-site', 1], ['workplace', 1], ['store', 1], ['transit', 1]],
  'lapd-role-at-scenes': [['street', 3], ['day-labor-site', 2], ['workplace', 1], ['store', 1], ['park', 1], ['home', 1]],
  'crowd-control-protests': [['street', 5], ['park', 2]],
  'status-questions-so40': [['street', 4], ['home', 1], ['transit', 1], ['park', 1], ['store', 1]],
  'calls-for-service-911': [['home', 4], ['street', 2], ['store', 2], ['workplace', 1]],
  'city-property-facilities': [['park', 3], ['library', 2], ['recreation-center', 2], ['other', 1]],
  'schools-children': [['school', 5], ['street', 1], ['park', 1], ['home', 1]],
  'workplaces-day-labor': [['workplace', 4], ['day-labor-site', 3], ['store', 1]],
  courts: [['courthouse', 6], ['street', 1]],
  'language-access': [['street', 2], ['home', 1], ['courthouse', 1], ['library', 1], ['school', 1], ['other', 1], ['park', 1]],
  'family-impact-services': [['home', 3], ['street', 1], ['school', 1], ['workplace', 1], ['other', 1]],
  'know-your-rights': [['other', 2], ['home', 2], ['street', 1], ['library', 1], ['school', 1], ['park', 1]],
  'data-privacy': [['street', 2], ['transit', 1], ['library', 1], ['recreation-center', 1], ['other', 1], ['home', 1]],
  'officer-conduct-positive': [['street', 2], ['park', 1], ['school', 1], ['day-labor-site', 1], ['store', 1], ['home', 1]],
  'officer-conduct-negative': [['street', 3], ['day-labor-site', 1], ['park', 1], ['transit', 1], ['home', 1]],
  'requests-for-guidance': [['other', 2], ['street', 2], ['park', 1], ['school', 1], ['home', 1]],
}

/** Sentences that only make sense in some months: the Guard deployment, the downtown curfew, summer camp. */
const SEASONAL: (readonly [RegExp, (month: string) => boolean])[] = [
  [/National Guard|Guardia Nacional/, (month) => month <= NATIONAL_GUARD_LAST_MONTH],
  [/curfew|toque de queda/, (month) => month <= '2025-07'],
  [/summer camp|campamento de verano/, (month) => ['06', '07', '08'].includes(month.slice(5))],
]

/** Themes whose main event is an arrest, where a sentence about what the agents did fits. */
const ARREST_THEMES = new Set([
  'federal-agents-identification',
  'lapd-role-at-scenes',
  'workplaces-day-labor',
  'courts',
  'family-impact-services',
  'schools-children',
  'officer-conduct-positive',
  'officer-conduct-negative',
])

/** Themes whose testimony is about LAPD at the scene, so it nearly always says what officers did. */
const POLICE_THEMES = new Set(['lapd-role-at-scenes', 'officer-conduct-positive', 'officer-conduct-negative', 'status-questions-so40', 'crowd-control-protests'])

/**
 * Real testimony wanders: a sentence about what officers did or what people ask
 * for often belongs to another theme. Borrowing it makes the overlap, and the
 * lending theme is recorded in `secondaryThemes`.
 */
const BORROW = {
  agents: ['federal-agents-identification'],
  city: ['lapd-role-at-scenes'],
  impact: ['family-impact-services', 'calls-for-service-911'],
  asks: ['requests-for-guidance', 'officer-conduct-negative', 'know-your-rights', 'language-access'],
}
/** Agents, officers and families are only borrowed into a story where someone was arrested. */
const BORROWED_ONLY_INTO_ARRESTS = new Set<keyof typeof BORROW>(['agents', 'city', 'impact'])

/** What the agents did, when the theme has nothing more specific to say. */
const SHARED_AGENTS: Pair[] = [
  ['They had one man face down on the sidewalk in a few seconds.', 'En unos segundos tenían a un señor boca abajo en la banqueta.'],
  ['They put one man in the back of a car without letting him call anyone.', 'A uno lo subieron atrás de un carro sin dejarlo llamarle a nadie.'],
  ['They pushed a woman who was only asking what was going on.', 'Empujaron a una señora que nomás estaba preguntando qué pasaba.'],
  ['They never said why they were taking people or where.', 'Nunca dijeron por qué se llevaban a la gente ni a dónde.'],
  ['One of them pointed a rifle at the people who were recording.', 'Uno de ellos les apuntó con un rifle a los que estaban grabando.'],
  ['They broke a car window to pull the driver out.', 'Le quebraron el vidrio a un carro para sacar al chofer.'],
]

/** Fake personal details for the redaction demo; placeholders filled below. Only arrest stories say someone was taken. */
const PERSONAL_DETAILS: { afterArrest: boolean; text: Pair }[] = [
  { afterArrest: true, text: ['My brother {male} was one of the men they took, and we still don’t know where he is.', 'A mi hermano {male} se lo llevaron y todavía no sabemos dónde está.'] },
  { afterArrest: false, text: ['If you need more details you can call me at {phone}.', 'Si necesitan más información me pueden llamar al {phone}.'] },
  { afterArrest: true, text: ['My husband {male}’s A-number is {anumber}, in case anyone can help us find him.', 'El número A de mi esposo {male} es {anumber}, por si alguien nos puede ayudar a encontrarlo.'] },
  { afterArrest: false, text: ['My cousin {female} saw everything and you can reach her at {phone}.', 'Mi prima {female} vio todo y les puede contar más, su número es {phone}.'] },
  { afterArrest: true, text: ['They took my uncle {male}, his A-number is {anumber}.', 'Se llevaron a mi tío {male}, su número de extranjero es {anumber}.'] },
  { afterArrest: false, text: ['My daughter {female} was with me and she still cries about it.', 'Mi hija {female} iba conmigo y todavía llora cuando se acuerda.'] },
]
const MALE_NAMES = ['Julio', 'Rigoberto', 'Luis', 'Marvin', 'Edgar', 'Wilmer', 'Chuy', 'Ernesto']
const FEMALE_NAMES = ['Maribel', 'Rosa', 'Yesenia', 'Andrea', 'Guadalupe', 'Karla', 'Leticia']
const AREA_PHONE_CODES = ['213', '323', '818', '562', '310']

const PERSONAL_DETAIL_SHARE = 0.05
const ENGLISH_SHARE = 0.55

const PHRASES: Record<Lang, Record<string, ThemePhrases>> = { en: PHRASES_EN, es: PHRASES_ES }
const TOP_LEVEL_SLUGS = STARTER_CODEBOOK.map((entry) => entry.slug)
const PARENT_OF = new Map(STARTER_CODEBOOK.flatMap((entry) => (entry.children ?? []).map((child) => [child.slug, entry.slug] as const)))

export function generateDemoTestimonies(opts: { count: number; seed: number }): DemoTestimony[] {
  const { count, seed } = opts
  if (!Number.isInteger(count) || count < 0) throw new Error(`count must be a non-negative integer, got ${count}`)
  const rng = createRng(seed)

  // Quotas, then shuffles: the split by theme, language and Area is exact, not left to luck.
  const themes = rng.shuffle(allocate(count, THEME_WEIGHTS))
  const langs = rng.shuffle(allocate<Lang>(count, [['en', ENGLISH_SHARE], ['es', 1 - ENGLISH_SHARE]]))
  const areas = rng.shuffle(allocate(count, AREA_WEIGHTS, 3))
  const months = rng.shuffle(allocate(count, MONTH_WEIGHTS))
  pullProtestsIntoSummer(rng, themes, months)
  const withDetail = new Set(rng.shuffle(Array.from({ length: count }, (_, i) => i)).slice(0, Math.round(count * PERSONAL_DETAIL_SHARE)))

  return themes.map((theme, i) =>
    composeTestimony(rng, { topTheme: theme, lang: langs[i], area: areas[i], month: months[i], personalDetail: withDetail.has(i) }),
  )
}

/** The protests were a summer-2025 event; most protest testimony should fall there. */
function pullProtestsIntoSummer(rng: Rng, themes: string[], months: string[]) {
  const isSummer = (month: string) => month >= '2025-06' && month <= '2025-08'
  for (let i = 0; i < themes.length; i++) {
    if (themes[i] !== 'crowd-control-protests' || isSummer(months[i]) || !rng.chance(0.8)) continue
    const start = rng.int(0, themes.length - 1)
    for (let k = 0; k < themes.length; k++) {
      const j = (start + k) % themes.length
      if (themes[j] !== 'crowd-control-protests' && isSummer(months[j])) {
        ;[months[i], months[j]] = [months[j], months[i]]
        break
      }
    }
  }
}

type Slots = { topTheme: string; lang: Lang; area: AreaCode; month: string; personalDetail: boolean }

function composeTestimony(rng: Rng, slots: Slots): DemoTestimony {
  const { topTheme, lang, area, month } = slots
  const li = lang === 'en' ? 0 : 1
  const pools = PHRASES[lang]
  const own = pools[topTheme]
  const guardAllowed = month <= NATIONAL_GUARD_LAST_MONTH
  const fits = (sentence: string) => SEASONAL.every(([pattern, inSeason]) => !pattern.test(sentence) || inSeason(month))
  const pickFitting = (pool: string[]) => rng.pick(pool.filter(fits).length > 0 ? pool.filter(fits) : pool)

  // The main event decides the theme (or child tag) and, sometimes, the setting.
  let theme = topTheme
  let events = own.events
  const childSlugs = Object.keys(own.children ?? {})
  if (childSlugs.length > 0 && rng.chance(0.75)) {
    theme = rng.pick(childSlugs)
    events = own.children![theme]
  }
  const [eventSetting, eventTemplate] = splitSetting(pickFitting(events))
  const setting = eventSetting ?? rng.weighted(THEME_SETTINGS[topTheme])

  const hood = rng.pick(NEIGHBORHOODS[area])[li]
  const fill = makeFiller(rng, { lang, li, area, setting, hood, month, guardAllowed })
  const lent: Partial<Record<keyof typeof BORROW, string>> = {}
  const borrow = (kind: keyof typeof BORROW, probability: number) => {
    const lenders = BORROW[kind].filter((slug) => slug !== topTheme)
    if (BORROWED_ONLY_INTO_ARRESTS.has(kind) && !ARREST_THEMES.has(topTheme)) return topTheme
    if (lenders.length === 0 || !rng.chance(probability)) return topTheme
    const lender = rng.pick(lenders)
    lent[kind] = lender
    return lender
  }

  const event = fill(eventTemplate)

  let agents: string | null = null
  const arrest = ARREST_THEMES.has(topTheme)
  if ((arrest || own.agents) && rng.chance(0.5)) {
    const lender = borrow('agents', 0.3)
    const pool = (lender === topTheme ? own.agents : pools[lender].agents) ?? []
    const candidates = [...pool, ...(lender === topTheme && arrest ? SHARED_AGENTS.map((pair) => pair[li]) : [])].filter(fits)
    if (candidates.length > 0) agents = fill(rng.pick(candidates))
  }

  let cityFrom: string | null = null
  let city: string | null = null
  if (rng.chance(POLICE_THEMES.has(topTheme) ? 0.85 : 0.6)) {
    cityFrom = borrow('city', 0.25)
    city = fill(pickFitting(pools[cityFrom].city))
  }

  const impact = rng.chance(0.6) ? fill(pickFitting(pools[borrow('impact', 0.15)].impact)) : null

  let askFrom: string | null = null
  let ask: string | null = null
  if (topTheme === 'requests-for-guidance' || rng.chance(0.45)) {
    askFrom = topTheme === 'requests-for-guidance' ? topTheme : borrow('asks', 0.25)
    ask = fill(pickFitting(pools[askFrom].asks))
  }

  const detail = slots.personalDetail ? fakePersonalDetail(rng, li, arrest) : null
  const intro = rng.chance(0.7) ? pickIntro(rng, topTheme, lang, area, [event, agents, city, impact, ask, detail].join(' ')) : null

  // At most six sentences: a personal detail pushes out the agents' sentence first, then the intro.
  const parts = [intro, event, agents, city, impact, ask, detail]
  const dropOrder = [2, 0]
  while (parts.filter(Boolean).length > 6) parts[dropOrder.shift()!] = null
  if (parts[2] === null) delete lent.agents
  const secondary = (['agents', 'city', 'impact', 'asks'] as const).flatMap((kind) => lent[kind] ?? [])
  const kept = parts.filter((part): part is string => part !== null)

  const sceneText = [event, parts[2], city].filter(Boolean).join(' ')
  // When the text already says what officers did, the field must not say that nobody came.
  const cityPool = pools[cityFrom ?? topTheme].cityResponse.filter((value) => !city || !/^(Nobody|No officer|Nadie|No llegó|No había)/.test(value))
  const guidancePool = pools[askFrom ?? topTheme].guidance

  return {
    text: kept.join(' '),
    lang,
    incidentMonth: month,
    area,
    setting,
    agencies: agenciesSeen(sceneText),
    cityResponse: cityPool.length > 0 && rng.chance(0.6) ? rng.pick(cityPool) : null,
    guidanceWanted: topTheme === 'requests-for-guidance' || rng.chance(askFrom ? 0.85 : 0.55) ? rng.pick(guidancePool) : null,
    consentQuote: rng.chance(0.78),
    consentContact: rng.chance(0.4),
    theme,
    secondaryThemes: [...new Set(secondary)].filter((slug) => slug !== topTheme && slug !== theme && slug !== PARENT_OF.get(theme)).slice(0, 2),
    organization: rng.chance(lang === 'es' ? 0.6 : 0.4) ? 1 : 0,
  }
}

function splitSetting(template: string): [Setting | null, string] {
  const bar = template.indexOf('|')
  return bar < 0 ? [null, template] : [template.slice(0, bar) as Setting, template.slice(bar + 1)]
}

/** A speaker who talks about their own children or spouse is not the sixteen-year-old. */
const SPEAKS_AS_PARENT = /\b(my (kids|son|daughter|youngest|husband)|mis hijos|mi hij[oa]|mi niña|mi esposo|el más chiquito)\b/i

function pickIntro(rng: Rng, topTheme: string, lang: Lang, area: AreaCode, body: string): string | null {
  const voices = SPEAKS_AS_PARENT.test(body) ? VOICES.filter((v) => v.id !== 'teenager') : VOICES
  const voice = rng.weighted(voices.map((v) => [v, v.themes.includes(topTheme) ? 4 : 1] as const))
  // "I have lived in a part of town I don't know well" reads badly: no neighbourhood when the Area is unknown.
  const variants = voice[lang].filter((variant) => area !== 'not-sure' || !variant.includes('{hood}'))
  if (variants.length === 0) return null
  const li = lang === 'en' ? 0 : 1
  const intro = rng.pick(variants).replaceAll('{hood}', rng.pick(NEIGHBORHOODS[area])[li])
  return capitalize(lang === 'es' ? contractSpanish(intro) : intro)
}

type FillContext = { lang: Lang; li: 0 | 1; area: AreaCode; setting: Setting; hood: string; month: string; guardAllowed: boolean }

/** One filler per testimony so the agents, place and month stay the same from sentence to sentence. */
function makeFiller(rng: Rng, ctx: FillContext) {
  const nouns = FEDERAL_NOUNS.filter((noun) => ctx.guardAllowed || noun.agency !== 'national-guard')
  const fed = rng.pick(rng.weighted(nouns.map((noun) => [noun, noun.weight] as const)).names)[ctx.li]
  const place = placePhrase(rng, ctx)
  const [year, monthNumber] = ctx.month.split('-')
  const when = rng
    .pick(WHEN_PHRASES)
    [ctx.li].replace('{month}', MONTH_NAMES[Number(monthNumber) - 1][ctx.li])
    .replace('{year}', year)

  return (template: string) => {
    let text = template
    // Spanish wants an article before a preverbal plural subject: "mientras unos agentes de ICE…".
    if (ctx.lang === 'es') {
      text = text.replace(/(\{When\} |mientras |cómo |porque |, |después de que )\{fed\}/g, '$1unos {fed}')
      text = text.replace('{When} ', '{When}, ')
    }
    text = text.replaceAll('{When}', when).replaceAll('{fed}', fed).replaceAll('{place}', place).replaceAll('{hood}', ctx.hood)
    return capitalize(ctx.lang === 'es' ? contractSpanish(text) : text)
  }
}

function placePhrase(rng: Rng, ctx: FillContext): string {
  const landmarks = LANDMARKS[ctx.area]?.[ctx.setting]
  const pair = landmarks && rng.chance(0.65) ? rng.pick(landmarks) : rng.pick(SETTING_PLACES[ctx.setting])
  return pair[ctx.li].replaceAll('{hood}', ctx.hood)
}

function fakePersonalDetail(rng: Rng, li: 0 | 1, afterArrest: boolean): string {
  const digits = (n: number) => Array.from({ length: n }, () => rng.int(0, 9)).join('')
  const areaCode = rng.pick(AREA_PHONE_CODES)
  const line = `01${digits(2)}`
  const phone = rng.pick([`(${areaCode}) 555-${line}`, `${areaCode}-555-${line}`, `${areaCode} 555 ${line}`])
  const aDigits = digits(6)
  const anumber = rng.pick([`A000-${aDigits.slice(0, 3)}-${aDigits.slice(3)}`, `A000${aDigits}`])
  return rng
    .pick(PERSONAL_DETAILS.filter((detail) => afterArrest || !detail.afterArrest))
    .text[li].replace('{male}', rng.pick(MALE_NAMES))
    .replace('{female}', rng.pick(FEMALE_NAMES))
    .replace('{phone}', phone)
    .replace('{anumber}', anumber)
}

/**
 * The structured "agencies seen" field follows what the sentences about the scene
 * actually say, so the field and the text never disagree.
 */
const AGENCY_PATTERNS: (readonly [Agency, RegExp])[] = [
  ['ice', /\bICE\b/],
  ['cbp', /Border Patrol|\bCBP\b|Patrulla Fronteriza|la Border\b/],
  ['hsi', /\bHSI\b/],
  ['national-guard', /National Guard|Guardia Nacional/],
  ['other-federal', /federal agents?|FEDERAL AGENT|agentes federales|\bfederales\b/],
  ['lapd', /LAPD|\bpolice\b|\bofficers?\b|\bsergeant\b|\bpolic[ií]as?\b|\bsargento\b/],
  ['lasd', /Sheriff|sheriffs|deputies/],
  ['other-city', /librarian|bibliotecaria|park staff|personal del parque|Recreation and Parks|Parques y Recreación|day-labor center staff|[Ll]os del centro de jornaleros|social worker from the City|trabajadora social de la Ciudad|immigrant affairs office|asuntos de inmigrantes/],
  ['unknown', /couldn’t identify|plain clothes|no supimos quiénes|vestidos de civil/],
]
const FEDERAL: Agency[] = ['ice', 'cbp', 'hsi', 'national-guard', 'other-federal']

function agenciesSeen(sceneText: string): Agency[] {
  const found = AGENCY_PATTERNS.filter(([, pattern]) => pattern.test(sceneText)).map(([agency]) => agency)
  let federal = found.filter((agency) => FEDERAL.includes(agency))
  if (federal.length === 0 && found.includes('unknown')) federal = ['unknown']
  const local = found.filter((agency) => agency === 'lapd' || agency === 'lasd' || agency === 'other-city')
  const seen = [...federal.slice(0, 2), ...local].slice(0, 3)
  return seen.length > 0 ? seen : ['unknown']
}

/** "de el centro" → "del centro" once a neighbourhood with an article lands after a preposition. */
function contractSpanish(text: string): string {
  return text.replace(/\bde el\b/g, 'del').replace(/\ba el\b/g, 'al')
}

function capitalize(sentence: string): string {
  const i = sentence.search(/[\p{L}\p{N}]/u)
  return i < 0 || !/\p{L}/u.test(sentence[i]) ? sentence : sentence.slice(0, i) + sentence[i].toUpperCase() + sentence.slice(i + 1)
}

/** The top-level slug a theme belongs to (a child slug maps to its parent). */
export function topLevelTheme(slug: string): string {
  return PARENT_OF.get(slug) ?? slug
}

export { TOP_LEVEL_SLUGS }
