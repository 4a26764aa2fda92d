import { describe, expect, it } from 'vitest';
import { keepFile, trimEspeak } from './espeak-trim.ts';

describe('trimming eSpeak NG to Danish and English', () => {
  it('keeps shared data and the Danish and English dictionaries only', () => {
    const keep = (f: string) => keepFile(`/usr/share/espeak-ng-data/${f}`, ['da', 'en']);
    expect(['da_dict', 'en_dict', 'phondata', 'phontab', 'lang/gmq/da', 'voices/!v/Alex'].every(keep)).toBe(true);
    expect(['ru_dict', 'fo_dict', 'cmn_dict'].some(keep)).toBe(false);
  });

  it('rewrites the packed-file list to the kept files, with their bytes moved together', () => {
    const js = 'a;loadPackage({files:[{filename:"/d/da_dict",start:0,end:2},{filename:"/d/ru_dict",start:2,end:5},{filename:"/d/phontab",start:5,end:6}],remote_package_size:6});b';
    const { js: out, data } = trimEspeak(js, new Uint8Array([1, 2, 9, 9, 9, 3]), ['da']);
    expect([...data]).toEqual([1, 2, 3]);
    expect(out).toBe('a;loadPackage({files:[{"filename":"/d/da_dict","start":0,"end":2},{"filename":"/d/phontab","start":2,"end":3}],remote_package_size:3});b');
  });

  it('fails the build loudly when the package layout changes', () => {
    expect(() => trimEspeak('no list here', new Uint8Array(), ['da'])).toThrow(/packed-file list not found/);
    expect(() => trimEspeak('loadPackage({files:[],remote_package_size:9})', new Uint8Array(3), ['da'])).toThrow(/size does not match/);
  });
});
