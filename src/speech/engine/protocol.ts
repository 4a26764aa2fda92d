/** What the page asks the speech worker, and what it answers. */
export interface SynthRequest {
  id: number;
  text: string;
  lang: 'da' | 'en';
  wordsPerMinute: number;
}

export type SynthReply = { id: number; pcm: Float32Array<ArrayBuffer>; sampleRate: number } | { id: number; error: string };
