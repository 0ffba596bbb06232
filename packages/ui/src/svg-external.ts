// A PNG export turns the SVG into an image, and an SVG image loads nothing external: a `<use href="/maps/…#id">`
// (the world map's shared outlines) would draw nothing there. Before serialising, copy each element a <use>
// references in another file into the clone's own <defs>, and point the <use> at that copy.

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Makes every `<use>` of `clone` that points into another file point at a copy inside `clone`. */
export async function inlineExternalUses(clone: SVGSVGElement): Promise<void> {
  const files = new Map<string, Promise<Document>>();
  const defs = document.createElementNS(SVG_NS, 'defs');
  const copied = new Set<string>();
  for (const use of clone.querySelectorAll('use')) {
    const [file, id] = (use.getAttribute('href') ?? '').split('#');
    if (!file || !id) continue;
    if (!files.has(file)) files.set(file, load(file));
    const target = (await files.get(file))?.getElementById(id);
    if (!target) continue;
    const local = `inlined-${id}`;
    if (!copied.has(local)) {
      const copy = document.importNode(target, true) as Element;
      copy.id = local;
      defs.append(copy);
      copied.add(local);
    }
    use.setAttribute('href', `#${local}`);
  }
  if (copied.size > 0) clone.prepend(defs);
}

/** The referenced SVG file (same origin; the browser has it cached, the asset is immutable). */
async function load(file: string): Promise<Document> {
  const response = await fetch(file);
  return new DOMParser().parseFromString(await response.text(), 'image/svg+xml');
}
