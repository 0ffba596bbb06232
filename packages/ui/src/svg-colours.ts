// An SVG turned into an image (PNG export) no longer sees the page's stylesheet, so `var(--ree-…)` fills and
// strokes would paint black. Before serialising, copy each element's resolved colours onto its clone.

const PAINT = ['fill', 'stroke', 'color', 'stop-color'] as const;

/** Writes the computed paint of every element of `original` onto the same element of `clone` (same shape). */
export function inlineResolvedColours(original: SVGSVGElement, clone: SVGSVGElement): void {
  const from = [original, ...original.querySelectorAll('*')];
  const to = [clone, ...clone.querySelectorAll('*')];
  from.forEach((element, i) => {
    const target = to[i];
    if (!(target instanceof SVGElement || target instanceof HTMLElement)) return;
    const computed = getComputedStyle(element);
    for (const property of PAINT) target.style.setProperty(property, computed.getPropertyValue(property));
  });
}

/**
 * A theme colour token as it paints now (light or dark theme), e.g. `--ree-surface` for the background behind an
 * exported figure. Tokens are `light-dark(…, …)`, which only a property that paints resolves, so a throw-away
 * element paints with it.
 */
export function tokenColour(token: `--ree-${string}`, fallback: string): string {
  const probe = document.createElement('span');
  probe.style.color = `var(${token})`;
  document.body.append(probe);
  const colour = getComputedStyle(probe).color;
  probe.remove();
  return colour || fallback;
}

/** The page's surface colour now (light or dark theme). */
export function surfaceColour(): string {
  return tokenColour('--ree-surface', '#ffffff');
}
