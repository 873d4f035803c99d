/**
 * Word lists the redactor uses. Data, not logic: every list is a whitespace-
 * separated string folded to lower case without accents (see `fold`), so a
 * lookup is one Set.has on the folded token.
 */
import { isAscii } from '../char-class'

export function fold(word: string): string {
  // Fast path, same result: ASCII has nothing to decompose and no curly quotes; of the quotes only the backtick is ASCII.
  if (isAscii(word)) {
    const lower = word.toLowerCase()
    return lower.includes('`') ? lower.replace(/`/g, "'") : lower
  }
  return word
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[’‘ʼ`´]/g, "'")
}

function words(list: string): Set<string> {
  return new Set(list.split(/\s+/).filter(Boolean).map(fold))
}

/** Common first names in Los Angeles: Latin American, US, Filipino, Korean, Armenian. */
export const FIRST_NAMES = words(`
  aaron abel abigail abraham adan adela adelaida adolfo adrian adriana agustin aida alba alberto alejandra
  alejandro alex alexa alexander alexis alfonso alfredo alicia alma alondra alvaro amanda amelia ana anabel
  anahi andrea andres andy angela angelica angelina anita antonia antonio araceli ariana armando arnulfo
  arturo ashley aurora axel barbara beatriz benito benjamin bernardo berta blanca brandon brayan brenda
  brian bryan camila candelaria carla carlos carmen carolina catalina cecilia celia cesar christian
  christopher cindy claudia clara consuelo cristian cristina cynthia daisy daniel daniela dante dario
  david deborah delia denise diana diego dolores domingo dora edgar eduardo efrain elena eli elias
  elizabeth elsa elvia emilia emilio emily emmanuel enrique erica erick erik ernesto esmeralda esperanza
  esteban estela estefania ester esther eugenia eva evelyn ezequiel fabian fatima federico felipe felix
  fernanda fernando fidel filomena flor francisca francisco gabriel gabriela genaro gerardo german gilberto
  gisela gloria gonzalo graciela gregorio griselda guadalupe guillermo gustavo hector heriberto hilda
  homero horacio hortensia hugo humberto ignacio ines irene iris irma isaac isabel isaias ismael israel
  itzel ivan ivonne jaime janet javier jazmin jennifer jeronimo jessica jesus jimena joaquin joel jonathan
  jorge jose josefina joselyn josue juan juana julia julian juliana julio karen karina karla kevin laura
  leonardo leticia liliana lizbeth lorena lorenzo lourdes lucia luciano lucio luis luisa lupe magdalena
  manuel marco marcos margarita maria mariana maribel marina mario marisol marta martha martin mateo
  matias mauricio maximiliano mayra melissa miguel milagros miriam moises monica nancy natalia nayeli
  nelson nicolas noe noemi norma octavio olga omar oscar pablo pamela patricia paola pedro perla petra
  rafael ramiro ramon raquel raul rebeca refugio reyna ricardo roberto rocio rodolfo rodrigo rogelio
  rolando ramona rosalba rosalia rosario ruben ruth salvador samuel sandra santiago sara sebastian
  selena sergio silvia socorro sofia sonia susana teresa tomas ulises valentina valeria vanessa veronica
  vicente victor violeta viviana wendy ximena xochitl yadira yesenia yolanda yesica zoila zulema
  adam alan albert alice allison amy andrew angel anna anne anthony arthur austin benjamin betty beverly
  bobby bradley brittany bruce carl carol catherine charles charlotte cheryl chris christina christine
  cody craig crystal dana danielle dennis diane donald donna doris dorothy douglas dylan edward eric
  ethan eugene evan frances gary george gerald grace gregory hannah harold heather helen henry jack
  jacob jacqueline james jamie janice jason jean jeffrey jeremy jerry jesse joan joe john johnny jordan
  joseph joshua joyce judith judy justin kathleen kathryn kayla keith kelly kenneth kimberly kyle larry
  lauren lawrence linda lisa logan lori louis madison margaret marie marilyn mark mary matthew megan
  michael michelle nathan nicholas nicole noah olivia pamela patrick paul peter philip rachel ralph
  randy raymond rebecca richard robert roger ronald rose russell ryan samantha scott sean sharon shirley
  stephanie stephen steven susan tammy terry theresa thomas timothy tyler victoria vincent walter wayne
  william zachary
  jasmine tiffany destiny jayden aiden liam mason elijah lucas oliver ava mia isabella sophia chloe zoe
  maricel rodel jocelyn rowena marites arlene analyn jerome ronaldo lorna
  minji jisoo hyun jiwoo seojun sung young
  ani anahit armen aram arman gevorg karine lusine narek tigran vardan
  nery ofelia lesly leslie sulma dulce kenia wilmer edwin elmer osiel yahir anselmo cirilo eustacio jacinto
  baltazar hermelinda marisela leydi glenda dayana xiomara nereida yoselin yoselyn brayan bryan jefferson
  wilson byron selvin kevin erwin melvin marvin denis dennis merlin mirna marleny yessenia yaneth maritza
  lilian lidia delmy dilcia ingrid evelin heidy jeimy keyla katherine marlon walter santos rene cristobal
  darwin alvin edgardo jairo franklin geovanny giovanni yovani abner eliseo gaspar isidro lazaro leonel
  nahum obed reynaldo rigoberto saul teodoro tiburcio ubaldo uriel valentin wenceslao zacarias adalberto
  alfonsina amalia angelita aurelia basilia benita carmela catarina celestina delfina dominga elvira
  enriqueta eusebia fabiola fidelina florencia gertrudis herminia hilaria ignacia imelda jacinta juventina
  lucila macaria manuela marcela mercedes micaela modesta natividad nicolasa ofelia otilia paula paulina
  petrona porfiria prudencia rafaela remedios rosenda rufina sabina serafina severiana silvina tomasa
  virginia yadira zenaida abril alison allison britney brittany daniela danna dayanna genesis guadalupe
  jaqueline jocelyn kimberly leslie lizeth marlen mayte nallely odalys sheyla sherlyn tania wendy yaritza
  sulema teresita yuridia yesica karely dalia arely areli nidia noelia rubi zaira
`)

