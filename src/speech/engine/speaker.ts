// Speaks sentences one after another with the platform's voice for the language when one is installed
// on the device, else with the bundled eSpeak NG through Web Audio. Loaded only when read-aloud is on.
import type { SpeechLanguage } from '../language.ts';
import type { SynthReply, SynthRequest } from './protocol.ts';

export type Rate = 'slower' | 'normal' | 'faster';
const WORDS_PER_MINUTE: Record<Rate, number> = { slower: 130, normal: 165, faster: 220 };
const PLATFORM_RATE: Record<Rate, number> = { slower: 0.8, normal: 1, faster: 1.3 };

/**
 * What was played, for the browser tests: they set `globalThis.__speechTap` before the app loads. The
 * app itself keeps nothing of what it said.
 */
export interface SpeechTapEvent {
  type: 'start' | 'end' | 'stop';
  engine: 'espeak' | 'platform';
  text: string;
  lang: SpeechLanguage;
  pcm?: Float32Array;
  sampleRate?: number;
  /** Seconds played when it ended or was stopped, and the sentence's length. */
  played?: number;
  duration?: number;
}
declare global {
  var __speechTap: ((event: SpeechTapEvent) => void) | undefined;
}

function platformVoice(lang: SpeechLanguage): SpeechSynthesisVoice | undefined {
  if (!('speechSynthesis' in globalThis)) return undefined;
  // Only a voice on the device itself: a network voice would send the citizen's answers away.
  return speechSynthesis.getVoices().find((v) => v.localService && v.lang.toLowerCase().startsWith(lang));
}

export class Speaker {
  #worker: Worker | undefined;
  #audio: AudioContext | undefined;
  #playing: { source: AudioBufferSourceNode; started: number; event: SpeechTapEvent; done: () => void } | undefined;
  #pending = new Map<number, (reply: SynthReply) => void>();
  #nextId = 1;
  /** Every stop() starts a new generation; anything of an older one is dropped. */
  #generation = 0;

  /** `onSentenceEnd`: a sentence was played to its end (not stopped). */
  constructor(private readonly onSentenceEnd: () => void = () => {}) {}

  /** Must be called from a touch or key press: browsers start audio only then. */
  unlock(): void {
    this.#audio ??= new AudioContext();
    void this.#audio.resume();
  }

  /** Stops what is being said and anything queued, at once. */
  stop(): void {
    this.#generation++;
    if (this.#playing) {
      const { source, started, event, done } = this.#playing;
      this.#playing = undefined;
      source.onended = null;
      source.stop();
      globalThis.__speechTap?.({ ...event, type: 'stop', played: this.#audio!.currentTime - started });
      done();
    }
    if ('speechSynthesis' in globalThis) speechSynthesis.cancel();
  }

  /** Says the sentences in order; resolves when done or stopped. */
  async say(sentences: string[], lang: SpeechLanguage, rate: Rate): Promise<void> {
    this.stop();
    const generation = this.#generation;
    const voice = platformVoice(lang);
    if (voice) {
      for (const text of sentences) {
        if (generation !== this.#generation) return;
        await this.#platform(text, lang, voice, rate);
      }
      return;
    }
    // Ask for every sentence at once: the next is ready while this one plays.
    const replies = sentences.map((text) => this.#synthesize({ id: this.#nextId++, text, lang, wordsPerMinute: WORDS_PER_MINUTE[rate] }));
    for (const [i, reply] of replies.entries()) {
      const result = await reply;
      if (generation !== this.#generation) return;
      if ('error' in result) throw new Error(result.error);
      await this.#play(result.pcm, result.sampleRate, { type: 'start', engine: 'espeak', text: sentences[i], lang });
    }
  }

  #synthesize(request: SynthRequest): Promise<SynthReply> {
    if (!this.#worker) {
      this.#worker = new Worker(new URL('./espeak.worker.ts', import.meta.url), { type: 'module', name: 'espeak' });
      this.#worker.onmessage = ({ data }: MessageEvent<SynthReply>) => {
        this.#pending.get(data.id)?.(data);
        this.#pending.delete(data.id);
      };
    }
    return new Promise((resolve) => {
      this.#pending.set(request.id, resolve);
      this.#worker!.postMessage(request);
    });
  }

  #play(pcm: Float32Array<ArrayBuffer>, sampleRate: number, event: SpeechTapEvent): Promise<void> {
    const audio = (this.#audio ??= new AudioContext());
    const buffer = audio.createBuffer(1, Math.max(1, pcm.length), sampleRate);
    buffer.copyToChannel(pcm, 0);
    const source = audio.createBufferSource();
    source.buffer = buffer;
    source.connect(audio.destination);
    const started = audio.currentTime;
    const tapped = { ...event, duration: buffer.duration };
    globalThis.__speechTap?.({ ...tapped, pcm, sampleRate });
    return new Promise((resolve) => {
      source.onended = () => {
        this.#playing = undefined;
        globalThis.__speechTap?.({ ...tapped, type: 'end', played: audio.currentTime - started });
        this.onSentenceEnd();
        resolve();
      };
      // A stop() resolves this sentence too: the caller sees the generation change and ends.
      this.#playing = { source, started, event: tapped, done: resolve };
      source.start();
    });
  }

  #platform(text: string, lang: SpeechLanguage, voice: SpeechSynthesisVoice, rate: Rate): Promise<void> {
    return new Promise((resolve) => {
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.voice = voice;
      utterance.lang = voice.lang;
      utterance.rate = PLATFORM_RATE[rate];
      const event: SpeechTapEvent = { type: 'start', engine: 'platform', text, lang };
      utterance.onstart = () => globalThis.__speechTap?.(event);
      utterance.onend = () => {
        globalThis.__speechTap?.({ ...event, type: 'end' });
        this.onSentenceEnd();
        resolve();
      };
      utterance.onerror = () => {
        globalThis.__speechTap?.({ ...event, type: 'end' });
        resolve();
      };
      speechSynthesis.speak(utterance);
    });
  }
}
