#!/usr/bin/env node
/**
 * Writes the add-in icons assets/icon-{16,32,64,80,128}.png with Node's zlib only (no ImageMagick needed).
 *
 * The motif is a table: a green rounded tile holding a white sheet with a green header row, grid lines and a
 * check mark. Shapes are drawn in a 0..1 coordinate space and supersampled 4×4 per pixel for smooth edges, so every
 * size is drawn from the same description. Run `node scripts/make-icons.js` after changing the design; the PNGs are
 * committed, the build only copies them.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80, 128];
const OUT_DIR = path.resolve(__dirname, "..", "assets");

const GREEN = [33, 115, 70];
const LIGHT_GREEN = [200, 230, 212];
const WHITE = [255, 255, 255];
const LINE = [150, 170, 160];
const CHECK = [230, 126, 34];

function insideRoundedRect(x, y, x0, y0, x1, y1, r) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function distanceToSegment(x, y, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

/** Colour at (x, y) in 0..1 space, or null for transparent. Later shapes paint over earlier ones. */
function shade(x, y, size) {
  let colour = null;
  if (insideRoundedRect(x, y, 0.02, 0.02, 0.98, 0.98, 0.18)) colour = GREEN;
  // The sheet.
  const sx0 = 0.17;
  const sy0 = 0.2;
  const sx1 = 0.83;
  const sy1 = 0.82;
  if (insideRoundedRect(x, y, sx0, sy0, sx1, sy1, 0.04)) {
    colour = WHITE;
    if (y < sy0 + 0.16) colour = LIGHT_GREEN;
    // Grid lines: thicker at small sizes so they survive the downscale.
    const w = Math.max(0.022, 1.2 / size);
    const rows = [sy0 + 0.16, sy0 + 0.31, sy0 + 0.46];
    const cols = [sx0 + 0.24];
    if (size >= 32) rows.push(sy0 + 0.61 > sy1 - 0.02 ? sy1 - 0.02 : sy0 + 0.61);
    for (const ry of rows) if (Math.abs(y - ry) < w / 2) colour = LINE;
    for (const cx of cols) if (Math.abs(x - cx) < w / 2 && y > sy0 + 0.16) colour = LINE;
  }
  // Check mark across the lower right corner.
  const stroke = Math.max(0.07, 2.2 / size);
  const d = Math.min(
    distanceToSegment(x, y, 0.5, 0.66, 0.62, 0.78),
    distanceToSegment(x, y, 0.62, 0.78, 0.86, 0.5)
  );
  if (d < stroke / 2 + 0.025) colour = WHITE; // halo so the mark reads on the grid
  if (d < stroke / 2) colour = CHECK;
  return colour;
}

function render(size) {
  const ss = 4;
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const c = shade((px + (sx + 0.5) / ss) / size, (py + (sy + 0.5) / ss) / size, size);
          if (c) {
            r += c[0];
            g += c[1];
            b += c[2];
            a += 1;
          }
        }
      }
      const o = (py * size + px) * 4;
      if (a > 0) {
        rgba[o] = Math.round(r / a);
        rgba[o + 1] = Math.round(g / a);
        rgba[o + 2] = Math.round(b / a);
      }
      rgba[o + 3] = Math.round((255 * a) / (ss * ss));
    }
  }
  return rgba;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  header[10] = 0;
  header[11] = 0;
  header[12] = 0;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function main() {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(OUT_DIR, `icon-${size}.png`);
    fs.writeFileSync(file, encodePng(size, render(size)));
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
}

if (require.main === module) main();

module.exports = { SIZES, encodePng, render };
