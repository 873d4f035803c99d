// fontkit (a dependency of pdfkit) ships no types; only what pdf-fonts.ts uses.
declare module 'fontkit' {
  export interface Font {
    hasGlyphForCodePoint(codePoint: number): boolean
  }
  export function create(buffer: Buffer): Font
}