/**
 * First names that are also ordinary words, months or places. Taken as a name
 * only next to a surname or after a cue, never alone.
 */
export const AMBIGUOUS_FIRST_NAMES = words(`
  angel april august dolores grace guadalupe hope jesus joy june luz mark may mercedes paz pilar
  rosa rose salvador santa sol victoria will bill frank art faith sunny trinidad cruz mar
  esperanza consuelo milagros refugio socorro amparo soledad
  jordan austin dallas chase hunter brook summer autumn destiny crystal china
`)

export const SURNAMES = words(`
  acosta aguilar aguirre alarcon alvarado alvarez amaya andrade arellano arias avila ayala barajas barrera
  barrios bautista beltran benitez bermudez blanco bonilla bravo bustamante caballero cabrera calderon
  camacho campos canales cano cardenas carranza carrillo castaneda castillo castro cazares ceja cervantes
  chavez contreras cordova cornejo coronado correa cortes cortez cruz cuevas davila delgado diaz dominguez
  duarte duran escobar espinoza esparza estrada farias fernandez figueroa flores franco fuentes gallardo
  gallegos galvan gamez garcia garza gaytan gil godinez gomez gonzales gonzalez granados guerra guerrero
  guevara gutierrez guzman haro henriquez heredia hernandez herrera hidalgo huerta ibarra jimenez juarez
  lara leal leon lira lopez lozano lucero luna macias  maldonado manzano marin marquez martinez
  mata medina mejia melendez mendez mendoza meza miranda molina montes montoya mora morales moreno munoz
  murillo navarro nava nieto nunez ochoa olivares olvera orozco ortega ortiz pacheco padilla palacios
  paredes pena peralta perez pineda ponce quintero quintana quiroz ramirez ramos rangel reyes rios
  rivas rivera robles rocha rodriguez rojas romero rosales rosas ruiz saavedra salas salazar salcedo
  salgado salinas sanchez sandoval santana santiago santos sepulveda serrano  solis soto suarez
  tapia tellez torres trejo trevino trujillo valdez valencia valenzuela vargas vasquez vazquez vega
  velasco velazquez vera villa villalobos villanueva villarreal zamora zavala zepeda zuniga
  tzul xiloj choc caal coc pop quej ixcoy chumil tzoc
  marroquin menjivar quinonez zelaya portillo argueta ventura alfaro orellana cienfuegos escalante lemus
  funes barahona villatoro ayala rosales bonilla sosa carranza solorzano tzunun velasquez mejia amaya
  aparicio arriaza bardales canizales chinchilla cuellar elias fajardo flamenco galdamez giron grande
  guardado hercules iraheta lainez landaverde larios majano martell melgar merino monterroso osorio
  palma pacas perla quintanilla recinos rivas rodas romero sorto turcios umana urias valle villeda zepeda
  alcaraz anaya arreola avalos ayon bañuelos barragan becerra bejarano borrego briseno cisneros corona
  curiel duenas enriquez esquivel felix frias gamboa garibay godoy jaramillo lomeli magana
  mancilla marquez mercado montano muniz naranjo nevarez ocampo olmos partida plascencia preciado quezada
  renteria rubio ruelas saldana samaniego segura tamayo toscano urbina uribe varela vela verduzco yanez
  zaragoza zarate jurado solano tellez zamudio cortez
  smith johnson williams  jones miller davis wilson anderson taylor  moore jackson 
  thompson  harris clark lewis robinson walker  allen  wright    adams baker
   carter mitchell roberts turner phillips campbell parker evans edwards collins stewart morris
  murphy  rogers morgan peterson cooper    kelly howard  cox richardson  watson
  brooks bennett   hughes  sanders myers   foster powell jenkins perry russell
  sullivan fisher henderson coleman simmons patterson  reynolds hamilton    
   gibson ellis stevens murray  marshall owens harrison kennedy  
  nguyen tran  pham kim lee  choi kang cho yoon santos reyes dela bautista villanueva aquino
  sargsyan petrosyan hakobyan grigoryan harutyunyan karapetyan
`)

