// The trimmed eSpeak NG build (src/speech/build/espeak-plugin.ts).
declare module 'virtual:espeak-ng' {
  const createEspeak: (options: { getPreloadedPackage: () => ArrayBuffer }) => Promise<{ eSpeakNGWorker: new () => unknown }>;
  export default createEspeak;
  export const dataUrl: string;
}
