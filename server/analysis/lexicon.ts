/**
 * Bilingual concept lexicon for testimony about immigration enforcement in Los Angeles.
 * Each concept becomes one shared feature ("~raid") whichever language names it, so an
 * English and a Spanish account of the same event meet even without machine translation.
 *
 * Phrases are folded (lower case, no accents). A word matches itself and its plural
 * (+s, +es); a word ending in "*" matches any word with that prefix. Written for this
 * project (see docs/decisions/012-cross-language.md); extend it freely, and bump
 * LEXICON_VERSION so stored models know their features changed.
 */
export const LEXICON_VERSION = 1

export type Concept = { id: string; en: string[]; es: string[] }

export const CONCEPTS: Concept[] = [
  { id: 'ice', en: ['ice', 'immigration and customs enforcement', 'immigration agent', 'immigration officer', 'immigration enforcement', 'immigration officials', 'migra'], es: ['la migra', 'migra', 'agente de inmigracion', 'agentes de inmigracion', 'oficiales de inmigracion', 'inmigracion'] },
  { id: 'border-patrol', en: ['border patrol', 'cbp', 'customs and border protection'], es: ['patrulla fronteriza'] },
  { id: 'federal-agent', en: ['federal agent', 'federal officer', 'federales', 'feds', 'homeland security', 'dhs'], es: ['agente federal', 'agentes federales', 'federales', 'seguridad nacional'] },
  { id: 'agent', en: ['agent', 'officer', 'officers', 'cop', 'cops'], es: ['agente', 'oficial', 'oficiales'] },
  { id: 'lapd', en: ['lapd', 'los angeles police department', 'police department'], es: ['departamento de policia', 'policia de los angeles'] },
  { id: 'sheriff', en: ['sheriff', 'sheriffs', 'lasd', 'deputy', 'deputies'], es: ['sheriff', 'alguacil*', 'ayudante del sheriff'] },
  { id: 'police', en: ['police', 'policing', 'policeman', 'policemen'], es: ['policia*', 'patrulla', 'patrullas'] },
  { id: 'mask', en: ['mask*', 'face covering', 'balaclava*', 'masked'], es: ['mascara*', 'enmascarad*', 'encapuchad*', 'capucha*', 'pasamontana*', 'cubrebocas', 'tapabocas', 'cara cubierta'] },
  { id: 'badge', en: ['badge*', 'identification', 'id number', 'name tag', 'unidentified', 'identify themselves'], es: ['placa*', 'insignia*', 'identificacion', 'identificarse', 'sin identificar', 'se identificaron'] },
  { id: 'uniform', en: ['uniform*', 'plain clothes', 'plainclothes', 'vest', 'vests'], es: ['uniforme*', 'ropa de civil', 'chaleco*'] },
  { id: 'raid', en: ['raid*', 'sweep*', 'enforcement operation'], es: ['redada*', 'operativo*', 'razzia*'] },
  { id: 'arrest', en: ['arrest*', 'detain*', 'apprehend*', 'grabbed', 'taken away', 'picked up', 'handcuff*'], es: ['arrest*', 'deten*', 'detuv*', 'aprehend*', 'captur*', 'agarr*', 'se lo llevaron', 'se la llevaron', 'se los llevaron', 'esposad*', 'esposas'] },
  { id: 'detention', en: ['detention', 'detention center', 'custody', 'jail*', 'holding cell', 'facility', 'processing center'], es: ['detencion', 'centro de detencion', 'custodia', 'carcel*', 'celda*'] },
  { id: 'deportation', en: ['deport*', 'removal', 'removed from the country'], es: ['deport*'] },
  { id: 'warrant', en: ['warrant*', 'judicial warrant', 'signed by a judge'], es: ['orden judicial', 'orden de arresto', 'orden firmada', 'firmada por un juez'] },
  { id: 'vehicle', en: ['unmarked car', 'unmarked vehicle', 'van', 'vans', 'suv', 'truck*', 'vehicle*'], es: ['camioneta*', 'vehiculo*', 'carro sin', 'troca*', 'coche*'] },
  { id: 'car-wash', en: ['car wash', 'carwash'], es: ['lavado de autos', 'lavado de carros', 'autolavado', 'car wash', 'carwash'] },
  { id: 'day-laborer', en: ['day laborer', 'day labourer', 'day labor', 'jornalero*', 'workers waiting'], es: ['jornalero*', 'trabajador* de dia', 'esquina de trabajo'] },
  { id: 'home-depot', en: ['home depot', 'hardware store', 'parking lot'], es: ['home depot', 'estacionamiento*'] },
  { id: 'street-vendor', en: ['street vendor', 'vendor*', 'street vending', 'food cart'], es: ['vendedor* ambulante*', 'vendedor*', 'puesto de comida', 'carrito*'] },
  { id: 'workplace', en: ['workplace', 'job site', 'at work', 'factory', 'employer*'], es: ['lugar de trabajo', 'trabajo', 'fabrica*', 'patron*', 'empleador*'] },
  { id: 'worker', en: ['worker*', 'employee*', 'labor*', 'labour*'], es: ['trabajador*', 'empleado*', 'obrero*'] },
  { id: 'school', en: ['school*', 'campus', 'classroom*', 'teacher*', 'student*', 'drop-off', 'drop off', 'pick-up'], es: ['escuela*', 'colegio*', 'salon de clase*', 'maestr*', 'estudiante*', 'alumn*', 'plantel*'] },
  { id: 'child', en: ['child', 'children', 'kid*', 'son', 'sons', 'daughter*', 'minor*', 'baby', 'babies'], es: ['nino*', 'nina*', 'hijo*', 'hija*', 'menor*', 'bebe*', 'chamac*', 'escuincl*'] },
  { id: 'park', en: ['park*', 'playground*', 'macarthur park'], es: ['parque*'] },
  { id: 'church', en: ['church*', 'parish', 'congregation'], es: ['iglesia*', 'parroquia*', 'misa'] },
  { id: 'hospital', en: ['hospital*', 'clinic*', 'emergency room', 'doctor*'], es: ['hospital*', 'clinica*', 'sala de emergencia*', 'medico*', 'doctor*'] },
  { id: 'court', en: ['court*', 'courthouse', 'judge*', 'hearing*'], es: ['corte*', 'tribunal*', 'juez*', 'jueza*', 'audiencia*'] },
  { id: 'home', en: ['home*', 'house*', 'apartment*', 'front door', 'door*', 'yard'], es: ['casa*', 'hogar*', 'departamento*', 'apartamento*', 'puerta*', 'patio*', 'vivienda*'] },
  { id: 'neighborhood', en: ['neighborhood*', 'neighbourhood*', 'community', 'communities', 'block'], es: ['barrio*', 'vecindario*', 'colonia*', 'comunidad*', 'cuadra*'] },
  { id: 'neighbor', en: ['neighbor*', 'neighbour*'], es: ['vecino*', 'vecina*'] },
  { id: 'protest', en: ['protest*', 'demonstrat*', 'rally', 'rallies', 'march*', 'vigil*'], es: ['protesta*', 'manifestacion*', 'manifestante*', 'marcha*', 'mitin', 'vigilia*'] },
  { id: 'crowd-control', en: ['crowd control', 'tear gas', 'pepper spray', 'pepper balls', 'rubber bullet*', 'less lethal', 'less-lethal', 'flash bang*', 'projectile*', 'baton*', 'dispersal'], es: ['control de multitudes', 'gas lacrimogeno', 'gas pimienta', 'balas de goma', 'bala* de goma', 'proyectil*', 'macana*', 'tolete*', 'dispersar'] },
  { id: 'force', en: ['force', 'excessive force', 'violence', 'violent', 'beat*', 'hit', 'pushed', 'shoved', 'tackled', 'injur*', 'hurt'], es: ['fuerza', 'fuerza excesiva', 'violencia', 'violent*', 'golpe*', 'golpear*', 'empuj*', 'herid*', 'lastim*'] },
  { id: 'gun', en: ['gun*', 'weapon*', 'rifle*', 'armed', 'firearm*', 'pointed'], es: ['arma*', 'pistola*', 'rifle*', 'armad*', 'apuntar*', 'apunto'] },
  { id: 'call-911', en: ['911', 'nine one one', 'called the police', 'emergency call'], es: ['911', 'nueve uno uno', 'llame a la policia', 'llamada de emergencia'] },
  { id: 'know-your-rights', en: ['know your rights', 'right to remain silent', 'remain silent', 'constitutional rights', 'rights', 'right'], es: ['conozca sus derechos', 'conoce tus derechos', 'derecho a guardar silencio', 'guardar silencio', 'derechos', 'derecho'] },
  { id: 'lawyer', en: ['lawyer*', 'attorney*', 'legal aid', 'legal help', 'counsel'], es: ['abogad*', 'asesoria legal', 'ayuda legal'] },
  { id: 'family-separation', en: ['family separation', 'separated from', 'separated families', 'torn apart', 'left alone'], es: ['separacion familiar', 'separacion de familias', 'separad*', 'quedaron solos', 'se quedaron solos'] },
  { id: 'family', en: ['family', 'families', 'husband*', 'wife', 'wives', 'mother*', 'father*', 'parent*', 'mom', 'dad', 'relative*'], es: ['familia*', 'esposo*', 'esposa', 'madre*', 'mama', 'padre*', 'papa', 'pariente*', 'familiar*'] },
  { id: 'fear', en: ['fear*', 'afraid', 'scared', 'terrified', 'panic', 'anxiety', 'trauma*', 'frightened'], es: ['miedo*', 'temor*', 'asustad*', 'aterrad*', 'panico', 'ansiedad', 'trauma*', 'espanto*'] },
  { id: 'rumor', en: ['rumor*', 'rumour*', 'false alarm', 'misinformation', 'social media'], es: ['rumor*', 'falsa alarma', 'desinformacion', 'redes sociales'] },
  { id: 'video', en: ['video*', 'record*', 'film*', 'photo*', 'camera*', 'footage'], es: ['video*', 'grabando', 'grabar', 'grabo', 'grabe', 'grabacion*', 'film*', 'foto*', 'camara*'] },
  { id: 'bystander', en: ['bystander*', 'witness*', 'observer*', 'onlooker*'], es: ['testigo*', 'observador*', 'transeunte*'] },
  { id: 'rapid-response', en: ['rapid response', 'hotline', 'response network', 'community patrol'], es: ['respuesta rapida', 'linea directa', 'red de respuesta'] },
  { id: 'traffic-stop', en: ['traffic stop', 'pulled over', 'checkpoint*', 'license plate'], es: ['parada de trafico', 'nos pararon', 'me pararon', 'reten*', 'punto de control', 'placas del carro'] },
  { id: 'bus-stop', en: ['bus stop', 'bus', 'metro', 'train station'], es: ['parada de autobus', 'autobus*', 'camion', 'metro', 'estacion de tren'] },
  { id: 'market', en: ['market*', 'swap meet', 'store*', 'shop*', 'business*', 'restaurant*'], es: ['mercado*', 'tianguis', 'tienda*', 'negocio*', 'restaurante*'] },
  { id: 'language-access', en: ['interpreter*', 'translat*', 'spanish speaker*', 'in spanish', 'language access'], es: ['interprete*', 'traduc*', 'en espanol', 'en ingles', 'acceso linguistico'] },
  { id: 'trust', en: ['trust*', 'distrust', 'confidence in'], es: ['confianza', 'desconfianza', 'confiar'] },
  { id: 'cooperation', en: ['cooperat*', 'collaborat*', 'sanctuary', 'special order 40', 'coordinat*'], es: ['cooperacion', 'cooperar', 'colabora*', 'santuario', 'orden especial 40', 'coordina*'] },
  { id: 'complaint', en: ['complaint*', 'accountab*', 'inspector general', 'oversight', 'investigat*'], es: ['queja*', 'denuncia*', 'rendicion de cuentas', 'supervision', 'investiga*'] },
  { id: 'papers', en: ['papers', 'documents', 'undocumented', 'immigration status', 'status', 'green card', 'citizen*', 'visa*'], es: ['papeles', 'documentos', 'indocumentad*', 'sin papeles', 'estatus', 'estado migratorio', 'tarjeta verde', 'ciudadan*', 'visa*'] },
  { id: 'question', en: ['question*', 'interrogat*', 'asked for', 'where are you from'], es: ['pregunt*', 'interroga*', 'de donde eres'] },
  { id: 'street', en: ['street*', 'sidewalk*', 'corner*', 'road*'], es: ['calle*', 'banqueta*', 'acera*', 'esquina*'] },
  { id: 'morning', en: ['morning*', 'dawn', 'early'], es: ['manana', 'madrugada', 'temprano'] },
  { id: 'night', en: ['night*', 'evening', 'midnight'], es: ['noche*', 'medianoche'] },
  { id: 'helicopter', en: ['helicopter*', 'drone*'], es: ['helicoptero*', 'dron*'] },
]