/** Capitalised words that never start or continue a person's name. */
export const NOT_NAME_WORDS_BASE = words(`
  i i'm i've we they he she it you the a an and or but if when then after before while since because so
  yes no not this that these those there here my our his her their your its me us them him
  el la los las un una unos unas yo nosotros nosotras ellos ellas el ella usted ustedes mi mis su sus
  nuestro nuestra tu cuando despues antes luego entonces pero porque aunque si no y o que como donde
  ayer hoy manana anoche esta este estos estas ese esa eso aqui alli alla ahi tambien ni ya muy mas
  de del al por para con sin en sobre entre hasta desde hacia
  what who why how where which whose
  monday tuesday wednesday thursday friday saturday sunday
  lunes martes miercoles jueves viernes sabado domingo
  january february march april may june july august september october november december
  enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre
  ice cbp hsi dhs ero fbi dea atf usbp usms uscis eoir lapd lasd lapd's lausd mta dps chp cdc
  police policia policias migra inmigracion immigration federal federales agents agentes agent officer
  officers oficial oficiales guard guardia nacional national border patrol patrulla fronteriza
  homeland security seguridad department departamento city ciudad county condado state estado court corte
  marshals sheriff sheriffs alguacil deputies commission comision council concejo mayor alcaldesa alcalde
  chief jefe jefa governor gobernador president presidente judge juez jueza senator senador
  home depot walmart target costco ralphs vons food less el super northgate superior vallarta 
  mcdonald's mcdonalds starbucks metro dodger dodgers stadium mall swap meet church iglesia
  school escuela high elementary middle library biblioteca park parque hospital clinic clinica
  los angeles la l.a. california ca mexico méxico guatemala  honduras nicaragua colombia peru
  usa us u.s. america estados unidos eeuu
  boyle heights east west north south central downtown hollywood koreatown westlake macarthur echo
  highland huntington bell gardens gate lynwood compton pacoima sun valley panorama canoga reseda
  wilmington  chinatown  sereno cypress glassell eagle rock watts florence pico union
  van nuys rampart hollenbeck northeast newton harbor southeast southwest wilshire pacific olympic
  foothill devonshire mission topanga sylmar sunland tujunga northridge encino tarzana woodland hills
    sunset broadway alvarado vermont western figueroa whittier  olympic  
  spanish english espanol ingles mexican mexicano mexicana latino latina latinos guatemalan salvadoran
  god dios virgen christmas navidad easter pascua thanksgiving
  mr mrs ms miss sr sra srta don dona senor senora senorita
  covid instagram facebook tiktok whatsapp twitter snapchat youtube google
  know your rights rapid response chirla carecen
  please por favor gracias thank thanks hello hola ok okay
  street st avenue ave boulevard blvd calle avenida apt depto
  they're we're there's it's that's don't didn't can't won't
  after around about during near next today yesterday tonight morning afternoon evening night
  honduran hondureno hondurena guatemalteco guatemalteca salvadoreno salvadorena mexicanos nicaraguan
  nicaraguense american americano americana chicano chicana catholic catolico catolica christian cristiano
  cristiana indigenous indigena zapoteco zapoteca mixteco mixteca maya mayan k'iche' quiche korean filipino
  filipina armenian vietnamese chinese colombian colombiano colombiana peruvian peruano peruana venezuelan
  venezolano venezolana cuban cubano cubana dominican dominicano dominicana ecuadorian ecuatoriano
  ecuatoriana undocumented indocumentado indocumentada citizen ciudadano ciudadana resident residente
  dreamer daca tps not no sorry afraid scared here going from de testigo witness volunteer voluntario
  voluntaria member miembro parent madre padre mother father grandmother abuela abuelo a an one
  officer officers agente sergeant detective deputy captain lieutenant sargento teniente capitan dr dra
  lic ing rev atty mons msgr pbro esq hno hna team equipo staff signed firma firmado firmada atentamente sincerely regards saludos
  se le lo les nos me te ya pues bueno oye mira
  autozone elektra coppel famsa oxxo walgreens cvs rite aid jcpenney sears kmart ikea
  radio univision telemundo campesina times target walmart honda toyota ford nissan chevy chevrolet
  dodge tahoe transit charger van vans suv uber lyft amazon nike
  special order ordinance directive section executive orden especial ordenanza directiva
  cambodian khmer thai japanese ethiopian eritrean somali nigerian haitian african asian european brazilian
  argentinian argentino argentina chilean chileno chilena black white brown native nativo nativa asiatico
  durango tahoe suburban explorer expedition yukon escalade charger challenger camry corolla civic accord
  altima sentra silverado tacoma tundra prius malibu impala caravan odyssey sienna sprinter econoline
  jeep wrangler cherokee highlander rav4 cr-v
  contact contacto contactar call llamar ask pregunten write escriba text mensaje
  medi-cal medical calfresh wic obamacare greyhound doordash instacart fedex ups usps zoom ktla knx kcal
  abc nbc cbs cnn fox opinion roja dmv seguro social medicare medicaid snap ebt
  route ruta line linea bus highway freeway interstate exit salida door puerta gate room cuarto floor piso
  inglewood glendale burbank pasadena downey norwalk montebello pomona ontario riverside anaheim torrance
  gardena hawthorne lakewood cerritos paramount maywood cudahy vernon commerce alhambra rosemead azusa covina
  lancaster palmdale oxnard fontana rialto silverlake atwater venice crenshaw westmont willowbrook lawndale
  lennox palms sawtelle brentwood westwood winnetka chatsworth arleta montrose feliz larchmont fairfax
  frogtown garvanza filipinotown armenia adelanto victorville barstow calexico mexicali ensenada rosarito
  plate plates placa placas tag tags
  management administration administracion dispatch nobody everybody someone somebody alguien nadie todos
  slauson vanowen sherman roscoe nordhoff glenoaks laurel canyon cahuenga highland la brea normandie
`)

