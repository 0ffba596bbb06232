// What a ZIP entry's name says: its folders, whether it is only a folder or macOS metadata, and whether it climbs
// out of the archive. Names are split on `/` and on `\`: the ZIP format wants `/`, but Windows tools write
// `data\production.csv`, and a check that splits on `/` alone lets `..\..\x` through.
import { echo } from '@ree/domain';

/** The name's parts between separators, `/` or `\`. */
export function nameParts(name: string): string[] {
  return name.split(/[\\/]/);
}

/** The last part of the name: the file's own name, "" for a folder. */
export function baseName(name: string): string {
  return nameParts(name).pop() ?? '';
}

/**
 * An entry the importer passes over without a word: a folder, macOS metadata (`__MACOSX/…`, `._x`), or a hidden
 * file (`.x`).
 */
export function isPassedOver(name: string): boolean {
  const base = baseName(name);
  return base === '' || nameParts(name)[0] === '__MACOSX' || base.startsWith('.');
}

/**
 * Why a name is unsafe to unpack anywhere (what a tool that writes the files would do with it), or null. The
 * format forbids these; an archive holding one was built to attack, so it is refused whole, not its entry alone.
 */
export function unsafeName(name: string): string | null {
  const climbs = nameParts(name).includes('..');
  const absolute = /^[\\/]/.test(name) || /^[a-z]:/i.test(name);
  return climbs || absolute
    ? `"${echo(name)}": its name points outside the archive (a ".." or an absolute path)`
    : null;
}
