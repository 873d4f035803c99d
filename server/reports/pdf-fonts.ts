/**
 * The fonts embedded in report PDFs: DejaVu Sans (regular, bold, oblique) from
 * the npm package `dejavu-fonts-ttf`, read from node_modules, never fetched at
 * run time. Unlike the standard PDF fonts (Windows-1252 only) they cover Latin
 * with every accent, Greek, Cyrillic, Armenian and symbols such as "–", "≥", "→";
 * pdfkit embeds only the glyphs a document uses. Scripts they lack (Korean,
 * Chinese, …) still print as "?" with a note beside the quote.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { create, type Font } from 'fontkit'

export const FONT = { regular: 'Voces-Regular', bold: 'Voces-Bold', italic: 'Voces-Italic' } as const
type Face = keyof typeof FONT
const FILES: Record<Face, string> = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf', italic: 'DejaVuSans-Oblique.ttf' }

let loaded: { paths: Record<Face, string>; buffers: Record<Face, Buffer>; fonts: Font[] } | undefined

function load() {
  if (!loaded) {
    const dir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf')
    const paths = {} as Record<Face, string>
    const buffers = {} as Record<Face, Buffer>
    for (const face of Object.keys(FILES) as Face[]) {
      paths[face] = join(dir, FILES[face])
      buffers[face] = readFileSync(paths[face])
    }
    loaded = { paths, buffers, fonts: Object.values(buffers).map((b) => create(b)) }
  }
  return loaded
}

/** Where the regular face is, for pdfkit's default font (so Helvetica is never used). */
export function regularFontPath(): string {
  return load().paths.regular
}

/** The font files, to register in a pdfkit document under the names of FONT. */
export function fontBuffers(): Record<Face, Buffer> {
  return load().buffers
}

/** Whether every embedded face can draw this character. */
export function canDraw(codePoint: number): boolean {
  return load().fonts.every((f) => f.hasGlyphForCodePoint(codePoint))
}
