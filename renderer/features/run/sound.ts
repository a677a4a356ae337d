const KEY = 'bimtek:run-sound';

/** Whether the console plays a soft sound when a step runs out of time (off unless chosen). */
export function soundEnabled(): boolean {
  try {
    return localStorage.getItem(KEY) === 'on';
  } catch {
    return false;
  }
}

export function setSoundEnabled(on: boolean): void {
  try {
    localStorage.setItem(KEY, on ? 'on' : 'off');
  } catch {
    // A private window without storage: the choice lasts for this page only.
  }
}

/** Two soft tones (no file to load, works offline). */
export function beep(): void {
  try {
    const ctx = new AudioContext();
    const gain = ctx.createGain();
    gain.gain.setValueAtTime(0.0001, ctx.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.15, ctx.currentTime + 0.05);
    gain.gain.exponentialRampToValueAtTime(0.0001, ctx.currentTime + 0.9);
    gain.connect(ctx.destination);
    [660, 880].forEach((hz, i) => {
      const osc = ctx.createOscillator();
      osc.frequency.value = hz;
      osc.connect(gain);
      osc.start(ctx.currentTime + i * 0.3);
      osc.stop(ctx.currentTime + 0.3 + i * 0.3);
    });
    setTimeout(() => void ctx.close(), 1500);
  } catch {
    // No audio device: the colour of the timer still says it.
  }
}
