/// <reference lib="webworker" />
// The bundled synthesizer, eSpeak NG compiled to WebAssembly, in its own worker so that the screen
// never waits for it. It turns one sentence at a time into 16-bit PCM and hands it to the page, which
// plays it through Web Audio. Its code and voice data come from the service worker's precache.
import createEspeak, { dataUrl } from 'virtual:espeak-ng';
import type { SynthRequest, SynthReply } from './protocol.ts';

declare const self: DedicatedWorkerGlobalScope;

interface EspeakWorker {
  set_voice(name: string): number;
  set_rate(wordsPerMinute: number): number;
  get_samplerate(): number;
  synthesize(text: string, callback: (samples: Int16Array) => number): void;
}

let ready: Promise<EspeakWorker> | undefined;

function load(): Promise<EspeakWorker> {
  ready ??= (async () => {
    const response = await fetch(dataUrl);
    if (!response.ok) throw new Error(`speech data: HTTP ${response.status}`);
    const data = await response.arrayBuffer();
    const module = await createEspeak({ getPreloadedPackage: () => data });
    return new module.eSpeakNGWorker() as EspeakWorker;
  })();
  return ready;
}

self.onmessage = async ({ data: request }: MessageEvent<SynthRequest>) => {
  try {
    const espeak = await load();
    espeak.set_voice(request.lang);
    espeak.set_rate(request.wordsPerMinute);
    const chunks: Int16Array[] = [];
    espeak.synthesize(request.text, (samples) => {
      chunks.push(samples.slice());
      return 0; // 0: go on
    });
    const length = chunks.reduce((sum, c) => sum + c.length, 0);
    const pcm = new Float32Array(length);
    let at = 0;
    for (const chunk of chunks) for (const sample of chunk) pcm[at++] = sample / 32768;
    const reply: SynthReply = { id: request.id, pcm, sampleRate: espeak.get_samplerate() };
    self.postMessage(reply, [pcm.buffer]);
  } catch (error) {
    const reply: SynthReply = { id: request.id, error: String(error) };
    self.postMessage(reply);
  }
};
