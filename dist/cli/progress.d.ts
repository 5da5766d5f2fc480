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
/** "1 h 02 min", "3 min 05 s", "42 s": time left as a person reads it. */
export declare function formatDuration(seconds: number): string;
export declare class Progress {
    private readonly label;
    private readonly quiet;
    private readonly tty;
    private readonly intervalMs;
    private readonly now;
    private readonly write;
    private bar;
    private name;
    private total;
    private done;
    private failed;
    private startedAt;
    private lastLine;
    private active;
    constructor(options: ProgressOptions);
    /** A line that always shows (unless --quiet): what was read, what is skipped. */
    note(line: string): void;
    /** Starts a phase ("extract", "write"); total null when not known in advance (a stream). */
    phase(name: string, total: number | null): void;
    /** One more item of the phase done (ok false: it failed). */
    tick(ok?: boolean): void;
    /** Ends the current phase with one line saying how it went. */
    end(): void;
    /** The line a log shows mid-phase: done/total, rate, time left. */
    status(): string;
    private rate;
    private startBar;
}
