/** The shape of one theme's phrase pools in one language; see phrases-en.ts for placeholders. */
export type ThemePhrases = {
  /** What happened; opens with `{When}`. May start with `setting|`. */
  events: string[]
  /** Child-slug → events that mainly illustrate that child tag. */
  children?: Record<string, string[]>
  /** What the federal agents did. */
  agents?: string[]
  /** What LAPD or City staff did, as a sentence of the testimony. */
  city: string[]
  /** How it affected the speaker or the community. */
  impact: string[]
  /** What the speaker asks for, as a sentence of the testimony. */
  asks: string[]
  /** Short values for the structured `cityResponse` field. */
  cityResponse: string[]
  /** Short values for the structured `guidanceWanted` field. */
  guidance: string[]
}
