// AudioWorklet: waveform peaks (max |sample| per bin) and loudness while recording, off the main thread.
// Plain JS in public/ so it loads from the app's own origin under the strict CSP.
class LevelMeter extends AudioWorkletProcessor {
  constructor(options) {
    super();
    const perSecond = (options && options.processorOptions && options.processorOptions.peaksPerSecond) || 50;
    this.binSize = Math.max(1, Math.round(sampleRate / perSecond));
    this.binMax = 0;
    this.binCount = 0;
    this.sumSquares = 0;
    this.peaks = [];
    // While MediaRecorder is paused no audio is recorded, so no peaks may be made either: they
    // would push every later peak past its audio. The recorder says so through the port.
    this.paused = false;
    this.port.onmessage = (event) => {
      const paused = Boolean(event.data && event.data.paused);
      if (paused === this.paused) return;
      this.paused = paused;
      if (paused && this.peaks.length) {
        this.port.postMessage({ peaks: Float32Array.from(this.peaks), rms: this.rms || 0 });
        this.peaks = [];
      }
      this.binMax = 0;
      this.binCount = 0;
      this.sumSquares = 0;
    };
  }

  process(inputs) {
    const channel = inputs[0] && inputs[0][0];
    if (!channel || this.paused) return true;
    for (let i = 0; i < channel.length; i++) {
      const v = channel[i];
      const a = v < 0 ? -v : v;
      if (a > this.binMax) this.binMax = a;
      this.sumSquares += v * v;
      this.binCount++;
      if (this.binCount >= this.binSize) {
        this.peaks.push(this.binMax);
        this.rms = Math.sqrt(this.sumSquares / this.binCount);
        this.binMax = 0;
        this.binCount = 0;
        this.sumSquares = 0;
        if (this.peaks.length >= 5) {
          this.port.postMessage({ peaks: Float32Array.from(this.peaks), rms: this.rms });
          this.peaks = [];
        }
      }
    }
    return true;
  }
}

registerProcessor('level-meter', LevelMeter);
