// Draws appPackage/color.png and appPackage/outline.png: a board with three cards of different
// heights (a Lean improvement board). Run `npx ts-node --transpile-only scripts/make-icons.ts`
// after changing the drawing; the PNGs are committed.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { ICON_SIZES, crc32 } from './appPackage';

type Rgb = readonly [number, number, number];
type Shape = (x: number, y: number) => boolean;

// Anti-aliasing by 4x4 supersampling: edges of a 32px icon look jagged without it.
const SUBSAMPLES = 4;

class Canvas {
  private readonly pixels: Float64Array;

  constructor(readonly size: number) {
    this.pixels = new Float64Array(size * size * 4);
  }

  /** Paints `color` over the canvas wherever `shape` covers, weighted by coverage ("over" compositing). */
  fill(shape: Shape, color: Rgb): void {
    for (let py = 0; py < this.size; py++) {
      for (let px = 0; px < this.size; px++) {
        let hits = 0;
        for (let sy = 0; sy < SUBSAMPLES; sy++) {
          for (let sx = 0; sx < SUBSAMPLES; sx++) {
            if (shape(px + (sx + 0.5) / SUBSAMPLES, py + (sy + 0.5) / SUBSAMPLES)) hits++;
          }
        }
        if (hits === 0) continue;
        const alpha = hits / (SUBSAMPLES * SUBSAMPLES);
        const i = (py * this.size + px) * 4;
        const below = this.pixels[i + 3];
        const out = alpha + below * (1 - alpha);
        for (let c = 0; c < 3; c++) {
          this.pixels[i + c] = (color[c] * alpha + this.pixels[i + c] * below * (1 - alpha)) / out;
        }
        this.pixels[i + 3] = out;
      }
    }
  }

  toRgba(): Buffer {
    const rgba = Buffer.alloc(this.pixels.length);
    for (let i = 0; i < this.pixels.length; i += 4) {
      for (let c = 0; c < 3; c++) rgba[i + c] = Math.round(this.pixels[i + c]);
      rgba[i + 3] = Math.round(this.pixels[i + 3] * 255);
    }
    return rgba;
  }
}

function roundRect(x0: number, y0: number, x1: number, y1: number, r: number): Shape {
  return (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const dx = Math.max(x0 + r - x, 0, x - (x1 - r));
    const dy = Math.max(y0 + r - y, 0, y - (y1 - r));
    return dx * dx + dy * dy <= r * r;
  };
}

function minus(outer: Shape, inner: Shape): Shape {
  return (x, y) => outer(x, y) && !inner(x, y);
}

const GREEN: Rgb = [0x2e, 0x7d, 0x5b]; // the manifest's accentColor
const WHITE: Rgb = [0xff, 0xff, 0xff];

/** Geometry shared by both icons, in units of the icon size, so they read as the same mark. */
function drawBoard(canvas: Canvas, frame: number[], stroke: number, cards: number[][], cardRadius: number): void {
  const [x0, y0, x1, y1, r] = frame;
  canvas.fill(minus(roundRect(x0, y0, x1, y1, r), roundRect(x0 + stroke, y0 + stroke, x1 - stroke, y1 - stroke, Math.max(r - stroke, 0))), WHITE);
  for (const [cx0, cy0, cx1, cy1] of cards) canvas.fill(roundRect(cx0, cy0, cx1, cy1, cardRadius), WHITE);
}

export function drawColorIcon(): Buffer {
  const canvas = new Canvas(ICON_SIZES.color);
  // Opaque full-bleed background: Teams crops the colour icon to its own rounded tile.
  canvas.fill(() => true, GREEN);
  drawBoard(canvas, [32, 40, 160, 152, 14], 8, [[52, 60, 76, 108], [84, 60, 108, 92], [116, 60, 140, 124]], 4);
  return canvas.toRgba();
}

export function drawOutlineIcon(): Buffer {
  const canvas = new Canvas(ICON_SIZES.outline);
  drawBoard(canvas, [3, 5, 29, 27, 3], 2, [[7, 9, 11, 17], [14, 9, 18, 14], [21, 9, 25, 21]], 0.75);
  return canvas.toRgba();
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** 8-bit RGBA PNG, filter 0 on every row: simplest valid encoding, and the icons are tiny. */
export function encodePng(size: number, rgba: Buffer): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  const stride = size * 4;
  const raw = Buffer.alloc(size * (stride + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

if (require.main === module) {
  const appDir = path.resolve(__dirname, '..', 'appPackage');
  fs.writeFileSync(path.join(appDir, 'color.png'), encodePng(ICON_SIZES.color, drawColorIcon()));
  fs.writeFileSync(path.join(appDir, 'outline.png'), encodePng(ICON_SIZES.outline, drawOutlineIcon()));
  console.log(`Wrote ${path.join(appDir, 'color.png')} and outline.png`);
}
