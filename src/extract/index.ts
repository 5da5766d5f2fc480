// Extraction: a cleaned document in, its entities and relations out. Pure.
import { DocumentExtraction, type CleanDocument } from '../model/schemas.ts';

export function extractDocument(doc: CleanDocument): DocumentExtraction {
  return DocumentExtraction.parse({ document: doc, entities: [], relations: [] });
}