/**
 * Words that never start or continue a name: the list above plus English and
 * Spanish stop words (stopwords-iso), minus anything in the name lists.
 */
export function buildNotNameWords(stopwords: readonly string[]): Set<string> {
  const out = new Set(NOT_NAME_WORDS_BASE)
  // Languages and one-word places ("Zapoteco", "Sylmar"), unless the word is also a name ("Frances", "Duarte").
  for (const w of [...stopwords, ...LANGUAGE_NAMES, ...LA_PLACES.filter((p) => !/[\s-]/.test(p))]) {
    const f = fold(w)
    if (!FIRST_NAMES.has(f) && !SURNAMES.has(f)) out.add(f)
  }
  return out
}

/**
 * Named public officials acting in office. Their names stay, as the Mayor's
 * does, because testimony about what they did in office is what the working
 * group needs to read.
 */
export const PUBLIC_OFFICIAL_NAMES = [
  'Karen Bass',
  'Jim McDonnell',
  'Gavin Newsom',
  'Donald Trump',
  'Kristi Noem',
  'Tom Homan',
  'Gregory Bovino',
  'Greg Bovino',
  'Hilda Solis',
  'Lindsey Horvath',
  'Janice Hahn',
  'Kathryn Barger',
  'Holly Mitchell',
  'Robert Luna',
  'Alex Padilla',
  'Adam Schiff',
  'Eunisses Hernandez',
  'Nithya Raman',
  'Hugo Soto-Martinez',
  'Ysabel Jurado',
  'Imelda Padilla',
  'Curren Price',
  'Marqueece Harris-Dawson',
  'Bob Blumenfield',
  'Monica Rodriguez',
  'Katy Yaroslavsky',
  'Traci Park',
  'Tim McOsker',
  'John Lee',
  'Heather Hutt',
  'Paul Krekorian',
  'Kenneth Mejia',
  'Hydee Feldstein Soto',
  'Rob Bonta',
  'Bill Essayli',
  'Joe Biden',
  'Kamala Harris',
  'Pam Bondi',
]

/**
 * Office titles: a name right after one of these (and not after "my"/"mi")
 * belongs to an official acting in office and is kept.
 */
