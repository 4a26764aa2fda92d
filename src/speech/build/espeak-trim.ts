// eSpeak NG's Emscripten build ships the voice data of ~100 languages (24 MB) as one packed file and
// lists every file's byte range inside its JavaScript. The kiosk speaks Danish and English only, so the
// build keeps the shared phoneme tables and voice definitions and drops every other language's
// dictionary: about 1.2 MB instead of 24 MB to precache on each kiosk.

export interface PackedFile {
  filename: string;
  start: number;
  end: number;
}

// Dictionaries are the only per-language data of any size (`<lang>_dict`); everything else is shared.
export function keepFile(filename: string, languages: readonly string[]): boolean {
  const dict = /\/([a-z-]+)_dict$/.exec(filename);
  return dict === null || languages.includes(dict[1]);
}

const listPattern = /loadPackage\(\{files:(\[[^\]]*\]),remote_package_size:(\d+)\}\)/;

// Returns the JavaScript with its file list rewritten and the packed data holding only the kept files.
export function trimEspeak(js: string, data: Uint8Array, languages: readonly string[]): { js: string; data: Uint8Array } {
  const match = listPattern.exec(js);
  if (!match) throw new Error('eSpeak NG build: packed-file list not found (package layout changed)');
  const files = JSON.parse(match[1].replace(/(filename|start|end):/g, '"$1":')) as PackedFile[];
  if (Number(match[2]) !== data.length) throw new Error('eSpeak NG build: data size does not match its list');
  const kept: PackedFile[] = [];
  const parts: Uint8Array[] = [];
  let offset = 0;
  for (const file of files) {
    if (!keepFile(file.filename, languages)) continue;
    const bytes = data.subarray(file.start, file.end);
    kept.push({ filename: file.filename, start: offset, end: offset + bytes.length });
    parts.push(bytes);
    offset += bytes.length;
  }
  const out = new Uint8Array(offset);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  const list = `loadPackage({files:${JSON.stringify(kept)},remote_package_size:${offset}})`;
  return { js: js.replace(listPattern, () => list), data: out };
}
