export declare const GUIDE_DIR: string;
export declare const STYLE_FILE: string;
export declare const DEFAULT_GUIDE_PORT = 7480;
export declare function guidePort(env?: NodeJS.ProcessEnv): number;
export declare const escapeHtml: (s: string) => string;
/** The HTML that {{query:NAME}} stands for. */
export declare function queryBlock(name: string): string;
export interface GuideUrls {
    base: string;
    guide: string;
    style: string;
}
export declare function guideUrls(port: number): GuideUrls;
/** A guide page with its placeholders filled in. */
export declare function renderGuide(file: string, urls: GuideUrls): string;
export interface GuideServer {
    port: number;
    urls: GuideUrls;
    close(): Promise<void>;
}
export declare function startGuideServer(port?: number): Promise<GuideServer>;
