/**
 * Where and when, at the resolution the product allows: LAPD Area, neighbourhood,
 * public landmark, month. Never a street address or a day of the month.
 * Each entry is an [English, Spanish] pair; the Spanish is how people in Los Angeles
 * say it ("la Sunset", "el camión"), not a translation.
 */
import type { AreaCode, Setting, Agency } from '../schemas/reference'

export type Pair = readonly [en: string, es: string]

export const NEIGHBORHOODS: Record<AreaCode, Pair[]> = {
  central: [['Downtown LA', 'el centro'], ['the Fashion District', 'el Fashion District'], ['Chinatown', 'Chinatown'], ['Skid Row', 'Skid Row']],
  rampart: [['Westlake', 'Westlake'], ['Pico-Union', 'Pico-Union'], ['Echo Park', 'Echo Park'], ['Silver Lake', 'Silver Lake']],
  hollenbeck: [['Boyle Heights', 'Boyle Heights'], ['El Sereno', 'El Sereno'], ['Lincoln Heights', 'Lincoln Heights']],
  northeast: [['Highland Park', 'Highland Park'], ['Cypress Park', 'Cypress Park'], ['Glassell Park', 'Glassell Park'], ['Eagle Rock', 'Eagle Rock']],
  newton: [['South Park', 'South Park'], ['Central-Alameda', 'Central-Alameda'], ['the Central Avenue corridor', 'la Central']],
  '77th-street': [['Vermont Square', 'Vermont Square'], ['Hyde Park', 'Hyde Park'], ['Manchester Square', 'Manchester Square']],
  southwest: [['Jefferson Park', 'Jefferson Park'], ['Leimert Park', 'Leimert Park'], ['University Park', 'University Park'], ['Baldwin Village', 'Baldwin Village']],
  harbor: [['Wilmington', 'Wilmington'], ['San Pedro', 'San Pedro'], ['Harbor City', 'Harbor City'], ['Harbor Gateway', 'Harbor Gateway']],
  southeast: [['Watts', 'Watts'], ['Green Meadows', 'Green Meadows'], ['the Avalon corridor', 'la Avalon']],
  hollywood: [['Hollywood', 'Hollywood'], ['East Hollywood', 'East Hollywood'], ['Thai Town', 'Thai Town']],
  wilshire: [['Mid-City', 'Mid-City'], ['Mid-Wilshire', 'Mid-Wilshire'], ['the Fairfax district', 'la zona de Fairfax']],
  'west-los-angeles': [['Sawtelle', 'Sawtelle'], ['West LA', 'West LA'], ['Westwood', 'Westwood']],
  pacific: [['Venice', 'Venice'], ['Mar Vista', 'Mar Vista'], ['Palms', 'Palms'], ['Westchester', 'Westchester']],
  olympic: [['Koreatown', 'Koreatown'], ['Harvard Heights', 'Harvard Heights'], ['the Olympic corridor', 'la Olympic']],
  'van-nuys': [['Van Nuys', 'Van Nuys'], ['Sherman Oaks', 'Sherman Oaks'], ['Valley Glen', 'Valley Glen']],
  'west-valley': [['Reseda', 'Reseda'], ['Lake Balboa', 'Lake Balboa'], ['Encino', 'Encino'], ['Tarzana', 'Tarzana']],
  'north-hollywood': [['North Hollywood', 'North Hollywood'], ['Valley Village', 'Valley Village'], ['Studio City', 'Studio City']],
  foothill: [['Pacoima', 'Pacoima'], ['Sun Valley', 'Sun Valley'], ['Sunland-Tujunga', 'Sunland-Tujunga'], ['Lake View Terrace', 'Lake View Terrace']],
  devonshire: [['Northridge', 'Northridge'], ['Granada Hills', 'Granada Hills'], ['Chatsworth', 'Chatsworth']],
  mission: [['Panorama City', 'Panorama City'], ['Sylmar', 'Sylmar'], ['North Hills', 'North Hills'], ['Mission Hills', 'Mission Hills']],
  topanga: [['Canoga Park', 'Canoga Park'], ['Winnetka', 'Winnetka'], ['Woodland Hills', 'Woodland Hills']],
  'outside-city': [['Huntington Park', 'Huntington Park'], ['Paramount', 'Paramount'], ['Bell Gardens', 'Bell Gardens'], ['Cudahy', 'Cudahy'], ['Downey', 'Downey']],
  'not-sure': [['a part of town I don’t know well', 'una parte de la ciudad que no conozco bien'], ['a neighborhood near the freeway', 'un barrio cerca del freeway']],
}