export const OFFICIAL_TITLES = [
  'Mayor', 'Alcaldesa', 'Alcalde', 'Governor', 'Gobernador', 'Senator', 'Senadora', 'Senador',
  'Councilmember', 'Council Member', 'Councilwoman', 'Councilman', 'Concejal', 'Concejala',
  'Supervisor', 'Supervisora', 'Chief', 'Jefe', 'Jefa', 'President', 'Presidente', 'Presidenta',
  'Secretary', 'Secretaria', 'Secretario', 'Commissioner', 'Comisionado', 'Comisionada',
  'Assemblymember', 'Assemblywoman', 'Assemblyman', 'Congresswoman', 'Congressman', 'Congresista',
  'Representative', 'Rep.', 'Sheriff', 'Judge', 'Juez', 'Jueza', 'Attorney General', 'Fiscal',
  'City Attorney', 'Controller', 'Director', 'Directora', 'Border Czar', 'Zar',
]

/**
 * Public places, businesses, agencies and streets whose names contain words
 * that are also personal names ("Cesar Chavez", "San Pedro", "Home Depot").
 * Text inside one of these is never taken as a person's name.
 */
export const PUBLIC_PHRASES = [
  'Home Depot', 'El Salvador', 'San Salvador', 'San Pedro', 'San Fernando', 'San Fernando Valley', 'Santa Monica',
  'Santa Ana', 'San Gabriel', 'San Diego', 'San Bernardino', 'Santa Clarita', 'Santa Fe Springs', 'San Ysidro',
  'Cesar Chavez', 'César Chávez', 'Cesar E. Chavez', 'César E. Chávez', 'Martin Luther King', 'Martin Luther King Jr.',
  'MacArthur Park', 'Boyle Heights', 'Lincoln Heights', 'Mariachi Plaza', 'Olvera Street', 'Union Station',
  'Grand Park', 'Pershing Square', 'Leimert Park', 'Elysian Park', 'Echo Park', 'Griffith Park', 'Exposition Park',
  'Hollenbeck Park', 'Lincoln Park', 'Hazard Park', 'Sun Valley', 'Van Nuys', 'North Hollywood', 'Dodger Stadium',
  'Roybal Federal Building', 'Edward R. Roybal', 'Edward Roybal', 'Metropolitan Detention Center', 'Adelanto',
  'Bell Gardens', 'Huntington Park', 'South Gate', 'Cypress Park', 'Glassell Park', 'Highland Park', 'Eagle Rock',
  'El Sereno', 'Pico Rivera', 'Pico-Union', 'Pico Union', 'Monterey Park', 'Long Beach', 'Lake Balboa', 'Canoga Park',
  'Panorama City', 'North Hills', 'Mission Hills', 'Little Tokyo', 'Skid Row', 'Florence-Firestone', 'Harbor City',
  'Harbor Gateway', 'Santee Alley', 'Fashion District', 'Chavez Ravine', 'Los Angeles', 'East LA', 'East Los Angeles',
  'Cal State LA', 'Roosevelt High', 'Garfield High', 'La Placita', 'Our Lady of Guadalupe', 'Virgen de Guadalupe',
  'Cardenas Markets', 'Cardenas Market', 'El Super', 'Food 4 Less', 'Northgate Market', 'Vallarta Supermarkets',
  'Superior Grocers', 'Jack in the Box', 'Taco Bell', 'Ross Dress for Less', 'Kaiser Permanente', 'White Memorial',
  'County-USC', 'LAC+USC', 'Good Samaritan', 'Los Angeles County', 'LA County', 'Los Angeles Police Department',
  'Police Commission', 'Board of Supervisors', 'City Council', 'City Hall', 'Federal Building', 'National Guard',
  'Border Patrol', 'Homeland Security', 'Immigration and Customs Enforcement', 'Customs and Border Protection',
  'Department of Homeland Security', "Sheriff's Department", 'Santa Barbara', 'San Francisco', 'San Antonio',
  'San Jose', 'Santa Rosa', 'Santa Clara', 'Los Alamitos', 'Jefferson Park', 'Washington Blvd', 'Jefferson Blvd',
  'Lincoln Blvd', 'Santa Fe', 'San Vicente', 'San Julian', 'San Pedro Street', 'Mercado La Paloma', 'El Mercadito',
  'Plaza Mexico', 'Plaza México', 'Ciudad de México', 'Mexico City', 'Guadalajara', 'Michoacán', 'Michoacan',
  'Oaxaca', 'Jalisco', 'Zacatecas', 'Puebla', 'Estado de Guerrero', 'Chiapas', 'Sinaloa', 'Sonora', 'Tijuana',
  'Ciudad Juárez', 'Tegucigalpa', 'San Pedro Sula', 'Quetzaltenango', 'Huehuetenango', 'Guatemala City',
  'Santa Ana', 'San Miguel', 'Santa Tecla', 'Dolores Huerta', 'Dolores Mission', 'Rosa Parks', 'Benito Juárez',
  'Benito Juarez', 'Emiliano Zapata', 'Pancho Villa', 'Frida Kahlo', 'Virgen María', 'Virgin Mary', 'Jesus Christ',
  'Jesucristo', 'Santo Niño', 'Santa Cruz', 'Los Reyes', 'Reyes Magos', 'San Judas', 'San Judas Tadeo',
  'Dolores Mission Church', 'Nuestra Señora', 'Nuestra Señora Reina de los Ángeles', 'Reina de los Ángeles', 'Our Lady',
  'Our Lady Queen of Angels', 'Radio Campesina', 'Special Order 40', 'Orden Especial 40', 'Cesar Chavez Ave', 'Cesar Chavez Avenue', 'Avenida César Chávez',
]

