// What the PNG-export journeys share: download a figure's PNG, and count its pixels in the browser (which decodes
// PNG; Node has no decoder here) without shipping millions of them back to the test.
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { readTextChunks } from '@ree/ui/png-text';

/** Clicks the figure's PNG button and reads the file: bytes, text chunks, size in pixels. */
export async function downloadPng(page: Page, figure: Locator, button: string) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    figure.getByRole('button', { name: button }).click(),
  ]);
  const bytes = new Uint8Array(await readFile((await download.path()) ?? ''));
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  return { bytes, text: readTextChunks(bytes), width: view.getUint32(16), height: view.getUint32(20) };
}

export interface PixelCounts {
  /** The top-left pixel's colour: the surface the figure was drawn on. */
  corner: [number, number, number];
  total: number;
  /** Pixels of another colour than the corner's. */
  notCorner: number;
  /** Pixels within `tolerance` of `colour` on each channel. */
  near: number;
}

/** Decodes `png` in the page and counts its pixels against the corner and against one colour. */
export function countPixels(
  page: Page,
  png: Uint8Array,
  colour: [number, number, number],
  tolerance = 0,
): Promise<PixelCounts> {
  return page.evaluate(
    async ({ data, colour, tolerance }) => {
      const image = new Image();
      image.src = `data:image/png;base64,${data}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      [canvas.width, canvas.height] = [image.width, image.height];
      const context = canvas.getContext('2d', { willReadFrequently: true });
      context?.drawImage(image, 0, 0);
      const pixels = context?.getImageData(0, 0, canvas.width, canvas.height).data ?? new Uint8ClampedArray();
      const corner: [number, number, number] = [pixels[0] ?? 0, pixels[1] ?? 0, pixels[2] ?? 0];
      let [notCorner, near] = [0, 0];
      for (let i = 0; i < pixels.length; i += 4) {
        const rgb = [pixels[i] ?? 0, pixels[i + 1] ?? 0, pixels[i + 2] ?? 0];
        if (rgb.some((v, c) => v !== corner[c])) notCorner += 1;
        if (rgb.every((v, c) => Math.abs(v - (colour[c] ?? 0)) <= tolerance)) near += 1;
      }
      return { corner, total: pixels.length / 4, notCorner, near };
    },
    { data: Buffer.from(png).toString('base64'), colour, tolerance },
  );
}