/** Generic phrases per setting; `{hood}` is filled with a neighbourhood of the Area. */
export const SETTING_PLACES: Record<Setting, Pair[]> = {
  park: [
    ['at a park in {hood}', 'en un parque de {hood}'],
    ['at the neighborhood park in {hood}', 'en el parque del barrio en {hood}'],
    ['by the soccer fields at a park in {hood}', 'junto a las canchas de un parque en {hood}'],
  ],
  library: [
    ['outside the branch library in {hood}', 'afuera de la biblioteca de {hood}'],
    ['at the public library in {hood}', 'en la biblioteca pública de {hood}'],
  ],
  'recreation-center': [
    ['at the rec center in {hood}', 'en el centro recreativo de {hood}'],
    ['outside the recreation center in {hood}', 'afuera del centro recreativo en {hood}'],
  ],
  school: [
    ['outside my kids’ elementary school in {hood}', 'afuera de la primaria de mis hijos en {hood}'],
    ['at the middle school drop-off in {hood}', 'a la hora de dejar a los niños en la secundaria de {hood}'],
    ['by the school gate in {hood}', 'frente a la escuela de mi niña en {hood}'],
    ['across the street from the high school in {hood}', 'enfrente de la high school de {hood}'],
  ],
  courthouse: [
    ['outside the courthouse where we had our hearing', 'afuera de la corte donde teníamos la audiencia'],
    ['in the hallway of the courthouse', 'en el pasillo de la corte'],
  ],
  workplace: [
    ['at a car wash in {hood}', 'en un car wash de {hood}'],
    ['outside a garment shop in {hood}', 'afuera de una fábrica de costura en {hood}'],
    ['at the car wash on the corner in {hood}', 'en el car wash de la esquina en {hood}'],
    ['at a recycling yard in {hood}', 'en una recicladora de {hood}'],
    ['at a warehouse in {hood}', 'en una bodega de {hood}'],
  ],
  'day-labor-site': [
    ['at the day-labor corner in {hood}', 'en la esquina de los jornaleros en {hood}'],
    ['outside the Home Depot in {hood}', 'afuera del Home Depot de {hood}'],
    ['at the hiring corner by the hardware store in {hood}', 'en la parada de jornaleros de la ferretería en {hood}'],
  ],
  street: [
    ['on a busy street in {hood}', 'en una calle muy transitada de {hood}'],
    ['at a taco stand on the boulevard in {hood}', 'en un puesto de tacos del bulevar en {hood}'],
    ['at the corner of my block in {hood}', 'en la esquina de mi cuadra en {hood}'],
    ['at an intersection in {hood}', 'en un cruce de calles en {hood}'],
  ],
  home: [
    ['outside our apartment building in {hood}', 'afuera de nuestro edificio en {hood}'],
    ['in front of my house in {hood}', 'enfrente de mi casa en {hood}'],
    ['in the alley behind our building in {hood}', 'en el callejón detrás de los apartamentos en {hood}'],
  ],
  transit: [
    ['at a bus stop in {hood}', 'en una parada del camión en {hood}'],
    ['at the Metro station in {hood}', 'en la estación del Metro de {hood}'],
    ['on the bus through {hood}', 'arriba del bus, pasando por {hood}'],
  ],
  store: [
    ['in the parking lot of a market in {hood}', 'en el estacionamiento de un mercado en {hood}'],
    ['outside a swap meet in {hood}', 'afuera de un swap meet en {hood}'],
    ['at a carnicería in {hood}', 'en una carnicería de {hood}'],
    ['at the laundromat in {hood}', 'en la lavandería de {hood}'],
  ],
  other: [
    ['outside our church in {hood}', 'afuera de nuestra iglesia en {hood}'],
    ['at a gas station in {hood}', 'en una gasolinera de {hood}'],
    ['at a community center in {hood}', 'en un centro comunitario de {hood}'],
  ],
}

