/**
 * The few parts of `natural` the engine uses, imported by file: the package's index pulls in
 * every module (about a second, and dotenv banners). Default imports of these CommonJS files
 * work under tsx, vitest and a Vite SSR build alike. English stems come from porter.ts (the
 * same algorithm without regular expressions); natural's English stemmer stays here as the
 * reference porter.test.ts checks it against.
 */
import AggressiveTokenizer from 'natural/lib/natural/tokenizers/aggressive_tokenizer.js'
import AggressiveTokenizerEs from 'natural/lib/natural/tokenizers/aggressive_tokenizer_es.js'
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js'
import PorterStemmerEs from 'natural/lib/natural/stemmers/porter_stemmer_es.js'
import naturalStopwordsEn from 'natural/lib/natural/util/stopwords.js'
import naturalStopwordsEs from 'natural/lib/natural/util/stopwords_es.js'

type Tokenizer = { tokenize(text: string): string[] }
type Stemmer = { stem(word: string): string }

export const tokenizerEn: Tokenizer = new (AggressiveTokenizer as unknown as new () => Tokenizer)()
export const tokenizerEs: Tokenizer = new (AggressiveTokenizerEs as unknown as new () => Tokenizer)()
export const stemmerEn: Stemmer = PorterStemmer as unknown as Stemmer
export const stemmerEs: Stemmer = PorterStemmerEs as unknown as Stemmer
export const naturalStopwords = {
  en: (naturalStopwordsEn as unknown as { words: string[] }).words,
  es: (naturalStopwordsEs as unknown as { words: string[] }).words,
}
