/**
 * A server-side `document` for Observable Plot: linkedom, plus the one canvas
 * feature Plot uses outside the browser (continuous colour legends and the
 * raster mark paint pixels on a canvas and read it back as a PNG data URL).
 *
 * @module
 */
import { parseHTML } from "linkedom";
import { color } from "d3";
import { deflateSync } from "node:zlib";

/** A minimal 2-D canvas: fillRect with a CSS colour, image data, PNG export. */
class PixelCanvas {
  width = 300;
  height = 150;
  #pixels: Uint8ClampedArray | null = null;

  #buffer(): Uint8ClampedArray {
    const size = this.width * this.height * 4;
    if (!this.#pixels || this.#pixels.length !== size) this.#pixels = new Uint8ClampedArray(size);
    return this.#pixels;
  }

  getContext(kind: string) {
    if (kind !== "2d") return null;
    // deno-lint-ignore no-this-alias
    const canvas = this;
    return {
      fillStyle: "black",
      fillRect(x: number, y: number, w: number, h: number) {
        const c = color(String(this.fillStyle))?.rgb();
        const rgba = c ? [c.r, c.g, c.b, Math.round(255 * c.opacity)] : [0, 0, 0, 255];
        const px = canvas.#buffer();
        for (let yy = Math.max(0, y); yy < Math.min(canvas.height, y + h); yy++) {
          for (let xx = Math.max(0, x); xx < Math.min(canvas.width, x + w); xx++) {
            px.set(rgba, (yy * canvas.width + xx) * 4);
          }
        }
      },
      createImageData(w: number, h: number) {
        return { width: w, height: h, data: new Uint8ClampedArray(w * h * 4) };
      },
      putImageData(
        image: { width: number; height: number; data: Uint8ClampedArray },
        x: number,
        y: number,
      ) {
        const px = canvas.#buffer();
        for (let r = 0; r < image.height; r++) {
          for (let c = 0; c < image.width; c++) {
            const tx = x + c, ty = y + r;
            if (tx < 0 || ty < 0 || tx >= canvas.width || ty >= canvas.height) continue;
            px.set(
              image.data.subarray((r * image.width + c) * 4, (r * image.width + c) * 4 + 4),
              (ty * canvas.width + tx) * 4,
            );
          }
        }
      },
    };
  }

  toDataURL(): string {
    return "data:image/png;base64," +
      btoa(String.fromCharCode(...encodePng(this.width, this.height, this.#buffer())));
  }
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let k = 0; k < 4; k++) out[4 + k] = type.charCodeAt(k);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** Encodes RGBA pixels as a PNG file (8-bit, colour type 6, no interlace). */
function encodePng(width: number, height: number, rgba: Uint8ClampedArray): Uint8Array {
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([8, 6, 0, 0, 0], 8);
  const raw = new Uint8Array(height * (1 + width * 4));
  for (let y = 0; y < height; y++) {
    raw[y * (1 + width * 4)] = 0; // filter: none
    raw.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), y * (1 + width * 4) + 1);
  }
  const parts = [
    Uint8Array.of(137, 80, 78, 71, 13, 10, 26, 10),
    chunk("IHDR", header),
    chunk("IDAT", new Uint8Array(deflateSync(raw))),
    chunk("IEND", new Uint8Array(0)),
  ];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}

let cached: Document | null = null;

/**
 * The shared server-side document that every figure is rendered with.
 *
 * @example
 * ```ts
 * import * as Plot from "@observablehq/plot";
 * import { plotDocument } from "./dom.ts";
 * const svg = Plot.plot({ document: plotDocument(), marks: [Plot.dot([[1, 2]])] });
 * ```
 */
export function plotDocument(): Document {
  if (cached) return cached;
  const { document } = parseHTML("<!DOCTYPE html><html><head></head><body></body></html>");
  const create = document.createElement.bind(document);
  // deno-lint-ignore no-explicit-any
  (document as any).createElement = (tag: string, options?: unknown) =>
    tag.toLowerCase() === "canvas"
      ? new PixelCanvas()
      : create(tag, options as ElementCreationOptions);
  cached = document as unknown as Document;
  return cached;
}
