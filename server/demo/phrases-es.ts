/**
 * Spanish phrase pools per starter-codebook theme, written the way people talk in
 * the listening sessions of Los Angeles (la migra, la troca, el jale, el camión),
 * not translated from the English pools. Same placeholders as phrases-en.ts; the
 * `{fed}` nouns are plural masculine, so verbs agree with any of them.
 */
import type { ThemePhrases } from './phrase-types'

export const PHRASES_ES: Record<string, ThemePhrases> = {
  'federal-agents-identification': {
    events: [
      '{When} llegaron {fed} {place} y se llevaron a dos señores sin decir quiénes eran.',
      '{When} rodearon a un muchacho {place} unos {fed}, y nadie supo decir de qué agencia eran.',
      '{When} bajaron a una señora de su carro {place}; eran {fed} y nunca dijeron de dónde venían.',
    ],
    children: {
      badges: [
        '{When} detuvieron a mi vecino {place} y cuando les pedí que me enseñaran la placa se burlaron de mí; eran {fed}.',
        '{When} arrestaron a un señor {place} y ninguno de los {fed} enseñó placa ni identificación.',
        '{When} se nos acercaron {fed} {place} con chalecos que nomás decían POLICE, sin número de placa y sin nombre.',
        '{When} se llevaron a un vendedor {place}; tres veces le pedí el número de placa a uno de los {fed} y no me contestó.',
      ],
      masks: [
        '{When} se bajaron {fed} {place} con la cara tapada, con máscaras y lentes oscuros.',
        '{When} unos enmascarados, que después supimos que eran {fed}, anduvieron correteando a la gente {place}.',
        '{When} {fed}, todos con pasamontañas, se llevaron a un muchacho {place} y no se les veía la cara a ninguno.',
        '{When} pararon a la gente {place} unos {fed} encapuchados, nomás se les veían los ojos.',
      ],
      vehicles: [
        '{When} llegaron tres camionetas sin placas y con vidrios polarizados {place} y de ahí se bajaron {fed}.',
        '{When} llegaron {fed} {place} en una van blanca sin logotipos y con placas de papel, como de carro recién comprado.',
        '{When} una troca rentada y un carro gris sin placas cerraron la calle {place} y de ahí se bajaron {fed} corriendo.',
        '{When} le cerraron el paso a una troca {place} unos carros sin marcas, con placas de otro estado; después supimos que eran {fed}.',
      ],
    },
    agents: [
      'No traían placa, ni nombre, y tenían la cara tapada.',
      'Cuando la gente les preguntaba quiénes eran, uno nomás dijo “federales” y ya.',
      'Los chalecos decían POLICE en letras grandes y nada más.',
      'Los carros no tenían nada que dijera de qué agencia eran y las placas estaban tapadas.',
      'No había forma de saber si eran agentes de verdad o gente haciéndose pasar por la migra.',
    ],
    city: [
      'Después llegó una patrulla del LAPD y los policías dijeron que no podían confirmar quiénes eran.',
      'Llamamos al 911 para preguntar si era un operativo de verdad y la operadora no sabía nada.',
      'Los policías llegaron cuando ya se habían ido las camionetas y nomás levantaron un reporte por el carro que tapaba la entrada.',
      'Un sargento nos dijo que él no tenía manera de revisar sus identificaciones.',
    ],
    impact: [
      'Ahora cualquier carro sin marcas que se para, la gente sale corriendo, porque ya no sabemos quién es policía y quién es secuestrador.',
      'Desde entonces ha habido gente que se hace pasar por la migra para robarle a los vecinos y nadie sabe distinguir.',
      'Lo que más asustó a los niños fue no saber quiénes eran.',
      'Se sintió como un secuestro, no como un arresto.',
    ],
    asks: [
      'Que los policías revisen la identificación de cualquiera que diga que es agente federal y nos digan quiénes son.',
      'Queremos que el LAPD exija que los agentes enseñen la placa y se quiten la máscara en nuestra ciudad.',
      'Si el LAPD está ahí, que por lo menos nos digan de qué agencia son.',
    ],
    cityResponse: [
      'Los policías dijeron que no podían confirmar quiénes eran.',
      'Llegó una patrulla cuando ya se habían ido.',
      'Nadie de la Ciudad vino.',
    ],
    guidance: [
      'Que los policías nos expliquen quién es quién.',
      'Que revisen la identificación de los agentes enmascarados.',
      'Que levanten reporte cuando alguien dice ser agente sin identificarse.',
    ],
  },

  'lapd-role-at-scenes': {
    events: [
      '{When} {fed} estaban arrestando gente {place} y los policías del LAPD cerraron la calle alrededor.',
      '{When} hubo una redada {place}; eran {fed}, y se pusieron dos patrullas del LAPD, una en cada esquina, como si estuvieran cuidándolos.',
      '{When} mientras {fed} detenían a cuatro señores {place}, los policías del LAPD estaban parados junto a la cinta amarilla.',
      '{When} {fed} corretearon a un muchacho {place} y a los pocos minutos llegó el LAPD a cuidar el perímetro.',
      '{When} un helicóptero del LAPD estuvo dando vueltas mientras {fed} arrestaban gente {place}.',
      '{When} {fed} se llevaron a una familia {place} y los policías del LAPD no dejaban que los vecinos se acercaran.',
    ],
    agents: [
      'Les pusieron cinchos de plástico en las manos y en menos de diez minutos ya se habían ido.',
      'Pusieron a la gente contra la pared y les sacaron todo de las bolsas.',
      'Fue tan rápido que nadie alcanzó a grabar.',
    ],
    city: [
      'Los policías solo miraron.',
      'Los policías nomás dirigían el tráfico mientras los agentes se llevaban a la gente.',
      'Le pregunté a un policía por qué el LAPD estaba ayudando y me dijo que nomás estaban por la seguridad pública.',
      'Los policías le dijeron a la gente que se hiciera para atrás, y así los agentes se fueron más fácil con los señores.',
      'Los policías ni hablaron con las familias, nomás se quedaron mirando y se fueron junto con los agentes.',
    ],
    impact: [
      'Para los que estábamos viendo, el LAPD y la migra parecían el mismo equipo.',
      'Después de ese día muchos vecinos ya no le creen a la Ciudad cuando dice que el LAPD no ayuda a ICE.',
      'Es difícil confiar en una policía que se queda cuidando mientras se llevan a nuestros vecinos.',
      'Nadie nos supo explicar qué estaba haciendo la policía ahí.',
    ],
    asks: [
      'Que los policías digan en voz alta por qué están ahí y que no están ayudando con los arrestos de inmigración.',
      'Que el LAPD tenga una regla clara de lo que pueden y no pueden hacer cuando hay un operativo federal.',
      'Si nomás están para el tráfico, que lo digan y que se mantengan lejos de los arrestos.',
    ],
    cityResponse: [
      'Los policías solo miraron.',
      'El LAPD cerró la calle mientras arrestaban a la gente.',
      'Los policías hicieron para atrás a la gente y se fueron con los agentes.',
      'Un policía dijo que estaban por la seguridad pública.',
    ],
    guidance: [
      'Que los policías expliquen por qué están ahí.',
      'Una regla por escrito de lo que hace el LAPD en las redadas.',
      'Que no le cierren la calle a la migra.',
    ],
  },

  'crowd-control-protests': {
    events: [
      '{When} fui a una protesta {place} después de las redadas y en menos de una hora el LAPD declaró la reunión ilegal.',
      '{When} íbamos marchando en paz {place} cuando los policías a caballo se metieron entre la gente.',
      '{When} en un mitin, {place}, la policía disparó balas de goma y bolas de pimienta contra gente que nomás estaba gritando consignas.',
      '{When} los policías nos encerraron a un grupo {place} y no nos dejaban salir aunque nos queríamos ir.',
      '{When} durante el toque de queda arrestaron {place} a gente que nomás venía caminando del trabajo.',
      '{When} en una vigilia, {place}, la policía aventó granadas aturdidoras y gas lacrimógeno donde había niños.',
    ],
    agents: [
      'Atrás de la policía había una fila de soldados de la Guardia Nacional con rifles.',
      'Atrás de la línea de policías estaban {fed} mirando a la gente.',
      'Unos pocos aventaban botellas, pero la mayoría nomás estábamos ahí parados.',
    ],
    city: [
      'La orden de dispersión la dieron solo en inglés y los de atrás ni la oímos.',
      'Una bala de goma le pegó a un periodista que estaba junto a mí.',
      'A los que no se movían rápido les pusieron cinchos y los tuvieron sentados en la banqueta por horas.',
      'Un policía empujó con el tolete a una señora mayor porque no podía caminar rápido.',
      'Unos policías estaban tranquilos y dejaron salir a la gente por una calle de lado, otros estaban muy agresivos.',
    ],
    impact: [
      'Todavía tengo el moretón en la pierna de la bala de goma y ahora me da miedo ir a cualquier protesta.',
      'Mi hijo estuvo dos días con problemas para respirar por el gas.',
      'Muchos sentimos que la Ciudad castigó a la gente por protestar contra las redadas en vez de protegerla.',
      'Mucha gente perdió días de trabajo por el toque de queda y nadie explicó cuánto iba a durar.',
    ],
    asks: [
      'Que las órdenes de dispersión se den en español y en inglés, fuerte, con tiempo y con una salida clara.',
      'Que no usen balas de goma ni gas contra gente que protesta en paz, ni contra periodistas ni observadores.',
      'Que el LAPD se mantenga aparte de la Guardia Nacional y de los agentes federales en las protestas.',
    ],
    cityResponse: [
      'Declararon la reunión ilegal y dispararon balas de goma.',
      'La policía encerró a la gente y arrestó a varios.',
      'Los policías a caballo se metieron a la marcha.',
    ],
    guidance: [
      'Que den la orden de dispersión también en español y con salida.',
      'Nada de balas de goma ni gas en protestas pacíficas.',
      'Que protejan a los periodistas y observadores.',
    ],
  },

  'status-questions-so40': {
    events: [
      'street|{When} un policía del LAPD me paró {place} por una calavera fundida y lo primero que me preguntó fue si tenía papeles.',
      '{When} un policía paró a mi primo {place} y le preguntó dónde había nacido y si estaba legal.',
      'street|{When} en una parada de tráfico, {place}, el policía nos pidió a todos en el carro nuestro estatus migratorio.',
      '{When} fui a reportar que me robaron la bicicleta {place} y el policía quería saber si yo era ciudadano antes de tomar el reporte.',
      '{When} un policía le preguntó a una vendedora {place} si tenía green card mientras le revisaba el permiso.',
    ],
    agents: [
      'Más tarde llegaron {fed} a la misma esquina y la gente pensó que la policía les había avisado.',
    ],
    city: [
      'Cuando le dije que no tenía que contestarle, me dijo que a lo mejor tenía que llamar a inmigración.',
      'Apuntó el nombre de mi país atrás de la multa.',
      'Otro policía le dijo al primero que eso no se pregunta, y ya no siguió.',
      'El policía dijo que era una pregunta de rutina.',
    ],
    impact: [
      'Yo pensaba que la Orden Especial 40 quería decir que el LAPD no puede preguntar por el estatus, pero en la calle nadie sabe eso.',
      'Desde esa vez ya no manejo si no es de verdad necesario.',
      'La gente cree que cualquier parada de tráfico puede terminar en deportación, y por eso ya no reportan los choques.',
      'Sentí que la multa era el pretexto y que lo que de veras quería saber era si tenía papeles.',
    ],
    asks: [
      'Que los policías nunca pregunten por el estatus migratorio y que la Ciudad les recuerde la Orden Especial 40.',
      'Que haya una manera de quejarse en español, sin dar el nombre, cuando un policía pregunta por papeles.',
      'Que el LAPD le diga claramente a la gente que los policías no preguntan por el estatus.',
    ],
    cityResponse: [
      'El policía me preguntó por mis papeles en una parada de tráfico.',
      'El policía me preguntó dónde nací.',
      'Otro policía lo paró.',
    ],
    guidance: [
      'Que nunca pregunten por el estatus migratorio.',
      'Que a todos los policías les recuerden la Orden Especial 40.',
      'Poder reportar sin nombre cuando preguntan por papeles.',
    ],
  },

  'calls-for-service-911': {
    events: [
      'home|{When} se metieron a robar a nuestro departamento en {hood} y mi mamá no me dejó llamar al 911 porque tenía miedo de que la policía trajera a la migra.',
      '{When} un señor le estaba pegando a su esposa {place} y los vecinos estuvimos veinte minutos discutiendo si llamar al 911 o no.',
      '{When} me asaltaron la tienda {place} y no lo reporté porque esa semana habían andado {fed} por el barrio.',
      '{When} hubo un choque {place} y el chofer se echó a correr antes de que llegara la policía, del puro miedo.',
      '{When} a un señor le dio un ataque {place} y la gente tenía miedo de llamar a la ambulancia.',
      '{When} después de que vieron a {fed} {place}, en mi cuadra ya nadie le habla a la policía para nada.',
    ],
    city: [
      'Cuando por fin llegaron los policías fueron amables y no le preguntaron a nadie por su estatus.',
      'En el 911 no había nadie que hablara español y colgamos.',
      'Los policías tardaron casi una hora y luego preguntaron quiénes vivían en el departamento.',
      'Los policías que llegaron nos dijeron que no trabajan con ICE, pero para entonces ya habíamos esperado demasiado.',
    ],
    impact: [
      'La gente está dejando pasar robos y peleas sin reportar porque no confía en que sea seguro llamar al 911.',
      'Los rateros ya saben que los vecinos no van a llamar a la policía y por eso siguen viniendo.',
      'Mi vecina, a la que su pareja maltrata, dice que prefiere aguantarse antes que llamar y arriesgarse a que la deporten.',
      'La confianza en la policía que costó años construir se perdió en un verano.',
    ],
    asks: [
      'Que la Ciudad diga bien claro, en español y en la radio, que llamar al 911 no trae a la migra.',
      'Que los policías que llegan a una llamada no pregunten quién vive en la casa ni pidan identificación a todos.',
      'Que en el 911 siempre haya operadoras que hablen español.',
    ],
    cityResponse: [
      'Llegaron los policías y no preguntaron por el estatus.',
      'En el 911 no había quién hablara español.',
      'Nadie llamó a la policía.',
    ],
    guidance: [
      'Que le digan a la gente que llamar al 911 es seguro.',
      'Que no pidan identificación a todos en una llamada.',
      'Operadoras en español a todas horas.',
    ],
  },

  'city-property-facilities': {
    events: [
      'park|{When} entraron {fed} {place} con vehículos blindados y soldados mientras los niños estaban en el campamento de verano.',
      'library|{When} había {fed} esperando en el estacionamiento {place} y la bibliotecaria cerró las puertas con nosotros adentro.',
      'recreation-center|{When} llegaron {fed} {place} en plena práctica de fútbol de los niños.',
      'park|{When} una fila de {fed} marchó {place}, donde las familias estaban haciendo carne asada.',
      'park|{When} {fed} detuvieron a dos señores que estaban sentados en una banca {place}.',
      '{When} {fed} se juntaron en el estacionamiento de un edificio de la Ciudad {place}, y de ahí salieron al operativo.',
    ],
    agents: [
      'Traían caballos y camiones militares arriba del pasto.',
      'Se quedaron casi una hora y le tomaban fotos a la gente que estaba ahí.',
    ],
    city: [
      'El personal del parque no sabía qué hacer y les dijo a los niños que se quedaran en el gimnasio.',
      'La bibliotecaria llamó a la Ciudad y dejó las puertas cerradas hasta que se fueron, y eso nos hizo sentir protegidos.',
      'Después los de Parques y Recreación dijeron que nadie les había avisado nada y que no tenían instrucciones.',
      'Había policías del LAPD en la entrada del parque y nadie explicó de quién era el operativo.',
    ],
    impact: [
      'Ahora las familias tienen miedo de ir a los parques y a las bibliotecas, que se supone que son los lugares más seguros para los niños.',
      'A la semana siguiente fueron la mitad de los niños al campamento.',
      'Cancelaron la repartición de comida del centro recreativo porque nadie llegó.',
      'Si la propiedad de la Ciudad no es segura, ¿entonces a dónde vamos?',
    ],
    asks: [
      'Que el personal de los parques y bibliotecas tenga un plan claro para cuando lleguen agentes, y que esté a la vista.',
      'Que la Ciudad no deje que los agentes federales usen sus estacionamientos ni sus edificios para operativos.',
      'Que los policías conozcan la ordenanza que dice que la propiedad de la Ciudad no es para la migra.',
    ],
    cityResponse: [
      'La bibliotecaria cerró las puertas hasta que se fueron.',
      'El personal del parque no tenía instrucciones.',
      'Había policías del LAPD en la entrada del parque.',
    ],
    guidance: [
      'Un plan a la vista en parques y bibliotecas para cuando llegue la migra.',
      'Que no dejen a los agentes usar propiedad de la Ciudad.',
      'Que capaciten al personal de la Ciudad sobre la ordenanza.',
    ],
  },

  'schools-children': {
    events: [
      'school|{When} había {fed} estacionados {place} justo a la hora de dejar a los niños.',
      'school|{When} detuvieron a un papá {place} enfrente de sus dos niñas chiquitas.',
      'school|{When} un carro sin marcas siguió al camión escolar {place} y los niños llegaron llorando al salón.',
      '{When} mi hijo vio cómo {fed} se llevaban a nuestro vecino {place} y ahora todas las mañanas me pregunta si voy a regresar.',
      'school|{When} una maestra salió corriendo a la banqueta {place} porque {fed} estaban parando a los papás.',
      'school|{When} la mitad del salón de mi hija no fue a la escuela porque se corrió el rumor de que había {fed} {place}.',
    ],
    city: [
      'La policía escolar y un policía del LAPD hicieron un paso seguro para los niños, y eso ayudó.',
      'La directora mandó un mensaje en inglés y en español, pero de la Ciudad no vino nadie.',
      'Había una patrulla del LAPD, pero el policía no se bajó ni habló con los papás.',
      'Esa semana las maestras llevaron a los niños a sus casas en grupitos.',
    ],
    impact: [
      'Mis hijos tienen pesadillas y el más chiquito se volvió a hacer pipí en la cama.',
      'En nuestra escuela bajó la asistencia y los niños que sí van no se pueden concentrar.',
      'Los niños les traducen a sus papás y cargan con miedos de adulto.',
      'Mi hija no quiere ir a la escuela porque piensa que cuando regrese yo ya no voy a estar.',
    ],
    asks: [
      'Que los policías cuiden alrededor de las escuelas a la hora de entrada y salida, y que no ayuden a los agentes ahí.',
      'Que haya un plan para que ningún niño se quede solo en la escuela si detienen a su papá o a su mamá.',
      'Que el LAPD se coordine con el distrito escolar para que los papás sepamos qué esperar.',
    ],
    cityResponse: [
      'Un policía hizo un paso seguro para los niños.',
      'El policía no se bajó de la patrulla.',
      'Las maestras llevaron a los niños a sus casas.',
    ],
    guidance: [
      'Que cuiden las escuelas a la hora de entrada y salida.',
      'Un plan para los niños cuando se llevan a sus papás.',
      'Que hablen con los papás en la escuela, en español.',
    ],
  },

  'workplaces-day-labor': {
    events: [
      'day-labor-site|{When} se bajaron {fed} de unas vans {place} y agarraron a los compañeros que estaban esperando jale.',
      'workplace|{When} hubo una redada {place}; eran {fed} y se llevaron a casi todos los trabajadores en pleno turno, sin ninguna explicación.',
      'day-labor-site|{When} cayeron {fed} {place} y los señores se echaron a correr a la calle y hasta a la rampa del freeway.',
      'workplace|{When} llegaron {fed} {place} en el cambio de turno y les revisaron los papeles de trabajo a todos, hasta a los que tenían años ahí.',
      'workplace|{When} entraron {fed} {place} y fueron sacando uno por uno a los trabajadores, que ni sabían qué pasaba.',
      'day-labor-site|{When} volvieron los {fed} {place}; ya era la tercera vez en un mes, así que varios ni llegaron.',
      'street|{When} {fed} pararon una troca llena de jardineros {place} y los bajaron a todos con las manos atrás de la cabeza.',
    ],
    agents: [
      'Correteaban a los trabajadores por el estacionamiento y a uno lo taclearon contra un carro.',
      'Nunca le enseñaron una orden al dueño.',
      'Dejaron las máquinas prendidas y las puertas abiertas.',
    ],
    city: [
      'Llegaron policías del LAPD y mantuvieron cerrado el estacionamiento mientras los agentes subían a los señores a las vans.',
      'Los del centro de jornaleros de la Ciudad nos dijeron que nos quedáramos adentro y llamaron a la línea de ayuda legal.',
      'No llegó ningún policía, aunque el dueño llamó para preguntar si eso era legal.',
      'Un policía le dijo al encargado de la tienda que era asunto federal y se fue.',
    ],
    impact: [
      'La mayoría de los compañeros ya no va a la esquina y sus familias se quedaron sin ingresos.',
      'El negocio cerró dos semanas y los que quedaron perdieron su pago.',
      'Antes éramos como cincuenta en la esquina, ahora somos ocho.',
      'La gente va a trabajar con miedo y se esconde atrás cada vez que entra un carro.',
    ],
    asks: [
      'Que los policías no ayuden a cerrar estacionamientos ni negocios para las redadas.',
      'Que la Ciudad proteja sus centros de jornaleros y les explique a los trabajadores sus derechos en el trabajo.',
      'Que el LAPD les explique a los dueños de negocios que la policía no participa en estas redadas.',
    ],
    cityResponse: [
      'El LAPD mantuvo cerrado el estacionamiento durante la redada.',
      'Los del centro de jornaleros llamaron a la línea legal.',
      'No llegó ningún policía.',
      'Un policía dijo que era asunto federal.',
    ],
    guidance: [
      'Que no cierren estacionamientos para las redadas.',
      'Que protejan los centros de jornaleros.',
      'Que les expliquen a los patrones que el LAPD no participa.',
    ],
  },

  courts: {
    events: [
      'courthouse|{When} mi hermano tuvo su cita en la corte y en cuanto el juez cerró su caso, {fed} lo arrestaron {place}.',
      'courthouse|{When} había {fed} esperando junto a los elevadores {place} a la gente que salía de sus citas.',
      'courthouse|{When} estaba {place} por una multa de tráfico y vi cómo {fed} se llevaban a un muchacho que iba por un caso familiar.',
      'courthouse|{When} detuvieron a una señora {place} saliendo de su audiencia, mientras sus hijos la esperaban afuera.',
      'courthouse|{When} {fed} paraban a la gente en la fila de seguridad {place} y les preguntaban su nombre y su país.',
      'courthouse|{When} {fed} arrestaron a un señor {place} cuando ya iba de salida.',
    ],
    agents: [
      'Estaban vestidos de civil, sentados al fondo de la sala, nomás esperando.',
      'Traían una lista de nombres y la comparaban con la agenda de la corte.',
    ],
    city: [
      'Los sheriffs de la corte nomás miraban y no hicieron nada.',
      'La intérprete de la corte estaba llorando; nos dijo que pasa casi cada semana.',
      'Llegó corriendo un abogado de una organización, pero ya lo habían subido a la van.',
      'El LAPD no estaba, nomás la seguridad de la corte.',
    ],
    impact: [
      'Ahora la gente falta a sus audiencias por miedo, y luego les dan orden de deportación por no presentarse.',
      'Las víctimas no van a ir a la corte a declarar contra sus agresores si creen que ahí las van a arrestar.',
      'Ir a la corte se supone que es hacer lo correcto, y se volvió una trampa.',
      'Mi hermano cumplió con todo y justo así fue como lo encontraron.',
    ],
    asks: [
      'Que la Ciudad luche para que no haya arrestos de inmigración en las cortes.',
      'Que los policías y los sheriffs en las cortes no ayuden a los agentes a identificar ni a detener a nadie.',
      'Que la gente pueda ir acompañada de un abogado o un observador a cada audiencia.',
    ],
    cityResponse: [
      'Los sheriffs de la corte nomás miraron.',
      'No había nadie de la Ciudad.',
      'El abogado de la organización llegó tarde.',
    ],
    guidance: [
      'Que no haya arrestos de inmigración en las cortes.',
      'Que los policías no ayuden a los agentes en la corte.',
      'Observadores en cada audiencia.',
    ],
  },

  'language-access': {
    events: [
      '{When} {fed} detuvieron a mi tío {place} y le dieron unos papeles en inglés que él no podía leer.',
      '{When} un policía, {place}, le gritaba instrucciones en inglés a un señor que nomás habla zapoteco.',
      '{When} la Ciudad mandó una alerta por las redadas {place}, pero los primeros dos días salió nomás en inglés.',
      '{When} después de que llegaron {fed} {place}, no había nadie que explicara en español lo que estaba pasando.',
      '{When} a mi abuelita, que habla k’iche’, nadie le supo decir {place} a dónde se habían llevado a mi tío.',
      '{When} el volante que repartió la policía, {place}, traía el español tan mal traducido que la gente se reía.',
    ],
    city: [
      'El policía usó su teléfono para traducir y le salió algo que no tenía nada que ver.',
      'Por fin llegó una policía bilingüe que explicó todo, y la gente se calmó.',
      'La línea que nos dio la Ciudad tenía el mensaje nomás en inglés.',
      'Los policías le pidieron a un niño que le tradujera a su mamá.',
    ],
    impact: [
      'La gente firmó papeles que no entendía.',
      'En nuestra comunidad se habla español, mixteco, zapoteco, q’anjob’al y coreano, y la información nunca nos llega en nuestro idioma.',
      'Cuando no le entiendes al policía, cualquier orden suena a amenaza.',
      'Los niños no deberían tener que traducir el arresto de su propio papá.',
    ],
    asks: [
      'Que todos los policías en estas escenas tengan cómo conseguir un intérprete de verdad, también de lenguas indígenas.',
      'Que las alertas y los volantes de derechos de la Ciudad salgan en español al mismo tiempo que en inglés.',
      'Que los policías nunca usen a los niños como intérpretes.',
    ],
    cityResponse: [
      'El policía tradujo con una aplicación del teléfono.',
      'Llegó una policía bilingüe y explicó.',
      'Los policías pusieron a un niño a traducir.',
    ],
    guidance: [
      'Intérpretes de verdad, también de lenguas indígenas.',
      'Alertas en español al mismo tiempo que en inglés.',
      'Que nunca usen a los niños de intérpretes.',
    ],
  },

  'family-impact-services': {
    events: [
      'home|{When} {fed} se llevaron a mi esposo {place} y me quedé sola con mis tres hijos y la renta encima.',
      '{When} a mi vecina se la llevaron {fed} {place} y sus dos niños regresaron de la escuela a un departamento vacío.',
      '{When} {fed} detuvieron a un papá {place} y durante cinco días su familia no supo en qué centro de detención estaba.',
      '{When} después de que {fed} se llevaron a mi hijo {place}, nos gastamos todos los ahorros en un abogado.',
      '{When} detuvieron a una mamá {place} y su bebé se quedó con una vecina que ni es familia.',
      '{When} {fed} arrestaron {place} al único que trabajaba en una familia de seis.',
    ],
    city: [
      'Una trabajadora social de la Ciudad nos ayudó a pedir ayuda para la renta, pero tardó semanas.',
      'El policía que vino nos dio un número de servicios para familias y sí ayudó un poco.',
      'Nadie de la Ciudad nos dijo dónde pedir ayuda.',
      'El banco de comida lo encontramos por la iglesia, no por la Ciudad.',
    ],
    impact: [
      'Mis hijos dejaron de comer y la chiquita pregunta por su papá todas las noches.',
      'Vamos atrasados con la renta y el dueño sabe que no nos podemos quejar.',
      'Lo mandaron a Adelanto y luego a Texas, y apenas nos alcanza para las llamadas.',
      'La familia quedó partida y los que más lo pagan son los niños.',
    ],
    asks: [
      'Que cuando los policías estén donde se llevan a un papá o una mamá, se aseguren de que los niños queden seguros y con alguien de confianza.',
      'Que la Ciudad tenga un solo número en español donde las familias puedan saber a dónde se llevaron a alguien y recibir ayuda.',
      'Que los policías traigan información de ayuda legal y servicios para dársela a la familia.',
    ],
    cityResponse: [
      'Una trabajadora social de la Ciudad nos ayudó con la renta.',
      'El policía nos dio un número de servicios para familias.',
      'Nadie de la Ciudad nos ayudó.',
    ],
    guidance: [
      'Que se aseguren de que los niños queden seguros.',
      'Un solo número para encontrar a los detenidos.',
      'Que los policías traigan información de ayuda legal.',
    ],
  },

  'know-your-rights': {
    events: [
      '{When} llegaron {fed} a tocar puertas {place} y la familia se acordó de no abrir sin una orden firmada por un juez.',
      '{When} hicimos un taller de conozca sus derechos {place} y llegaron más de ochenta personas.',
      '{When} andaban {fed} {place} y nuestro equipo de respuesta rápida llegó en ocho minutos y grabó todo el arresto.',
      '{When} a un señor lo pararon {fed} {place}, enseñó su tarjeta roja, se quedó callado y lo dejaron ir.',
      '{When} repartimos tarjetas rojas {place} y la gente nos preguntaba cómo saber si una orden es de un juez o nomás administrativa.',
      '{When} llegaron {fed} {place} y los vecinos empezaron a chiflar y a tocar el claxon para avisarle a todo el barrio que ahí andaban.',
    ],
    agents: [
      'Los agentes enseñaron un papel que no estaba firmado por ningún juez.',
      'Querían que la gente abriera la puerta diciendo que andaban buscando a otra persona.',
    ],
    city: [
      'Un policía del LAPD le dijo a la gente que tenía derecho a grabar, y todos nos sorprendimos.',
      'La oficina de asuntos de inmigrantes de la Ciudad mandó gente a repartir información, y eso sí ayudó.',
      'Los policías les pidieron a los voluntarios de respuesta rápida que se hicieran para atrás, pero los dejaron seguir grabando.',
      'Nadie de la Ciudad vino al taller aunque los invitamos.',
    ],
    impact: [
      'Conocer nuestros derechos es lo único que hace que la gente tenga un poquito menos de miedo.',
      'Mucha gente todavía cree que tiene que abrirle la puerta a cualquiera que traiga uniforme.',
      'Los videos que grabamos les sirvieron a los abogados para probar que el arresto fue ilegal.',
      'La gente quiere más talleres, sobre todo en las iglesias y en las escuelas.',
    ],
    asks: [
      'Que los policías respeten el derecho a quedarse callado y a grabar, y que lo digan en voz alta.',
      'Que la Ciudad pague más talleres de derechos y apoye a las redes de respuesta rápida.',
      'Que el LAPD explique la diferencia entre una orden de un juez y un papel de ICE cuando la gente pregunte.',
    ],
    cityResponse: [
      'Un policía le dijo a la gente que podía grabar.',
      'La Ciudad mandó gente con información de derechos.',
      'Nadie de la Ciudad vino.',
    ],
    guidance: [
      'Que respeten el derecho a grabar y a quedarse callado.',
      'Más talleres de derechos y apoyo a la respuesta rápida.',
      'Que expliquen qué es una orden de un juez.',
    ],
  },

  'data-privacy': {
    events: [
      '{When} llegaron {fed} {place} justo después de que mi primo pagó una multa de estacionamiento, y creemos que sacaron su dirección de la Ciudad.',
      '{When} nos dimos cuenta de que pusieron cámaras nuevas {place} y la gente empezó a preguntar si los lectores de placas le mandan los datos a ICE.',
      '{When} {fed} sabían exactamente a qué departamento ir {place}, y el único lugar donde estaba esa dirección era una forma de la Ciudad.',
      '{When} andaba un dron volando {place} durante la redada y nadie sabía de quién era.',
      '{When} la gente dejó de inscribirse al programa de la Ciudad {place} porque la forma pedía dirección y fecha de nacimiento.',
      '{When} un policía, {place}, les tomó foto con su celular a las identificaciones de todos.',
    ],
    city: [
      'Cuando le preguntamos al policía a dónde iban a ir las fotos, dijo que al sistema.',
      'La Ciudad dice que no comparte datos con ICE, pero nadie supo explicar qué pasa con lo de los lectores de placas.',
      'El LAPD nos dijo que las cámaras son nomás para el tráfico, pero no hay cómo comprobarlo.',
      'En la oficina de la Ciudad nos dijeron que iban a borrar nuestra información, pero nunca nos confirmaron nada.',
    ],
    impact: [
      'La gente tiene miedo de darle su dirección a quien sea, aunque sea para recibir ayuda de comida.',
      'Ya no llenamos ninguna encuesta de la Ciudad, ni esta la llenamos sin nervios.',
      'Si nuestra información puede terminar en manos de ICE, entonces cada forma es un riesgo.',
      'Hubo papás que sacaron a sus hijos del programa después de clases por la hoja de inscripción.',
    ],
    asks: [
      'Que los policías no les tomen fotos a las identificaciones ni junten información que no tiene nada que ver con un delito.',
      'Que la Ciudad publique qué datos juntan los lectores de placas y las cámaras, y quién los puede ver.',
      'Que el LAPD prometa que nada de lo que reportamos o llamamos le llega a inmigración.',
    ],
    cityResponse: [
      'El policía les tomó foto a nuestras identificaciones.',
      'La Ciudad dijo que no comparte datos.',
      'Nadie supo explicar lo de las cámaras.',
    ],
    guidance: [
      'Que no les tomen foto a las identificaciones.',
      'Que publiquen qué juntan las cámaras y los lectores de placas.',
      'Que nada de nuestros reportes llegue a inmigración.',
    ],
  },

  'officer-conduct-positive': {
    events: [
      '{When} {fed} estaban deteniendo gente {place} y un policía del LAPD se acercó a explicarles a las familias lo que estaba pasando.',
      '{When} {fed} detuvieron a una mamá {place}, y cuando se fueron, un policía se quedó con sus niños hasta que llegó su tía.',
      '{When} un sargento del LAPD, {place}, le dijo a la gente en español que el LAPD no era parte del operativo y repartió el número de ayuda legal.',
      '{When} en medio del desorden {place}, un policía ayudó a una señora grande que se había caído y la acompañó a su casa.',
      '{When} un policía de patrulla, {place}, les pidió su identificación a los agentes delante de todos.',
      '{When} los policías, {place}, calmaron a la gente y dejaron que los voluntarios de respuesta rápida hicieran su trabajo.',
    ],
    city: [
      'El policía estaba tranquilo, fue respetuoso y no le preguntó a nadie por su estatus.',
      'Cuando le pedimos su nombre y número de placa, nos los dio sin problema.',
      'Ella nos contó que tiene familia que pasó por lo mismo.',
      'Repartieron agua y le dijeron a la gente dónde conseguir ayuda.',
    ],
    impact: [
      'Ese policía nos demostró que sí se puede hacer bien.',
      'Por primera vez sentí que alguien del LAPD estaba de nuestro lado.',
      'En el barrio todavía se habla de ese policía.',
      'No quitó lo de la redada, pero hizo que el día fuera menos terrible.',
    ],
    asks: [
      'La capacitación que haya tenido ese policía, que se la den a todos.',
      'Que la Comisión reconozca a los policías que protegen a la comunidad durante las redadas.',
      'Que los policías siempre expliquen quiénes son y que no son de inmigración.',
    ],
    cityResponse: [
      'Un policía explicó en español lo que estaba pasando.',
      'Un policía se quedó con los niños.',
      'Los policías repartieron agua y el número de ayuda legal.',
    ],
    guidance: [
      'Que capaciten a todos como a los que nos ayudaron.',
      'Que reconozcan a los policías que protegen a la gente.',
      'Que expliquen en español que el LAPD no es ICE.',
    ],
  },

  'officer-conduct-negative': {
    events: [
      '{When} mientras {fed} arrestaban a un señor {place}, un policía del LAPD se rio y nos dijo que nos regresáramos a nuestro país.',
      '{When} un policía me empujó {place} cuando quise grabar el arresto.',
      '{When} unos policías, {place}, amenazaron con arrestar a una vendedora si no se iba, mientras {fed} se llevaban a su esposo.',
      '{When} un policía, {place}, les dijo ilegales a los que estábamos mirando y que nos quitáramos.',
      '{When} un policía me arrebató el celular {place} y borró el video.',
      '{When} unos policías, {place}, señalaron a un señor que estaba escondido para que los {fed} lo encontraran.',
    ],
    city: [
      'Cuando le pedí su número de placa, se lo tapó con la mano.',
      'Su compañero no hizo nada para pararlo.',
      'Cuando quisimos poner una queja en la estación, nos dijeron que regresáramos otro día.',
      'Todo el tiempo estuvieron insultando a la gente que estaba en la banqueta.',
    ],
    impact: [
      'Yo ya nunca voy a confiar en ese policía ni en esa estación.',
      'Confirmó lo que la gente ya temía, que algunos policías están del lado de la migra.',
      'Mis hijos lo vieron y ahora les da miedo cualquier patrulla.',
      'Nunca nos llamaron para lo de la queja.',
    ],
    asks: [
      'Que a los policías que insultan o amenazan a la gente en las redadas los castiguen, y que se sepa.',
      'Que sea fácil poner una queja en español, por internet, sin dar el nombre.',
      'Que los policías nunca le señalen gente a los agentes federales.',
    ],
    cityResponse: [
      'Un policía insultó y empujó a la gente.',
      'Un policía borró el video de mi celular.',
      'En la estación no quisieron tomar la queja.',
    ],
    guidance: [
      'Que castiguen a los policías que insultan a la gente en las redadas.',
      'Quejas en español y sin nombre.',
      'Que nunca le señalen gente a los agentes federales.',
    ],
  },

  'requests-for-guidance': {
    events: [
      '{When} en nuestra sesión de escucha, {place}, le preguntamos a la gente qué quiere que la Comisión de Policía les diga a los policías.',
      '{When} después de ver cómo {fed} se llevaban gente {place}, en nuestro grupo escribimos lo que queremos que haga la policía la próxima vez.',
      '{When} llegaron {fed} {place} y se notaba que los policías no tenían idea de qué tenían que hacer.',
      '{When} nos reunimos con el oficial de enlace del barrio {place} y nos dijo que todavía estaba esperando instrucciones de arriba.',
      '{When} andaban {fed} {place} y tres policías distintos nos dijeron tres cosas distintas de lo que iba a hacer el LAPD.',
    ],
    city: [
      'Los policías dijeron que no tenían instrucciones.',
      'Un policía dijo que la regla era no meterse, y otro que tenían que ayudar.',
      'El capitán prometió una junta con la comunidad, pero nunca se hizo.',
    ],
    impact: [
      'Sin reglas claras, cada policía hace lo que quiere y nunca sabemos qué esperar.',
      'La gente quiere ver las instrucciones por escrito, en español, para poder exigir que se cumplan.',
      'Ya estamos cansados de dar testimonio y nunca saber qué cambió.',
    ],
    asks: [
      'Que los policías se identifiquen, expliquen que el LAPD no es ICE y se mantengan lejos de los arrestos.',
      'Le pedimos a la Comisión que publique instrucciones claras de qué hacen los policías cuando hay agentes federales.',
      'Que los policías revisen cómo quedan los niños y los ancianos después de un arresto.',
      'Que las instrucciones digan que los policías apunten lo que ven y que ese reporte sea público.',
      'Que les den a las familias información de ayuda legal en vez de nomás quedarse mirando.',
    ],
    cityResponse: [
      'Los policías dijeron que no tenían instrucciones.',
      'Cada policía dijo algo distinto.',
      'El capitán prometió una junta.',
    ],
    guidance: [
      'Que publiquen las instrucciones por escrito y en español.',
      'Que se identifiquen y se mantengan lejos de los arrestos.',
      'Que revisen cómo quedan los niños.',
      'Que le digan a la comunidad qué cambió.',
    ],
  },
}
