export const ENTITY_TYPES = [
  'NAME',
  'PHONE',
  'EMAIL',
  'ADDRESS',
  'SSN',
  'A_NUMBER',
  'PLATE',
  'DOB',
  'CARD',
  'ID',
  'URL',
  'IP',
] as const
export type EntityType = (typeof ENTITY_TYPES)[number]

export type Entity = { type: EntityType; start: number; end: number }

/** A detector's proposal; overlaps are settled by priority, then length. */
export type Candidate = Entity & { priority: number }

/**
 * When two proposals overlap, the more specific detector wins: an e-mail
 * address beats the name inside it, a card number beats a phone-shaped run.
 */
export const PRIORITY: Record<EntityType, number> = {
  EMAIL: 100,
  URL: 95,
  IP: 92,
  CARD: 90,
  SSN: 85,
  A_NUMBER: 84,
  ID: 80,
  PHONE: 75,
  PLATE: 70,
  DOB: 65,
  ADDRESS: 60,
  NAME: 50,
}
