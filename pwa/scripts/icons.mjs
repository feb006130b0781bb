// Draws Parc's app icons (a sheet with counter lines on the brand colour) and writes them as PNG files.
// Run: node pwa/scripts/icons.mjs — the PNGs are committed, so builds need no image tooling.
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const brand = [0x1d, 0x4f, 0x7c];
const paper = [0xff, 0xff, 0xff];
const accent = [0xf2, 0xa9, 0x00];
const outDir = fileURLToPath(new URL('../public/icons/', import.meta.url));

/** Signed distance to a rounded rectangle centred at (cx, cy), in the unit square's coordinates. */
function roundedRect(x, y, cx, cy, halfWidth, halfHeight, radius) {
  const dx = Math.abs(x - cx) - halfWidth + radius;
  const dy = Math.abs(y - cy) - halfHeight + radius;
  const outside = Math.hypot(Math.max(dx, 0), Math.max(dy, 0));
  return outside + Math.min(Math.max(dx, dy), 0) - radius;
}

/**
 * Colour of one point of the icon, or null when transparent. A maskable icon shrinks the drawing
 * so that a maskable icon keeps it inside the safe zone (the central 80% circle).
 */
function colourAt(x, y, { maskable }) {
  const inBackground = maskable || roundedRect(x, y, 0.5, 0.5, 0.5, 0.5, 0.18) <= 0;
  if (!inBackground) return null;
  const scale = maskable ? 0.72 : 1;
  const u = 0.5 + (x - 0.5) / scale;
  const v = 0.5 + (y - 0.5) / scale;
  const sheet = roundedRect(u, v, 0.5, 0.5, 0.24, 0.31, 0.04);
  if (sheet > 0) return brand;
  const lines = [0.34, 0.46, 0.58];
  for (const lineY of lines) {
    if (roundedRect(u, v, 0.47, lineY, 0.14, 0.025, 0.02) <= 0) return brand;
  }
  if (roundedRect(u, v, 0.5, 0.71, 0.17, 0.035, 0.02) <= 0) return accent;
  return paper;
}

/** Renders with 4×4 supersampling so the edges are smooth. */
function render(size, options) {
  const samples = 4;
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const colour = colourAt((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size, options);
          if (!colour) continue;
          r += colour[0]; g += colour[1]; b += colour[2]; a += 1;
        }
      }
      const offset = (py * size + px) * 4;
      if (a > 0) {
        rgba[offset] = Math.round(r / a);
        rgba[offset + 1] = Math.round(g / a);
        rgba[offset + 2] = Math.round(b / a);
      }
      rgba[offset + 3] = Math.round((255 * a) / (samples * samples));
    }
  }
  return rgba;
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = crcTable[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  // Each row starts with filter type 0 (none).
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let row = 0; row < size; row++) rgba.copy(raw, row * (size * 4 + 1) + 1, row * size * 4, (row + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const icons = [
  { file: 'icon-192.png', size: 192, maskable: false },
  { file: 'icon-512.png', size: 512, maskable: false },
  { file: 'icon-maskable-512.png', size: 512, maskable: true },
];

mkdirSync(outDir, { recursive: true });
for (const { file, size, maskable } of icons) {
  writeFileSync(outDir + file, encodePng(size, render(size, { maskable })));
  console.log(`wrote ${file}`);
}
