/**
 * Reference lists from PRODUCT.md: LAPD geographic Areas by bureau, settings,
 * agencies, and the starter codebook. Codes are stable identifiers stored in the
 * database; labels live in the translation files (app/i18n/*.json) under
 * `area.<code>`, `setting.<code>`, `agency.<code>`, and the codebook carries its
 * own English and Spanish names because facilitators edit it.
 *
 * This file is zod-free plain data so the browser, the server and scripts can share it.
 */

export const BUREAUS = {
  central: ['central', 'rampart', 'hollenbeck', 'northeast', 'newton'],
  south: ['77th-street', 'southwest', 'harbor', 'southeast'],
  west: ['hollywood', 'wilshire', 'west-los-angeles', 'pacific', 'olympic'],
  valley: ['van-nuys', 'west-valley', 'north-hollywood', 'foothill', 'devonshire', 'mission', 'topanga'],
} as const

export type Bureau = keyof typeof BUREAUS
export const LAPD_AREAS = Object.values(BUREAUS).flat() as LapdArea[]
export type LapdArea = (typeof BUREAUS)[Bureau][number]
/** Every value the `area` field may hold: an LAPD Area, or one of the two catch-alls. */
export const AREA_CODES = [...LAPD_AREAS, 'outside-city', 'not-sure'] as const
export type AreaCode = LapdArea | 'outside-city' | 'not-sure'

export function bureauOf(area: string): Bureau | null {
  for (const [bureau, areas] of Object.entries(BUREAUS)) {
    if ((areas as readonly string[]).includes(area)) return bureau as Bureau
  }
  return null
}

export const SETTINGS = [
  'park',
  'library',
  'recreation-center',
  'school',
  'courthouse',
  'workplace',
  'day-labor-site',
  'street',
  'home',
  'transit',
  'store',
  'other',
] as const
export type Setting = (typeof SETTINGS)[number]

export const AGENCIES = [
  'ice',
  'cbp',
  'hsi',
  'other-federal',
  'national-guard',
  'lapd',
  'lasd',
  'other-city',
  'unknown',
] as const
export type Agency = (typeof AGENCIES)[number]

export const LANGUAGES = ['en', 'es', 'other'] as const
export type Language = (typeof LANGUAGES)[number]

export const ROLES = ['submitter', 'facilitator', 'commission', 'admin'] as const
export type Role = (typeof ROLES)[number]

export const SUBMISSION_STATUSES = ['pending', 'accepted', 'hidden', 'merged', 'withdrawn'] as const
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number]

export type CodebookEntry = {
  slug: string
  en: string
  es: string
  descriptionEn: string
  descriptionEs: string
  children?: CodebookEntry[]
}

