import { z } from 'zod';
export declare const PipelineDefinition: z.ZodObject<{
    name: z.ZodString;
    description: z.ZodOptional<z.ZodString>;
    inputs: z.ZodArray<z.ZodString>;
    concurrency: z.ZodDefault<z.ZodNumber>;
    schedule: z.ZodOptional<z.ZodString>;
    timezone: z.ZodOptional<z.ZodString>;
    mode: z.ZodDefault<z.ZodEnum<{
        full: "full";
        refresh: "refresh";
    }>>;
}, z.core.$strict>;
export type PipelineDefinition = z.infer<typeof PipelineDefinition>;
/** `pipelines/seeds`, `pipelines/seeds.json` or a path to any JSON file. */
export declare function resolvePipelinePath(ref: string): string;
export declare function loadPipeline(ref: string): PipelineDefinition;
/** The next `n` times the pipeline's schedule fires. */
export declare function nextRuns(def: PipelineDefinition, n: number, from?: Date): Date[];
