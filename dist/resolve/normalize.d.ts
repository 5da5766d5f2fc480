export declare function normalizeName(s: string): string;
