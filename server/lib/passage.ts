/**
 * A search result's passage: PostgreSQL's ts_headline marks each match with
 * two private-use characters (stripped from the text beforehand, so only the
 * database can put them there), and this splits the marked string into plain
 * segments. The page renders matched segments as <mark> through React, so the
 * text is never injected as HTML. Pure: no db, no clock.
 */

export const MATCH_START = '\uE000'
export const MATCH_STOP = '\uE001'
/** Between two fragments of one testimony. */
export const FRAGMENT_DELIMITER = ' … '

/** The options of ts_headline: a short passage around the matches, at most two fragments. */
export const HEADLINE_OPTIONS = `StartSel=${MATCH_START}, StopSel=${MATCH_STOP}, MaxWords=18, MinWords=8, ShortWord=2, MaxFragments=2, FragmentDelimiter="${FRAGMENT_DELIMITER}"`

export type PassageSegment = { text: string; match: boolean }

/**
 * Segments of a marked headline, with "…" where the passage starts after the
 * beginning or ends before the end of the full text.
 */
export function passageSegments(marked: string, fullText: string): PassageSegment[] {
  const segments: PassageSegment[] = []
  let match = false
  for (const part of marked.split(new RegExp(`([${MATCH_START}${MATCH_STOP}])`))) {
    if (part === MATCH_START) match = true
    else if (part === MATCH_STOP) match = false
    else if (part !== '') {
      // ts_headline leaves spaces where it dropped markup: keep them single.
      const last = segments[segments.length - 1]
      const text = part.replace(/\s+/g, ' ')
      if (last && last.match === match) last.text = (last.text + text).replace(/\s+/g, ' ')
      else segments.push({ text: last && /\s$/.test(last.text) ? text.replace(/^\s+/, '') : text, match })
    }
  }
  if (segments.length === 0) return segments
  const plain = segments.map((s) => s.text).join('')
  const fragments = plain.split(FRAGMENT_DELIMITER)
  // Fragments start and end on words: compare without the punctuation around them.
  const bare = (value: string) => value.replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '')
  const text = bare(fullText)
  if (!text.startsWith(bare(fragments[0]!))) segments.unshift({ text: '… ', match: false })
  if (!text.endsWith(bare(fragments[fragments.length - 1]!))) segments.push({ text: ' …', match: false })
  return segments
}
