/**
 * Draws an attachment's bytes for the viewer without running anything from the file: a TIFF scan decoded in
 * JavaScript (UTIF2) into a canvas, a PDF's pages by pdf.js (pdf.js runs no script a PDF carries; XFA forms are off). pdf.js
 * is loaded only when a PDF is opened, and its worker comes from the app's own origin (the CSP allows no
 * other).
 *
 * @example
 * const pdf = await openPdf(bytes);
 * await pdf.draw(1, canvas, 900);
 */
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

/** Draws the first image of a TIFF file into the canvas at its own size. */
export async function drawTiff(bytes: ArrayBuffer, canvas: HTMLCanvasElement): Promise<void> {
  const mod = await import('utif2');
  // A CommonJS module: the bundler hands it over as the default export.
  const UTIF = (mod as unknown as { default?: typeof mod }).default ?? mod;
  const [first] = UTIF.decode(bytes);
  if (!first) throw new Error('TIFF');
  UTIF.decodeImage(bytes, first);
  const rgba = UTIF.toRGBA8(first);
  const width = first.width;
  const height = first.height;
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('canvas');
  const pixels = new Uint8ClampedArray(width * height * 4);
  pixels.set(rgba.subarray(0, pixels.length));
  context.putImageData(new ImageData(pixels, width, height), 0, 0);
}

export interface OpenedPdf {
  readonly pages: number;
  draw(page: number, canvas: HTMLCanvasElement, width: number): Promise<void>;
  close(): Promise<void>;
}

export async function openPdf(bytes: ArrayBuffer): Promise<OpenedPdf> {
  const pdfjs = await import('pdfjs-dist');
  pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
  const task = pdfjs.getDocument({ data: new Uint8Array(bytes), enableXfa: false });
  const doc = await task.promise;
  return {
    pages: doc.numPages,
    async draw(page, canvas, width) {
      const p = await doc.getPage(page);
      const base = p.getViewport({ scale: 1 });
      const viewport = p.getViewport({ scale: (width / base.width) * (window.devicePixelRatio || 1) });
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      canvas.style.width = `${width}px`;
      await p.render({ canvas, viewport }).promise;
    },
    close: () => task.destroy(),
  };
}
