/**
 * Draws public/favicon.ico from the shapes of public/favicon.svg (a blue
 * rounded square with a white V), 16 and 32 pixels, without an image library:
 * browsers ask for /favicon.ico whatever the page links, and a missing one
 * logged a stack trace per request (issue 13, finding 2).
 *   npx tsx scripts/make-favicon.ts
 */
import { writeFileSync } from 'node:fs'

const BLUE = [0x1d, 0x4e, 0x89]
const STROKE = 3.5 / 2

function distanceToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax
  const dy = by - ay
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy))
}

function insideRoundedSquare(x: number, y: number): boolean {
  const r = 6
  const cx = Math.min(Math.max(x, r), 32 - r)
  const cy = Math.min(Math.max(y, r), 32 - r)
  return Math.hypot(x - cx, y - cy) <= r
}

/** BGRA rows bottom-up, as an icon's bitmap stores them; 4×4 samples a pixel. */
function draw(size: number): Buffer {
  const pixels = Buffer.alloc(size * size * 4)
  const scale = 32 / size
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      let cover = 0
      let white = 0
      for (let sy = 0; sy < 4; sy++) {
        for (let sx = 0; sx < 4; sx++) {
          const x = (col + (sx + 0.5) / 4) * scale
          const y = (row + (sy + 0.5) / 4) * scale
          if (!insideRoundedSquare(x, y)) continue
          cover++
          if (Math.min(distanceToSegment(x, y, 8, 9, 16, 24), distanceToSegment(x, y, 16, 24, 24, 9)) <= STROKE) white++
        }
      }
      const mix = cover ? white / cover : 0
      const at = ((size - 1 - row) * size + col) * 4
      pixels[at] = Math.round(BLUE[2]! + (255 - BLUE[2]!) * mix)
      pixels[at + 1] = Math.round(BLUE[1]! + (255 - BLUE[1]!) * mix)
      pixels[at + 2] = Math.round(BLUE[0]! + (255 - BLUE[0]!) * mix)
      pixels[at + 3] = Math.round((cover / 16) * 255)
    }
  }
  const header = Buffer.alloc(40)
  header.writeUInt32LE(40, 0)
  header.writeInt32LE(size, 4)
  header.writeInt32LE(size * 2, 8) // colour bitmap + mask
  header.writeUInt16LE(1, 12)
  header.writeUInt16LE(32, 14)
  header.writeUInt32LE(pixels.length, 20)
  const maskRow = Math.ceil(size / 32) * 4
  return Buffer.concat([header, pixels, Buffer.alloc(maskRow * size)])
}

const images = [16, 32].map((size) => ({ size, data: draw(size) }))
const directory = Buffer.alloc(6 + 16 * images.length)
directory.writeUInt16LE(1, 2)
directory.writeUInt16LE(images.length, 4)
let offset = directory.length
images.forEach(({ size, data }, i) => {
  const at = 6 + 16 * i
  directory.writeUInt8(size, at)
  directory.writeUInt8(size, at + 1)
  directory.writeUInt16LE(1, at + 4)
  directory.writeUInt16LE(32, at + 6)
  directory.writeUInt32LE(data.length, at + 8)
  directory.writeUInt32LE(offset, at + 12)
  offset += data.length
})
writeFileSync('public/favicon.ico', Buffer.concat([directory, ...images.map((i) => i.data)]))
console.log('public/favicon.ico written')
