/**
 * Who is speaking. Each voice opens a testimony with one sentence about the
 * speaker, never a name; `{hood}` is the neighbourhood of the Area. `themes` makes a
 * voice more likely for the themes it naturally tells about (a day labourer about
 * day-labor sites, a parent about schools), without ruling it out elsewhere.
 */
export type Voice = { id: string; themes: string[]; en: string[]; es: string[] }

export const VOICES: Voice[] = [
  {
    id: 'day-laborer',
    themes: ['workplaces-day-labor', 'lapd-role-at-scenes', 'federal-agents-identification'],
    en: [
      'I’m a day laborer and I’ve looked for work at the same corner in {hood} for about twelve years.',
      'I do construction and painting jobs, whatever comes, and I wait for work in {hood}.',
      'I’m one of the guys who waits by the hardware store in {hood} every morning.',
    ],
    es: [
      'Soy jornalero y llevo como doce años buscando trabajo en la misma esquina de {hood}.',
      'Yo trabajo en lo que salga, construcción, pintura, yarda, y espero trabajo en {hood}.',
      'Soy de los que se paran temprano afuera de la ferretería en {hood} a esperar un jale.',
    ],
  },
  {
    id: 'parent',
    themes: ['schools-children', 'family-impact-services'],
    en: [
      'I’m a mom of three and I walk my kids to school in {hood} every day.',
      'I’m a father and I do the school drop-off in {hood} before I go to work.',
      'I’m a parent volunteer at my daughter’s school in {hood}.',
    ],
    es: [
      'Soy mamá de tres niños y todos los días los llevo caminando a la escuela en {hood}.',
      'Soy papá y antes de irme al trabajo dejo a mis hijos en la escuela de {hood}.',
      'Soy madre voluntaria en la escuela de mi hija, en {hood}.',
    ],
  },
  {
    id: 'street-vendor',
    themes: ['city-property-facilities', 'officer-conduct-negative', 'crowd-control-protests'],
    en: [
      'I’m a street vendor and I sell fruit with chile and lime in {hood}.',
      'I’ve sold tamales and champurrado on the same corner in {hood} for almost ten years.',
      'I have a permit and I sell elotes from my cart in {hood}.',
    ],
    es: [
      'Soy vendedora ambulante, vendo fruta con chile y limón en {hood}.',
      'Tengo casi diez años vendiendo tamales y champurrado en la misma esquina de {hood}.',
      'Tengo mi permiso y vendo elotes en mi carrito en {hood}.',
    ],
  },
  {
    id: 'car-wash-worker',
    themes: ['workplaces-day-labor', 'federal-agents-identification'],
    en: [
      'I work at a car wash in {hood}, drying and detailing cars.',
      'I’ve worked at car washes in {hood} since I came to this country.',
    ],
    es: [
      'Trabajo en un car wash en {hood}, secando y puliendo carros.',
      'Desde que llegué a este país he trabajado en car washes de {hood}.',
    ],
  },
  {
    id: 'church-volunteer',
    themes: ['know-your-rights', 'family-impact-services', 'city-property-facilities'],
    en: [
      'I volunteer with the food pantry at my parish in {hood}.',
      'I help at our church in {hood}, where we collect groceries for families who are afraid to go out.',
    ],
    es: [
      'Soy voluntaria en la despensa de comida de mi parroquia en {hood}.',
      'Ayudo en nuestra iglesia en {hood}, donde juntamos despensas para las familias que tienen miedo de salir.',
    ],
  },
  {
    id: 'rapid-response',
    themes: ['know-your-rights', 'lapd-role-at-scenes', 'federal-agents-identification', 'courts'],
    en: [
      'I’m part of a rapid-response network and I go out when a sighting is reported in {hood}.',
      'I verify reports for our rapid-response hotline, mostly in {hood}.',
      'As a rapid-response volunteer I have been to dozens of scenes, including several in {hood}.',
    ],
    es: [
      'Soy parte de una red de respuesta rápida y salgo cuando reportan a la migra en {hood}.',
      'Verifico reportes para nuestra línea de respuesta rápida, casi siempre en {hood}.',
      'Como voluntario de respuesta rápida he ido a muchísimas escenas, varias de ellas en {hood}.',
    ],
  },
  {
    id: 'teenager',
    themes: ['schools-children', 'crowd-control-protests', 'data-privacy'],
    en: [
      'I’m sixteen and I go to high school in {hood}.',
      'I’m a senior in high school and I translate for my parents a lot.',
      'I’m seventeen and I live with my grandma in {hood}.',
    ],
    es: [
      'Tengo dieciséis años y voy a la high school en {hood}.',
      'Estoy en mi último año de prepa y muchas veces les traduzco a mis papás.',
      'Tengo diecisiete años y vivo con mi abuelita en {hood}.',
    ],
  },
  {
    id: 'elderly-resident',
    themes: ['calls-for-service-911', 'language-access', 'family-impact-services'],
    en: [
      'I’m seventy-three and I have lived in {hood} for more than forty years.',
      'I’m retired and I live alone in {hood}, so I see a lot from my window.',
    ],
    es: [
      'Tengo setenta y tres años y llevo más de cuarenta viviendo en {hood}.',
      'Ya estoy jubilada y vivo sola en {hood}, así que desde mi ventana veo todo.',
    ],
  },
  {
    id: 'business-owner',
    themes: ['workplaces-day-labor', 'calls-for-service-911', 'officer-conduct-positive'],
    en: [
      'I own a small panadería in {hood} and most of my customers are neighbors.',
      'I run a little auto repair shop in {hood} with my brother-in-law.',
      'I have a small store in {hood} and I have been there since 2009.',
    ],
    es: [
      'Tengo una panadería chiquita en {hood} y casi todos mis clientes son vecinos.',
      'Tengo un tallercito mecánico en {hood} que trabajo con mi cuñado.',
      'Tengo una tiendita en {hood} desde 2009.',
    ],
  },
  {
    id: 'legal-observer',
    themes: ['crowd-control-protests', 'courts', 'lapd-role-at-scenes', 'officer-conduct-negative'],
    en: [
      'I’m a trained legal observer and I was wearing the green hat.',
      'I volunteer as a legal observer with a local lawyers’ group.',
      'I was there as a legal observer and took notes the whole time.',
    ],
    es: [
      'Soy observadora legal capacitada y traía puesta la gorra verde.',
      'Soy voluntario como observador legal con un grupo de abogados de aquí.',
      'Estuve ahí como observadora legal y fui apuntando todo lo que pasaba.',
    ],
  },
  {
    id: 'neighbor-reporter',
    themes: [],
    en: [
      'I’m writing this for my neighbor, who asked me to because she doesn’t write English.',
      'I am submitting this for an older man on my street who was too scared to come to the meeting.',
    ],
    es: [
      'Escribo esto de parte de mi vecina, que no sabe escribir bien y me pidió el favor.',
      'Lo cuento por un señor de mi cuadra que no quiso venir a la reunión por miedo.',
    ],
  },
  {
    id: 'resident',
    themes: [],
    en: [
      'I have lived in {hood} my whole life.',
      'I rent a room in {hood} and take the bus to work.',
      'I clean houses on the Westside and live in {hood}.',
    ],
    es: [
      'Toda mi vida he vivido en {hood}.',
      'Rento un cuarto en {hood} y me voy al trabajo en camión.',
      'Limpio casas en el Westside y vivo en {hood}.',
    ],
  },
]
