// Draws the add-in icon, a brand-blue tile with a white envelope, at any size as PNG.
// `node scripts/make-icons.mjs` writes the pane/ribbon sizes (16/32/64/80/128 px) committed in public/assets; the
// unified manifest's app package takes its 192 px colour icon and 32 px outline icon from here at build time.
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { deflateSync } from "node:zlib";

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => { let c = 0xffffffff; for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
const chunk = (type, data) => {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

/** Which part of the icon a point (u, v in 0..1) is on: outside the rounded tile, the envelope, or the tile. */
function partAt(u, v) {
  const r = 0.18;
  const corner = (cx, cy) => (u - cx) ** 2 + (v - cy) ** 2 > r * r;
  const outside = (u < r && v < r && corner(r, r)) || (u > 1 - r && v < r && corner(1 - r, r)) ||
    (u < r && v > 1 - r && corner(r, 1 - r)) || (u > 1 - r && v > 1 - r && corner(1 - r, 1 - r));
  if (outside) return "outside";
  const inEnvelope = u > 0.2 && u < 0.8 && v > 0.3 && v < 0.72;
  const flap = Math.abs(v - 0.3 - Math.min(u - 0.2, 0.8 - u) * 0.55) < 0.045 && inEnvelope;
  return inEnvelope && !flap ? "envelope" : "tile";
}

/** The colour icon: white envelope on the brand-blue tile. */
export const colorIcon = (size) => png(size, (part) =>
  part === "outside" ? [0, 0, 0, 0] : part === "envelope" ? [255, 255, 255, 255] : [15, 108, 189, 255]);

/**
 * The outline icon Microsoft 365 shows on coloured surfaces: the same envelope, white on transparent (the app
 * package's outline icon may use no other colour).
 */
export const outlineIcon = (size) => png(size, (part) => part === "envelope" ? [255, 255, 255, 255] : [255, 255, 255, 0]);

function png(size, colourOf) {
  const px = (x, y) => colourOf(partAt(x / size, y / size));
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) Buffer.from(px(x + 0.5, y + 0.5)).copy(raw, y * (size * 4 + 1) + 1 + x * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0); ihdr.writeUInt32BE(size, 4); ihdr[8] = 8; ihdr[9] = 6;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(raw)), chunk("IEND", Buffer.alloc(0))]);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const size of [16, 32, 64, 80, 128]) {
    writeFileSync(new URL(`../public/assets/icon-${size}.png`, import.meta.url), colorIcon(size));
  }
}