/** Public landmarks, only where the Area really holds them; preferred over the generic phrase. */
export const LANDMARKS: Partial<Record<AreaCode, Partial<Record<Setting, Pair[]>>>> = {
  central: {
    park: [['in Pershing Square', 'en Pershing Square'], ['in Grand Park', 'en el Grand Park']],
    courthouse: [
      ['outside the immigration court downtown', 'afuera de la corte de inmigración del centro'],
      ['at the federal building downtown', 'en el edificio federal del centro'],
      ['outside the Stanley Mosk courthouse', 'afuera de la corte Stanley Mosk'],
    ],
    library: [['outside the Central Library', 'afuera de la Biblioteca Central']],
    transit: [['at Union Station', 'en Union Station']],
    street: [['in Santee Alley', 'en el Santee Alley'], ['on Broadway downtown', 'en la Broadway, en el centro']],
    workplace: [['at a garment factory in the Fashion District', 'en una fábrica de ropa del Fashion District']],
  },
  rampart: {
    park: [['in MacArthur Park', 'en el parque MacArthur'], ['by Echo Park Lake', 'junto al lago de Echo Park']],
    street: [['on Alvarado Street', 'en la Alvarado'], ['on Sixth Street by the park', 'en la Sexta, por el parque']],
    transit: [['at the Metro stop at MacArthur Park', 'en la estación del Metro de MacArthur Park']],
    'day-labor-site': [['outside the Home Depot near Westlake', 'afuera del Home Depot de Westlake']],
  },
  hollenbeck: {
    park: [['in Hollenbeck Park', 'en el parque Hollenbeck'], ['in Lincoln Park', 'en el parque Lincoln']],
    street: [['on César Chávez Avenue', 'en la César Chávez'], ['by Mariachi Plaza', 'por la Plaza del Mariachi'], ['on Whittier Boulevard', 'en la Whittier']],
    library: [['outside the Benjamin Franklin library in Boyle Heights', 'afuera de la biblioteca Benjamin Franklin en Boyle Heights']],
    transit: [['at the Mariachi Plaza Metro station', 'en la estación del Metro de la Plaza del Mariachi']],
  },
  northeast: {
    'day-labor-site': [['outside the Home Depot in Cypress Park', 'afuera del Home Depot de Cypress Park']],
    street: [['on Figueroa in Highland Park', 'en la Figueroa, en Highland Park'], ['on York Boulevard', 'en la York']],
  },
  newton: {
    courthouse: [['outside the Metropolitan courthouse', 'afuera de la corte Metropolitana']],
    street: [['on Central Avenue', 'en la Central'], ['on Slauson near Central', 'en la Slauson, cerca de la Central']],
  },
  '77th-street': { street: [['on Vermont near Florence', 'en la Vermont, cerca de la Florence'], ['on Slauson', 'en la Slauson']] },
  southwest: {
    park: [['in Exposition Park', 'en Exposition Park']],
    street: [['on Crenshaw', 'en la Crenshaw'], ['on Vermont by the university', 'en la Vermont, por la universidad']],
  },
  harbor: {
    courthouse: [['outside the San Pedro courthouse', 'afuera de la corte de San Pedro']],
    street: [['on Avalon in Wilmington', 'en la Avalon, en Wilmington']],
    workplace: [['at a trucking yard by the port', 'en una yarda de trocas junto al puerto']],
  },
  southeast: { street: [['on 103rd Street in Watts', 'en la 103, en Watts']] },
  hollywood: {
    'day-labor-site': [['outside the Home Depot on Sunset', 'afuera del Home Depot de la Sunset']],
    street: [['on Santa Monica Boulevard', 'en la Santa Mónica'], ['on Hollywood Boulevard', 'en el Hollywood Boulevard']],
    transit: [['at the Metro station on Vermont and Sunset', 'en la estación del Metro de la Vermont y Sunset']],
  },
  olympic: { street: [['on Vermont in Koreatown', 'en la Vermont, en Koreatown'], ['on Pico', 'en la Pico']] },
  pacific: {
    courthouse: [['outside the Airport courthouse', 'afuera de la corte del aeropuerto']],
    street: [['on the Venice boardwalk', 'en el boardwalk de Venice'], ['on Lincoln Boulevard', 'en la Lincoln']],
  },
  'van-nuys': {
    courthouse: [['outside the Van Nuys courthouse', 'afuera de la corte de Van Nuys']],
    street: [['on Van Nuys Boulevard', 'en la Van Nuys'], ['on Sepulveda', 'en la Sepúlveda']],
    'day-labor-site': [['at the day-labor center in Van Nuys', 'en el centro de jornaleros de Van Nuys']],
  },
  'west-valley': { park: [['at Lake Balboa', 'en el lago Balboa']], street: [['on Sherman Way in Reseda', 'en la Sherman Way, en Reseda']] },
  'north-hollywood': { street: [['on Lankershim', 'en la Lankershim'], ['on Victory Boulevard', 'en la Victory']] },
  foothill: {
    park: [['at Hansen Dam', 'en la presa Hansen']],
    street: [['on Van Nuys Boulevard in Pacoima', 'en la Van Nuys, en Pacoima'], ['on San Fernando Road', 'en la San Fernando Road']],
  },
  devonshire: { courthouse: [['outside the Chatsworth courthouse', 'afuera de la corte de Chatsworth']], street: [['on Reseda Boulevard', 'en la Reseda']] },
  mission: {
    street: [['on Van Nuys Boulevard in Panorama City', 'en la Van Nuys, en Panorama City'], ['on Roscoe', 'en la Roscoe']],
    store: [['outside the swap meet in Panorama City', 'afuera del swap meet de Panorama City']],
  },
  topanga: { street: [['on Sherman Way in Canoga Park', 'en la Sherman Way, en Canoga Park']] },
  'outside-city': {
    'day-labor-site': [['outside the Home Depot in Paramount', 'afuera del Home Depot de Paramount']],
    street: [['on Pacific Boulevard in Huntington Park', 'en la Pacific, en Huntington Park'], ['on Florence Avenue in Bell Gardens', 'en la Florence, en Bell Gardens']],
    courthouse: [['outside the immigration court in Santa Ana', 'afuera de la corte de inmigración de Santa Ana']],
  },
}