/**
 * Places in and around Los Angeles at Area or neighbourhood level, and public
 * landmarks (then the states, regions and countries people are moved to or come
 * from: "lo mandaron a Texas"): the LA Times "Mapping L.A." neighbourhoods, LAPD Areas, cities and
 * unincorporated communities of the County, major parks, plazas, markets,
 * stations, courthouses and detention sites. A capitalised run that is one of
 * these (compared folded, with hyphens and spaces alike) is a place, never a
 * person. Single words that are also in the name lists are left out on purpose
 * ("Duarte", "Florence" as a first name): those are settled by context.
 */
export const LA_PLACES = `
  Adams-Normandie | Alsace | Angelino Heights | Arleta | Arlington Heights | Arts District | Atwater Village |
  Baldwin Hills | Baldwin Hills/Crenshaw | Baldwin Village | Bel-Air | Bel Air | Beverly Crest | Beverly Grove | Beverlywood |
  Boyle Heights | Brentwood | Broadway-Manchester | Bunker Hill | Canoga Park | Carthay | Carthay Circle | Central-Alameda |
  Central Alameda | Century City | Chatsworth | Chesterfield Square | Cheviot Hills | Chinatown | Crenshaw | Cypress Park |
  Del Rey | Downtown | Downtown LA | Downtown L.A. | Eagle Rock | East Hollywood | Echo Park | El Sereno | Elysian Park |
  Elysian Valley | Encino | Exposition Park | Fairfax | Fashion District | Florence-Firestone | Frogtown | Garvanza |
  Glassell Park | Gramercy Park | Granada Hills | Green Meadows | Hancock Park | Harbor City | Harbor Gateway |
  Harbor Gateway North | Harbor Gateway South | Harvard Heights | Harvard Park | Highland Park | Historic Core |
  Historic Filipinotown | Historic South-Central | Hollywood | Hollywood Hills | Hollywood Hills West | Hyde Park |
  Jefferson Park | Jewelry District | Koreatown | Lake Balboa | Lake View Terrace | Larchmont | Larchmont Village |
  Leimert Park | Leimert Park Village | Lincoln Heights | Little Armenia | Little Bangladesh | Little Ethiopia |
  Little Tokyo | Los Feliz | Manchester Square | Mar Vista | Mid-City | Mid-Wilshire | Miracle Mile | Mission Hills |
  Montecito Heights | Mount Washington | Mt. Washington | North Hills | North Hollywood | NoHo | Northridge |
  Pacific Palisades | Pacoima | Palms | Panorama City | Pico-Robertson | Pico-Union | Pico Union | Playa del Rey |
  Playa Vista | Porter Ranch | Rancho Park | Reseda | San Pedro | Sawtelle | Sepulveda Basin | Shadow Hills |
  Sherman Oaks | Silver Lake | Silverlake | Skid Row | South Central | South LA | South L.A. | South Los Angeles |
  South Park | Studio City | Sun Valley | Sunland | Sunland-Tujunga | Sylmar | Tarzana | Thai Town | Toluca Lake |
  Toy District | Tujunga | University Park | Valley Glen | Valley Village | Van Nuys | Venice | Vermont Knolls |
  Vermont Square | Vermont Vista | Vermont-Slauson | Vermont Harbor | Watts | West Adams | West Hills | West LA |
  West L.A. | West Los Angeles | Westchester | Westlake | Westlake South | Westlake North | Westwood |
  Westwood Village | Wilmington | Windsor Square | Winnetka | Woodland Hills | Terminal Island | East LA |
  East L.A. | East Los Angeles | City Terrace | Belvedere | Florence-Graham | Walnut Park | Westmont | West Athens |
  Willowbrook | Athens | Del Aire | Lennox | Ladera Heights | View Park | View Park-Windsor Hills | Windsor Hills |
  Marina del Rey | Universal City | Rancho Dominguez | East Rancho Dominguez | Avalon Gardens | Hacienda Heights |
  Rowland Heights | South San Gabriel | South El Monte | El Monte | Baldwin Park | La Puente | West Covina | Whittier |
  Pico Rivera | Santa Fe Springs | Bell | Bell Gardens | Maywood | Cudahy | Commerce | Vernon | Lynwood | Compton |
  Carson | Gardena | Hawthorne | Inglewood | Culver City | Beverly Hills | West Hollywood | WeHo | Santa Monica |
  Malibu | Glendale | Burbank | Pasadena | Altadena | San Fernando | San Fernando Valley | Santa Clarita | Lancaster |
  Palmdale | Long Beach | Signal Hill | Lakewood | Bellflower | Norwalk | Downey | Paramount | South Gate |
  Huntington Park | Montebello | Monterey Park | Alhambra | San Gabriel | San Gabriel Valley | Rosemead | Temple City |
  Arcadia | Monrovia | Azusa | Glendora | Covina | Pomona | Diamond Bar | Torrance | Redondo Beach | Hermosa Beach |
  Manhattan Beach | El Segundo | Lomita | Rancho Palos Verdes | Palos Verdes | Cerritos | Artesia | Hawaiian Gardens |
  La Mirada | La Habra | Sierra Madre | South Pasadena | La Cañada Flintridge | La Crescenta | Montrose | Agoura Hills |
  Calabasas | Westlake Village | Lawndale | Santa Ana | Orange County | Inland Empire | Antelope Valley |
  Central | Rampart | Southwest | Hollenbeck | Harbor | Wilshire | West Valley | Northeast | 77th Street | Newton |
  Pacific | Foothill | Southeast | Devonshire | Mission | Olympic | Topanga | The Valley | Eastside | Westside |
  Southside | Northeast LA | Northeast Los Angeles | Mid City | Koreatown-Pico | Echo Park Lake | Silver Lake Reservoir |
  MacArthur Park | Lafayette Park | Griffith Park | Hollenbeck Park | Lincoln Park | Hazard Park | Ascot Hills |
  Debs Park | Ernest E. Debs Regional Park | Sycamore Grove | Sycamore Grove Park | Hansen Dam | Hansen Dam Recreation Center |
  Lake Balboa Park | Kenneth Hahn State Recreation Area | Kenneth Hahn Park | Pershing Square | Grand Park | Olvera Street |
  La Placita Olvera | El Pueblo | El Pueblo de Los Ángeles | Union Station | Mariachi Plaza | Plaza del Mariachi |
  Plaza de la Raza | Plaza Mexico | Plaza México | Santee Alley | Grand Central Market | Dodger Stadium | Crypto.com Arena |
  Staples Center | Coliseum | LA Memorial Coliseum | Los Angeles Memorial Coliseum | SoFi Stadium | BMO Stadium |
  Watts Towers | Baldwin Hills Crenshaw Plaza | Slauson Super Mall | Panorama Mall | Plaza Pacoima | Northridge Fashion Center |
  Roybal Federal Building | Metropolitan Detention Center | Stanley Mosk Courthouse | Stanley Mosk | Clara Shortridge Foltz |
  Clara Shortridge Foltz Criminal Justice Center | Twin Towers | Men's Central Jail | Adelanto ICE Processing Center |
  Central Library | Benjamin Franklin Library | Biblioteca Benjamin Franklin | Venice Boardwalk | Santa Monica Pier | LAX |
  Port of Los Angeles | Port of Long Beach | Hollywood Bowl | Walk of Fame | Universal Studios | Arroyo Seco |
  LA River | Los Angeles River | Ballona Creek | Chavez Ravine | Elysian Valley | Tujunga Wash | Pacoima Wash |
  Sepulveda Dam | Whittier Narrows | Legg Lake | Echo Park Recreation Center | Cesar Chavez Park | Parque César Chávez |
  Leimert Plaza | Leimert Plaza Park | Salazar Park | Ruben F. Salazar Park | Belvedere Park | Obregon Park |
  Ramona Gardens | Estrada Courts | Pico Gardens | Aliso Village | Jordan Downs | Nickerson Gardens | Imperial Courts |
  Ramona Gardens | Mariachi Plaza Station | Soto Station | Westlake/MacArthur Park | Pershing Square Station |
  7th Street/Metro Center | Vermont/Sunset | Hollywood/Western | Slauson Station | Florence Station |
  Harbor Freeway | Hollywood Freeway | Golden State Freeway | Santa Ana Freeway | Pomona Freeway |
  San Bernardino Freeway | Long Beach Freeway | Glendale Freeway | Pasadena Freeway | San Diego Freeway |
  Ventura Freeway | Century Freeway | Artesia Freeway | Terminal Island Freeway | Sherman Way | Laurel Canyon |
  Recreation and Parks | Department of Recreation and Parks | Rec and Parks | Parques y Recreación |
  Departamento de Parques y Recreación | Parks and Recreation | Public Works | Obras Públicas |
  Texas | Arizona | New Mexico | Nuevo México | Nevada | Oregon | Utah | Colorado | Oklahoma | Louisiana | Luisiana |
  Florida | Georgia | Alabama | Mississippi | Tennessee | Kentucky | Illinois | Chicago | New York | Nueva York |
  New Jersey | Nueva Jersey | North Carolina | Carolina del Norte | South Carolina | Pennsylvania | Ohio | Michigan |
  Massachusetts | Maryland | Virginia | Idaho | Montana | Wyoming | Alaska | Hawaii | El Paso | Otay Mesa | Calexico |
  Dilley | Karnes | Tacoma | Alligator Alcatraz | Guantánamo | Guantanamo | Baja California | Baja | Sinaloa | Durango |
  Chihuahua | Coahuila | Nuevo León | Tamaulipas | Nayarit | Colima | Guanajuato | Querétaro | Hidalgo | Veracruz |
  Tabasco | Campeche | Yucatán | Quintana Roo | Guerrero | Morelos | Tlaxcala | Aguascalientes | San Luis Potosí |
  Estado de México | Ciudad de México | CDMX | Huehuetenango | San Marcos | Totonicapán | Quiché | El Quiché |
  Chimaltenango | Escuintla | Petén | Alta Verapaz | Baja Verapaz | Sololá | Retalhuleu | Suchitepéquez | Jutiapa |
  Usulután | La Unión | San Miguel | Sonsonate | Chalatenango | Ahuachapán | La Libertad | Cabañas | Morazán |
  Olancho | Copán | Choluteca | Yoro | Cortés | Comayagua | Managua | San Salvador | Tegucigalpa | Guatemala |
  Honduras | Nicaragua | Costa Rica | Panamá | Venezuela | Ecuador | Perú | Colombia | Cuba | Haití | Haiti |
  República Dominicana | Puerto Rico | Filipinas | Philippines | Corea | Korea | Armenia | Irán | Iran | Rusia | Russia |
  Ucrania | Ukraine | China | India | Vietnam | Camboya | Cambodia | Etiopía | Ethiopia | Eritrea | Somalia
`
  .split('|')
  .map((s) => s.trim())
  .filter(Boolean)

