import type nlp from 'compromise';
type Plugin = Parameters<typeof nlp.plugin>[0];
export declare const nlpPlugin: Plugin;
export {};
