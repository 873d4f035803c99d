/**
 * Word lists the redactor uses. Data, not logic: every list is a whitespace-
 * separated string folded to lower case without accents (see `fold`), so a
 * lookup is one Set.has on the folded token.
 */

export function fold(word: string): string {
  return word
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[’‘]/g, "'")
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
  lic ing team equipo staff signed firma firmado firmada atentamente sincerely regards saludos
  se le lo les nos me te ya pues bueno oye mira
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
  for (const w of stopwords) {
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