/**
 * How a witness names the federal agents; the agency code is what the structured
 * field records. Spanish nouns are all plural masculine so templates agree with any of them.
 */
export const FEDERAL_NOUNS: { agency: Agency; weight: number; names: Pair[] }[] = [
  { agency: 'ice', weight: 6, names: [['ICE agents', 'agentes de ICE'], ['agents from ICE', 'oficiales de ICE'], ['ICE agents in green vests', 'agentes de ICE con chalecos verdes']] },
  { agency: 'cbp', weight: 3, names: [['Border Patrol agents', 'agentes de la Patrulla Fronteriza'], ['Border Patrol agents in green uniforms', 'agentes de la Border con uniforme verde'], ['CBP agents', 'agentes de CBP']] },
  { agency: 'hsi', weight: 1, names: [['HSI agents', 'agentes de HSI'], ['agents whose vests said HSI', 'agentes con chalecos que decían HSI']] },
  { agency: 'other-federal', weight: 2, names: [['federal agents', 'agentes federales'], ['agents with FEDERAL AGENT on their vests', 'agentes con chalecos que decían FEDERAL AGENT']] },
  { agency: 'national-guard', weight: 1, names: [['National Guard troops', 'soldados de la Guardia Nacional']] },
  { agency: 'unknown', weight: 2, names: [['men in tactical vests we couldn’t identify', 'hombres con chalecos tácticos que no supimos quiénes eran'], ['armed men in plain clothes', 'hombres armados vestidos de civil']] },
]

/** The Guard was deployed in the summer of 2025; later testimony does not mention it. */
export const NATIONAL_GUARD_LAST_MONTH = '2025-09'

export const MONTH_NAMES: Pair[] = [
  ['January', 'enero'], ['February', 'febrero'], ['March', 'marzo'], ['April', 'abril'], ['May', 'mayo'], ['June', 'junio'],
  ['July', 'julio'], ['August', 'agosto'], ['September', 'septiembre'], ['October', 'octubre'], ['November', 'noviembre'], ['December', 'diciembre'],
]

/** `{month}` and `{year}` are filled in; never a day of the month. */
export const WHEN_PHRASES: Pair[] = [
  ['In {month}', 'En {month}'],
  ['In {month} {year}', 'En {month} de {year}'],
  ['Back in {month}', 'Allá por {month}'],
  ['One morning in {month}', 'Una mañana de {month}'],
  ['Early in {month}', 'A principios de {month}'],
  ['Late in {month}', 'A finales de {month}'],
  ['One afternoon in {month}', 'Una tarde de {month}'],
  ['Around the middle of {month}', 'A mediados de {month}'],
  ['One Saturday in {month}', 'Un sábado de {month}'],
]

/** Incident months with the surge of June–August 2025 after the raids began. */
export const MONTH_WEIGHTS: (readonly [string, number])[] = [
  ['2025-06', 14], ['2025-07', 17], ['2025-08', 12], ['2025-09', 7], ['2025-10', 6], ['2025-11', 5], ['2025-12', 4],
  ['2026-01', 4], ['2026-02', 3], ['2026-03', 3], ['2026-04', 3], ['2026-05', 3], ['2026-06', 4], ['2026-07', 4],
  ['2026-08', 3], ['2026-09', 3], ['2026-10', 2],
]

/** Areas weighted by where testimony came from; every LAPD Area still gets a floor. */
export const AREA_WEIGHTS: (readonly [AreaCode, number])[] = [
  ['central', 9], ['rampart', 10], ['hollenbeck', 9], ['northeast', 5], ['newton', 6],
  ['77th-street', 5], ['southwest', 4], ['harbor', 4], ['southeast', 5],
  ['hollywood', 5], ['wilshire', 2], ['west-los-angeles', 1], ['pacific', 3], ['olympic', 5],
  ['van-nuys', 6], ['west-valley', 2], ['north-hollywood', 3], ['foothill', 5], ['devonshire', 1], ['mission', 5], ['topanga', 2],
  ['outside-city', 5], ['not-sure', 3],
]
