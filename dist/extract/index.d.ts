import { DocumentExtraction, type CleanDocument } from '../model/schemas.ts';
export declare function extractDocument(doc: CleanDocument): DocumentExtraction;