export type ConceptMatcher = {
  /** Length (in tokens) and concept id of the longest phrase that starts at tokens[i], if any. */
  match(tokens: readonly string[], i: number): Readonly<{ length: number; id: string }> | null
  /** The phrases whose first word matches `token` (longest first), or null: cacheable per token. */
  candidates(token: string): readonly ConceptPattern[] | null
  /** match() with the candidates for tokens[i] already known. */
  matchWith(candidates: readonly ConceptPattern[], tokens: readonly string[], i: number): Readonly<{ length: number; id: string }> | null
}

/** One word of a phrase: the word and its plurals, or any word with a prefix ("raid*"). */
type PatternWord = { word: string; plurals: [string, string]; prefix: boolean }
export type ConceptPattern = { words: PatternWord[]; id: string; match: Readonly<{ length: number; id: string }> }

function wordMatches(pattern: PatternWord, token: string): boolean {
  if (pattern.prefix) return token.startsWith(pattern.word)
  return token === pattern.word || token === pattern.plurals[0] || token === pattern.plurals[1]
}

/** Builds a matcher; tokens must be folded the same way (lower case, accents removed). */
export function createConceptMatcher(lang: 'en' | 'es', concepts: readonly Concept[] = CONCEPTS): ConceptMatcher {
  const byFirst = new Map<string, ConceptPattern[]>()
  const key = (word: string) => word.replace(/\*$/, '').slice(0, 3)
  for (const concept of concepts) {
    for (const phrase of concept[lang]) {
      const words = phrase.split(/\s+/).filter(Boolean)
      if (words.length === 0) continue
      const k = key(words[0])
      const list = byFirst.get(k) ?? []
      const compiled = words.map((w): PatternWord => {
        const prefix = w.endsWith('*')
        return { word: prefix ? w.slice(0, -1) : w, plurals: [w + 's', w + 'es'], prefix }
      })
      list.push({ words: compiled, id: concept.id, match: Object.freeze({ length: words.length, id: concept.id }) })
      byFirst.set(k, list)
    }
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length)

  function candidates(token: string): readonly ConceptPattern[] | null {
    const list = byFirst.get(token.slice(0, 3))?.filter((p) => wordMatches(p.words[0], token))
    return list && list.length > 0 ? list : null
  }

  function matchWith(list: readonly ConceptPattern[], tokens: readonly string[], i: number): Readonly<{ length: number; id: string }> | null {
    for (const p of list) {
      if (i + p.words.length > tokens.length) continue
      let ok = true
      for (let j = 1; j < p.words.length && ok; j++) ok = wordMatches(p.words[j], tokens[i + j])
      if (ok) return p.match
    }
    return null
  }

  return {
    match(tokens, i) {
      const list = candidates(tokens[i])
      return list ? matchWith(list, tokens, i) : null
    },
    candidates,
    matchWith,
  }
}