/** The starter codebook of PRODUCT.md. Facilitators edit it; this is only the seed. */
export const STARTER_CODEBOOK: CodebookEntry[] = [
  {
    slug: 'federal-agents-identification',
    en: 'Identification of federal agents',
    es: 'Identificación de agentes federales',
    descriptionEn: 'Whether agents showed badges, wore masks, used marked or unmarked vehicles.',
    descriptionEs: 'Si los agentes mostraron placas, usaron máscaras, vehículos marcados o sin marcar.',
    children: [
      { slug: 'badges', en: 'Badges', es: 'Placas', descriptionEn: 'Badges or identification shown or missing.', descriptionEs: 'Placas o identificación mostradas o ausentes.' },
      { slug: 'masks', en: 'Masks', es: 'Máscaras', descriptionEn: 'Agents with covered faces.', descriptionEs: 'Agentes con la cara cubierta.' },
      { slug: 'vehicles', en: 'Vehicles', es: 'Vehículos', descriptionEn: 'Unmarked cars, vans, plates.', descriptionEs: 'Carros sin marcas, camionetas, placas de vehículos.' },
    ],
  },
  {
    slug: 'lapd-role-at-scenes',
    en: 'LAPD role at enforcement scenes',
    es: 'Papel del LAPD en operativos',
    descriptionEn: 'What LAPD officers did when federal enforcement was under way.',
    descriptionEs: 'Qué hicieron los agentes del LAPD durante operativos federales.',
  },
  {
    slug: 'crowd-control-protests',
    en: 'Crowd control and protests',
    es: 'Control de multitudes y protestas',
    descriptionEn: 'Protests, dispersal orders, less-lethal munitions, kettling.',
    descriptionEs: 'Protestas, órdenes de dispersión, armas menos letales, encapsulamiento.',
  },
  {
    slug: 'status-questions-so40',
    en: 'Status questions and Special Order 40',
    es: 'Preguntas sobre estatus y Orden Especial 40',
    descriptionEn: 'Officers asking about immigration status or papers.',
    descriptionEs: 'Agentes que preguntan por estatus migratorio o papeles.',
  },
  {
    slug: 'calls-for-service-911',
    en: 'Calls for service and trust in 911',
    es: 'Llamadas de servicio y confianza en el 911',
    descriptionEn: 'Whether people feel safe calling 911 or reporting crimes.',
    descriptionEs: 'Si la gente se siente segura al llamar al 911 o denunciar delitos.',
  },
  {
    slug: 'city-property-facilities',
    en: 'City property and facilities',
    es: 'Propiedad e instalaciones de la Ciudad',
    descriptionEn: 'Parks, libraries, recreation centers and other City sites.',
    descriptionEs: 'Parques, bibliotecas, centros recreativos y otros sitios de la Ciudad.',
  },
  {
    slug: 'schools-children',
    en: 'Schools and children',
    es: 'Escuelas y niños',
    descriptionEn: 'Enforcement near schools; effects on children.',
    descriptionEs: 'Operativos cerca de escuelas; efectos en los niños.',
  },
  {
    slug: 'workplaces-day-labor',
    en: 'Workplaces and day-labor sites',
    es: 'Lugares de trabajo y sitios de jornaleros',
    descriptionEn: 'Raids at car washes, farms, stores, day-labor corners.',
    descriptionEs: 'Redadas en lavados de carros, campos, tiendas, esquinas de jornaleros.',
  },
  {
    slug: 'courts',
    en: 'Courts',
    es: 'Cortes',
    descriptionEn: 'Arrests at or near courthouses and immigration court.',
    descriptionEs: 'Arrestos en o cerca de cortes y la corte de inmigración.',
  },
  {
    slug: 'language-access',
    en: 'Language access',
    es: 'Acceso lingüístico',
    descriptionEn: 'Interpretation and information in people’s languages.',
    descriptionEs: 'Interpretación e información en el idioma de la gente.',
  },
  {
    slug: 'family-impact-services',
    en: 'Family impact and services',
    es: 'Impacto familiar y servicios',
    descriptionEn: 'Family separation, children left alone, access to services.',
    descriptionEs: 'Separación familiar, niños solos, acceso a servicios.',
  },
  {
    slug: 'know-your-rights',
    en: 'Know-your-rights information',
    es: 'Información sobre sus derechos',
    descriptionEn: 'Rights information, rapid-response networks, trainings.',
    descriptionEs: 'Información de derechos, redes de respuesta rápida, capacitaciones.',
  },
  {
    slug: 'data-privacy',
    en: 'Data and privacy',
    es: 'Datos y privacidad',
    descriptionEn: 'Fear that City data, cameras or records reach immigration enforcement.',
    descriptionEs: 'Miedo a que datos, cámaras o registros de la Ciudad lleguen a inmigración.',
  },
  {
    slug: 'officer-conduct-positive',
    en: 'Officer conduct (positive)',
    es: 'Conducta de agentes (positiva)',
    descriptionEn: 'Officers who helped, protected or informed people.',
    descriptionEs: 'Agentes que ayudaron, protegieron o informaron a la gente.',
  },
  {
    slug: 'officer-conduct-negative',
    en: 'Officer conduct (negative)',
    es: 'Conducta de agentes (negativa)',
    descriptionEn: 'Officers who were rude, threatening or helped enforcement.',
    descriptionEs: 'Agentes groseros, amenazantes o que ayudaron a los operativos.',
  },
  {
    slug: 'requests-for-guidance',
    en: 'Requests for guidance',
    es: 'Solicitudes de orientación',
    descriptionEn: 'What the community asks officers to do differently.',
    descriptionEs: 'Lo que la comunidad pide que los agentes hagan diferente.',
  },
]
