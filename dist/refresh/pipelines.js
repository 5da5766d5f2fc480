// Declarative pipeline definitions (pipelines/*.json): what to read, how many
// documents to extract at once, when to refresh. Validated with zod; cron
// expressions are parsed by croner, never by hand.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Cron } from 'croner';
import { z } from 'zod';
function validCron(pattern) {
    try {
        new Cron(pattern, { paused: true }).stop();
        return true;
    }
    catch {
        return false;
    }
}
export const PipelineDefinition = z
    .object({
    /** Recorded on each Run node. */
    name: z
        .string()
        .min(1)
        .regex(/^[\w.-]+$/, 'letters, digits, _ . - only'),
    description: z.string().optional(),
    /** Files or directories, relative to the directory kg runs in (the checkout's root). */
    inputs: z.array(z.string().min(1)).min(1),
    /** Documents extracted at once. */
    concurrency: z.number().int().min(1).max(64).default(2),
    /** Cron expression (5 fields, or 6 with seconds) for `kg schedule`; croner syntax. */
    schedule: z.string().refine(validCron, 'not a valid cron expression').optional(),
    /** IANA time zone for the schedule; default the machine's. */
    timezone: z.string().optional(),
    /** refresh: skip unchanged documents (default); full: extract everything. */
    mode: z.enum(['refresh', 'full']).default('refresh'),
})
    .strict();
/** `pipelines/seeds`, `pipelines/seeds.json` or a path to any JSON file. */
export function resolvePipelinePath(ref) {
    for (const candidate of [ref, `${ref}.json`])
        if (existsSync(candidate))
            return path.resolve(candidate);
    throw new Error(`pipeline definition not found: ${ref} (nor ${ref}.json)`);
}
export function loadPipeline(ref) {
    const file = resolvePipelinePath(ref);
    let data;
    try {
        data = JSON.parse(readFileSync(file, 'utf8'));
    }
    catch (err) {
        throw new Error(`${file}: not valid JSON (${err.message})`);
    }
    const parsed = PipelineDefinition.safeParse(data);
    if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
        throw new Error(`${file}: invalid pipeline definition: ${issues}`);
    }
    return parsed.data;
}
/** The next `n` times the pipeline's schedule fires. */
export function nextRuns(def, n, from) {
    if (!def.schedule)
        return [];
    const cron = new Cron(def.schedule, { paused: true, timezone: def.timezone });
    try {
        return cron.nextRuns(n, from);
    }
    finally {
        cron.stop();
    }
}
//# sourceMappingURL=pipelines.js.map