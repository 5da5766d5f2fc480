// Progress of a long command, on stderr (stdout stays the command's output:
// kg extract's JSON, a --json summary). On a terminal a bar with done/total,
// rate and time left; elsewhere (cron, CI, a log file) one line every few
// seconds per phase and one when the phase ends, never a line per document,
// so a log of 10,000 documents stays readable. --quiet shows nothing.
import cliProgress from 'cli-progress';

export interface ProgressOptions {
  /** Prefix of every line, e.g. "kg run". */
  label: string;
  quiet?: boolean;
  /** Draw a bar (default: stderr is a terminal and CI is unset). */
  tty?: boolean;
  /** Seconds between plain lines (default 5, KG_PROGRESS_SECONDS). */
  intervalSeconds?: number;
  /** Clock in ms (tests). */
  now?: () => number;
  /** Where plain lines go (default: stderr). */
  write?: (line: string) => void;
}

const fmtRate = (r: number) => (r >= 100 ? r.toFixed(0) : r >= 10 ? r.toFixed(1) : r.toFixed(2));

/** "1 h 02 min", "3 min 05 s", "42 s": time left as a person reads it. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}

export class Progress {
  private readonly label: string;
  private readonly quiet: boolean;
  private readonly tty: boolean;
  private readonly intervalMs: number;
  private readonly now: () => number;
  private readonly write: (line: string) => void;
  private bar: cliProgress.SingleBar | null = null;
  private name = '';
  private total: number | null = null;
  private done = 0;
  private failed = 0;
  private startedAt = 0;
  private lastLine = 0;
  private active = false;

  constructor(options: ProgressOptions) {
    this.label = options.label;
    this.quiet = Boolean(options.quiet);
    this.tty = options.tty ?? (Boolean(process.stderr.isTTY) && !process.env.CI);
    this.intervalMs = 1000 * (options.intervalSeconds ?? Number(process.env.KG_PROGRESS_SECONDS || 5));
    this.now = options.now ?? Date.now;
    this.write = options.write ?? ((line) => process.stderr.write(`${line}\n`));
  }

  /** A line that always shows (unless --quiet): what was read, what is skipped. */
  note(line: string): void {
    if (this.quiet) return;
    if (this.bar) this.bar.stop();
    this.bar = null;
    this.write(`${this.label}: ${line}`);
    if (this.active && this.tty) this.startBar();
  }

  /** Starts a phase ("extract", "write"); total null when not known in advance (a stream). */
  phase(name: string, total: number | null): void {
    if (this.active) this.end();
    this.name = name;
    this.total = total;
    this.done = 0;
    this.failed = 0;
    this.startedAt = this.now();
    this.lastLine = this.startedAt;
    this.active = true;
    if (!this.quiet && this.tty) this.startBar();
  }

  /** One more item of the phase done (ok false: it failed). */
  tick(ok = true): void {
    if (!this.active) return;
    this.done++;
    if (!ok) this.failed++;
    // A total counted in advance is an estimate (kg extract's JSON Lines lines): never show more done than in all.
    if (this.total !== null && this.done > this.total) this.total = this.done;
    if (this.quiet) return;
    if (this.bar) {
      if (this.total === null || this.total === this.done) this.bar.setTotal(this.done);
      this.bar.update(this.done, { rate: fmtRate(this.rate()), failed: this.failed ? `, ${this.failed} failed` : '' });
      return;
    }
    const t = this.now();
    if (t - this.lastLine >= this.intervalMs) {
      this.lastLine = t;
      this.write(`${this.label}: ${this.status()}`);
    }
  }

  /** Ends the current phase with one line saying how it went. */
  end(): void {
    if (!this.active) return;
    this.active = false;
    if (this.bar) {
      this.bar.stop();
      this.bar = null;
    }
    if (this.quiet) return;
    const seconds = (this.now() - this.startedAt) / 1000;
    this.write(
      `${this.label}: ${this.name} done: ${this.done}${this.failed ? ` (${this.failed} failed)` : ''} in ${seconds.toFixed(1)} s${this.done ? ` (${fmtRate(this.rate())}/s)` : ''}`,
    );
  }

  /** The line a log shows mid-phase: done/total, rate, time left. */
  status(): string {
    const rate = this.rate();
    const failed = this.failed ? `, ${this.failed} failed` : '';
    if (this.total === null) return `${this.name} ${this.done} done${failed} (${fmtRate(rate)}/s)`;
    const left = rate > 0 ? (this.total - this.done) / rate : Infinity;
    const pct = this.total ? Math.floor((100 * this.done) / this.total) : 100;
    return `${this.name} ${this.done}/${this.total} (${pct}%)${failed}, ${fmtRate(rate)}/s, ${formatDuration(left)} left`;
  }

  private rate(): number {
    const s = (this.now() - this.startedAt) / 1000;
    return s > 0 ? this.done / s : 0;
  }

  private startBar(): void {
    const known = this.total !== null;
    this.bar = new cliProgress.SingleBar(
      {
        format: known
          ? `${this.label} ${this.name.padEnd(8)} [{bar}] {value}/{total}{failed} {rate}/s, {eta_formatted} left`
          : `${this.label} ${this.name.padEnd(8)} {value} done{failed} {rate}/s`,
        stream: process.stderr,
        hideCursor: true,
        clearOnComplete: false,
        etaBuffer: 50,
      },
      cliProgress.Presets.shades_classic,
    );
    this.bar.start(this.total ?? this.done, this.done, { rate: fmtRate(this.rate()), failed: this.failed ? `, ${this.failed} failed` : '' });
  }
}
