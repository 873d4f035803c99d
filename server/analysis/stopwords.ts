import { foldWord as fold } from './fold'
import { naturalStopwords } from './natural-modules'

/**
 * Function words only. stopwords-iso (which natural depends on) was rejected: its English list
 * holds topic words such as "right", "home", "work", "state", "information" and "computer",
 * and its Spanish list "trabajo", "estado", "tiempo" — exactly what themes are made of
 * ("know your rights", "home raids"). See docs/decisions/011-text-features.md.
 */
const EXTRA_EN = `a about above after again against all also although am among an and any are aren as at be
because been before being below between both but by can cannot could couldn did didn do does doesn doing don
down during each either else etc even ever every few for from further get gets got had hadn has hasn have
haven having he her here hers herself him himself his how however i if in into is isn it its itself just
least let like ll me might more most mostly much must mustn my myself neither no nor not now of off often on
once one only or other others otherwise our ours ourselves out over own per perhaps quite rather re really
same say says said shall shan she should shouldn since so some such than that the their theirs them
themselves then there therefore these they this those though through thus to too toward towards under until
up upon us ve very via was wasn way we well were weren what whatever when whenever where whereas wherever
whether which while who whoever whom whose why will with within without won would wouldn yet you your yours
yourself yourselves also always already another anyone anything anyway around away back
came come comes could did else etc everyone everything got gotten im ive id isnt dont cant wont thats theres
`
const EXTRA_ES = `a al algo alguien algun alguna algunas alguno algunos ante antes aquel aquella aquellas aquello
aquellos aqui asi aun aunque bajo bien cada casi como con contra cual cuales cualquier cuando cuanto de del
desde donde dos durante e el ella ellas ello ellos en entre era eramos eran eres es esa esas ese eso esos esta
estaba estaban estado estamos estan estar estas este esto estos estoy fue fueron fui fuimos ha habia habian
han has hasta hay haya he hemos hice hizo la las le les lo los mas me mi mis mucho muchos muy nada ni ninguno
no nos nosotras nosotros nuestra nuestras nuestro nuestros nunca o os otra otras otro otros para pero poco
por porque pues que quien quienes se sea ser si sido siempre sin sino sobre sois solo somos son soy su sus
suya suyo tal tambien tampoco tan tanto te tenemos tener tenia tengo ti tiene tienen toda todas todo todos
tu tus u un una unas uno unos usted ustedes va vamos van vez y ya yo puede pueden hacer hace hacen dijo dice
ademas segun mientras tras cual cuyo cuya donde adonde luego entonces asimismo mediante
`


const build = (...lists: string[][]) => new Set(lists.flat().map(fold).filter(Boolean))

export const STOPWORDS = {
  en: build(naturalStopwords.en, EXTRA_EN.split(/\s+/)),
  es: build(naturalStopwords.es, EXTRA_ES.split(/\s+/)),
}
