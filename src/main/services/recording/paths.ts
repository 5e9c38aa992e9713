/** Where a round's recording lives, relative to the data folder, and its URLs on the app origin. */
export function recordingFiles(sessionId: string, roundIndex: number, roundId: string) {
  const base = `recordings/${sessionId}/round-${String(roundIndex + 1).padStart(2, '0')}-${roundId}`;
  return { file: `${base}.webm`, peaksFile: `${base}.peaks` };
}

/** Bytes arrive here while recording; the finalized file replaces it. */
export const partFile = (file: string) => `${file}.part`;

export const mediaUrl = (relative: string) => `/media/${relative}`;