/**
 * First words of place names in both languages: "Plaza Pacoima", "Parque
 * Lincoln", "Centro de Recreación Salazar", "Lake Balboa", "Mount Washington".
 */
export const PLACE_HEADS = words(`
  plaza plazas parque parques centro biblioteca mercado mercadito lago presa estacion escuela primaria secundaria
  preparatoria iglesia parroquia capilla templo hospital clinica colegio universidad cancha canchas museo teatro
  estadio colonia fraccionamiento barrio avenida calle bulevar carretera puente playa rancho
  mount mt lake port fort camp
`)

/**
 * Last words of place names that are also (rare) personal names or surnames:
 * "Green Meadows", "Valley Glen", "Sycamore Grove". They make a place only at
 * the end of a run of two or more capitalised words, or after "in/en/near".
 */
export const AMBIGUOUS_PLACE_TAILS = words(`
  glen meadows meadow grove ridge crest woods wood dale knolls knoll view hill field fields springs point bay
  wells creek pines palms acres estates shores island glade hollow brook`)

/**
 * Languages, above all the indigenous languages of Mexico and Guatemala spoken in
 * Los Angeles: they name no one. Folded, with the apostrophe forms (’ ʼ ') folded to '.
 */
export const LANGUAGE_NAMES = words(`
  q'anjob'al qanjobal kanjobal q'anjobal k'iche' k'iche kiche quiche k'ich'e mam mame akateko akatek chuj popti
  popti' jakalteko jakaltek kaqchikel cakchiquel q'eqchi' q'eqchi qeqchi kekchi tz'utujil tzutujil ixil poqomam
  achi awakateko garifuna garifuna lenca pipil nawat nahuat nahuatl nahua zapoteco zapoteca zapotec zapotecos
  mixteco mixteca mixtec mixtecos triqui trique purepecha p'urhepecha tarasco otomi mazateco chinanteco mixe
  totonaco tzotzil tzeltal chol tojolabal maya mayan yucateco miskito quechua kichwa aymara guarani
  tagalog filipino ilocano cebuano korean armenian vietnamese chinese mandarin cantonese russian farsi persian
  arabic hebrew japanese thai khmer hindi punjabi bengali urdu french portuguese creole kreyol haitian amharic
  tigrinya somali oromo
  spanish english espanol ingles coreano armenio vietnamita chino mandarin cantones ruso arabe japones frances
  portugues
`)
