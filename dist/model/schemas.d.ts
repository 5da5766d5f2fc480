import { z } from 'zod';
export declare const ENTITY_TYPES: readonly ["Institute", "Company", "GovernmentBody", "Organization", "Country", "Location", "Person", "Summit", "Agreement", "Policy", "AIModel"];
export declare const EntityType: z.ZodEnum<{
    Institute: "Institute";
    Company: "Company";
    GovernmentBody: "GovernmentBody";
    Organization: "Organization";
    Country: "Country";
    Location: "Location";
    Person: "Person";
    Summit: "Summit";
    Agreement: "Agreement";
    Policy: "Policy";
    AIModel: "AIModel";
}>;
export type EntityType = z.infer<typeof EntityType>;
export declare const RELATION_TYPES: readonly ["SIGNED", "PARTNERED_WITH", "HELD_IN", "HOSTED_BY", "ATTENDED", "PRODUCED", "FOLLOWS", "BUILDS_ON", "ESTABLISHED", "PART_OF", "MEMBER_OF", "BASED_IN", "WORKS_FOR", "EVALUATED", "DEVELOPED", "PUBLISHED"];
export declare const RelationType: z.ZodEnum<{
    SIGNED: "SIGNED";
    PARTNERED_WITH: "PARTNERED_WITH";
    HELD_IN: "HELD_IN";
    HOSTED_BY: "HOSTED_BY";
    ATTENDED: "ATTENDED";
    PRODUCED: "PRODUCED";
    FOLLOWS: "FOLLOWS";
    BUILDS_ON: "BUILDS_ON";
    ESTABLISHED: "ESTABLISHED";
    PART_OF: "PART_OF";
    MEMBER_OF: "MEMBER_OF";
    BASED_IN: "BASED_IN";
    WORKS_FOR: "WORKS_FOR";
    EVALUATED: "EVALUATED";
    DEVELOPED: "DEVELOPED";
    PUBLISHED: "PUBLISHED";
}>;
export type RelationType = z.infer<typeof RelationType>;
/** ISO 8601 at the precision the text gives: 2024, 2024-05, 2024-05-21. */
export declare const IsoDate: z.ZodString;
/** A document as an input reader delivers it, before any cleaning. */
export declare const RawDocument: z.ZodObject<{
    id: z.ZodString;
    source: z.ZodString;
    format: z.ZodEnum<{
        html: "html";
        text: "text";
        markdown: "markdown";
    }>;
    body: z.ZodString;
    url: z.ZodOptional<z.ZodNullable<z.ZodString>>;
    title: z.ZodOptional<z.ZodNullable<z.ZodString>>;
    publishedAt: z.ZodOptional<z.ZodNullable<z.ZodString>>;
    fetchedAt: z.ZodOptional<z.ZodNullable<z.ZodString>>;
    warnings: z.ZodOptional<z.ZodArray<z.ZodString>>;
}, z.core.$strip>;
export type RawDocument = z.infer<typeof RawDocument>;
/** A run of cleaned text and where it came from in the source body. */
export declare const SourceSpan: z.ZodObject<{
    start: z.ZodNumber;
    end: z.ZodNumber;
    sourceStart: z.ZodNumber;
}, z.core.$strip>;
export declare const CleanDocument: z.ZodObject<{
    id: z.ZodString;
    source: z.ZodString;
    url: z.ZodNullable<z.ZodString>;
    title: z.ZodNullable<z.ZodString>;
    publishedAt: z.ZodNullable<z.ZodString>;
    author: z.ZodNullable<z.ZodString>;
    lang: z.ZodNullable<z.ZodString>;
    text: z.ZodString;
    contentHash: z.ZodString;
    sourceMap: z.ZodArray<z.ZodObject<{
        start: z.ZodNumber;
        end: z.ZodNumber;
        sourceStart: z.ZodNumber;
    }, z.core.$strip>>;
    warnings: z.ZodArray<z.ZodString>;
}, z.core.$strip>;
export type CleanDocument = z.infer<typeof CleanDocument>;
/** One occurrence of an entity in one document's cleaned text. */
export declare const Mention: z.ZodObject<{
    text: z.ZodString;
    start: z.ZodNumber;
    end: z.ZodNumber;
}, z.core.$strip>;
export type Mention = z.infer<typeof Mention>;
/** An entity as one document knows it, before cross-document resolution. */
export declare const LocalEntity: z.ZodObject<{
    key: z.ZodString;
    type: z.ZodEnum<{
        Institute: "Institute";
        Company: "Company";
        GovernmentBody: "GovernmentBody";
        Organization: "Organization";
        Country: "Country";
        Location: "Location";
        Person: "Person";
        Summit: "Summit";
        Agreement: "Agreement";
        Policy: "Policy";
        AIModel: "AIModel";
    }>;
    name: z.ZodString;
    aliases: z.ZodArray<z.ZodString>;
    date: z.ZodNullable<z.ZodString>;
    registryId: z.ZodNullable<z.ZodString>;
    mentions: z.ZodArray<z.ZodObject<{
        text: z.ZodString;
        start: z.ZodNumber;
        end: z.ZodNumber;
    }, z.core.$strip>>;
}, z.core.$strip>;
export type LocalEntity = z.infer<typeof LocalEntity>;
export declare const Evidence: z.ZodObject<{
    doc: z.ZodString;
    sentence: z.ZodString;
    start: z.ZodNumber;
    end: z.ZodNumber;
    confidence: z.ZodNumber;
}, z.core.$strip>;
export type Evidence = z.infer<typeof Evidence>;
export declare const LocalRelation: z.ZodObject<{
    type: z.ZodEnum<{
        SIGNED: "SIGNED";
        PARTNERED_WITH: "PARTNERED_WITH";
        HELD_IN: "HELD_IN";
        HOSTED_BY: "HOSTED_BY";
        ATTENDED: "ATTENDED";
        PRODUCED: "PRODUCED";
        FOLLOWS: "FOLLOWS";
        BUILDS_ON: "BUILDS_ON";
        ESTABLISHED: "ESTABLISHED";
        PART_OF: "PART_OF";
        MEMBER_OF: "MEMBER_OF";
        BASED_IN: "BASED_IN";
        WORKS_FOR: "WORKS_FOR";
        EVALUATED: "EVALUATED";
        DEVELOPED: "DEVELOPED";
        PUBLISHED: "PUBLISHED";
    }>;
    source: z.ZodString;
    target: z.ZodString;
    date: z.ZodNullable<z.ZodString>;
    role: z.ZodNullable<z.ZodString>;
    evidence: z.ZodObject<{
        doc: z.ZodString;
        sentence: z.ZodString;
        start: z.ZodNumber;
        end: z.ZodNumber;
        confidence: z.ZodNumber;
    }, z.core.$strip>;
}, z.core.$strip>;
export type LocalRelation = z.infer<typeof LocalRelation>;
/** What extraction makes of one cleaned document. */
export declare const DocumentExtraction: z.ZodObject<{
    document: z.ZodObject<{
        id: z.ZodString;
        source: z.ZodString;
        url: z.ZodNullable<z.ZodString>;
        title: z.ZodNullable<z.ZodString>;
        publishedAt: z.ZodNullable<z.ZodString>;
        author: z.ZodNullable<z.ZodString>;
        lang: z.ZodNullable<z.ZodString>;
        text: z.ZodString;
        contentHash: z.ZodString;
        sourceMap: z.ZodArray<z.ZodObject<{
            start: z.ZodNumber;
            end: z.ZodNumber;
            sourceStart: z.ZodNumber;
        }, z.core.$strip>>;
        warnings: z.ZodArray<z.ZodString>;
    }, z.core.$strip>;
    entities: z.ZodArray<z.ZodObject<{
        key: z.ZodString;
        type: z.ZodEnum<{
            Institute: "Institute";
            Company: "Company";
            GovernmentBody: "GovernmentBody";
            Organization: "Organization";
            Country: "Country";
            Location: "Location";
            Person: "Person";
            Summit: "Summit";
            Agreement: "Agreement";
            Policy: "Policy";
            AIModel: "AIModel";
        }>;
        name: z.ZodString;
        aliases: z.ZodArray<z.ZodString>;
        date: z.ZodNullable<z.ZodString>;
        registryId: z.ZodNullable<z.ZodString>;
        mentions: z.ZodArray<z.ZodObject<{
            text: z.ZodString;
            start: z.ZodNumber;
            end: z.ZodNumber;
        }, z.core.$strip>>;
    }, z.core.$strip>>;
    relations: z.ZodArray<z.ZodObject<{
        type: z.ZodEnum<{
            SIGNED: "SIGNED";
            PARTNERED_WITH: "PARTNERED_WITH";
            HELD_IN: "HELD_IN";
            HOSTED_BY: "HOSTED_BY";
            ATTENDED: "ATTENDED";
            PRODUCED: "PRODUCED";
            FOLLOWS: "FOLLOWS";
            BUILDS_ON: "BUILDS_ON";
            ESTABLISHED: "ESTABLISHED";
            PART_OF: "PART_OF";
            MEMBER_OF: "MEMBER_OF";
            BASED_IN: "BASED_IN";
            WORKS_FOR: "WORKS_FOR";
            EVALUATED: "EVALUATED";
            DEVELOPED: "DEVELOPED";
            PUBLISHED: "PUBLISHED";
        }>;
        source: z.ZodString;
        target: z.ZodString;
        date: z.ZodNullable<z.ZodString>;
        role: z.ZodNullable<z.ZodString>;
        evidence: z.ZodObject<{
            doc: z.ZodString;
            sentence: z.ZodString;
            start: z.ZodNumber;
            end: z.ZodNumber;
            confidence: z.ZodNumber;
        }, z.core.$strip>;
    }, z.core.$strip>>;
}, z.core.$strip>;
export type DocumentExtraction = z.infer<typeof DocumentExtraction>;
export declare const ExportDocument: z.ZodObject<{
    id: z.ZodString;
    source: z.ZodString;
    url: z.ZodNullable<z.ZodString>;
    title: z.ZodNullable<z.ZodString>;
    publishedAt: z.ZodNullable<z.ZodString>;
    contentHash: z.ZodString;
    warnings: z.ZodOptional<z.ZodArray<z.ZodString>>;
}, z.core.$strip>;
export type ExportDocument = z.infer<typeof ExportDocument>;
export declare const GraphEntity: z.ZodObject<{
    id: z.ZodString;
    type: z.ZodEnum<{
        Institute: "Institute";
        Company: "Company";
        GovernmentBody: "GovernmentBody";
        Organization: "Organization";
        Country: "Country";
        Location: "Location";
        Person: "Person";
        Summit: "Summit";
        Agreement: "Agreement";
        Policy: "Policy";
        AIModel: "AIModel";
    }>;
    name: z.ZodString;
    aliases: z.ZodArray<z.ZodString>;
    date: z.ZodNullable<z.ZodString>;
    mentions: z.ZodArray<z.ZodObject<{
        doc: z.ZodString;
        start: z.ZodNumber;
        end: z.ZodNumber;
    }, z.core.$strip>>;
}, z.core.$strip>;
export type GraphEntity = z.infer<typeof GraphEntity>;
export declare const GraphRelation: z.ZodObject<{
    type: z.ZodEnum<{
        SIGNED: "SIGNED";
        PARTNERED_WITH: "PARTNERED_WITH";
        HELD_IN: "HELD_IN";
        HOSTED_BY: "HOSTED_BY";
        ATTENDED: "ATTENDED";
        PRODUCED: "PRODUCED";
        FOLLOWS: "FOLLOWS";
        BUILDS_ON: "BUILDS_ON";
        ESTABLISHED: "ESTABLISHED";
        PART_OF: "PART_OF";
        MEMBER_OF: "MEMBER_OF";
        BASED_IN: "BASED_IN";
        WORKS_FOR: "WORKS_FOR";
        EVALUATED: "EVALUATED";
        DEVELOPED: "DEVELOPED";
        PUBLISHED: "PUBLISHED";
    }>;
    source: z.ZodString;
    target: z.ZodString;
    date: z.ZodNullable<z.ZodString>;
    role: z.ZodNullable<z.ZodString>;
    confidence: z.ZodNumber;
    evidence: z.ZodArray<z.ZodObject<{
        doc: z.ZodString;
        sentence: z.ZodString;
        start: z.ZodNumber;
        end: z.ZodNumber;
        confidence: z.ZodNumber;
    }, z.core.$strip>>;
}, z.core.$strip>;
export type GraphRelation = z.infer<typeof GraphRelation>;
export declare const Graph: z.ZodObject<{
    documents: z.ZodArray<z.ZodObject<{
        id: z.ZodString;
        source: z.ZodString;
        url: z.ZodNullable<z.ZodString>;
        title: z.ZodNullable<z.ZodString>;
        publishedAt: z.ZodNullable<z.ZodString>;
        contentHash: z.ZodString;
        warnings: z.ZodOptional<z.ZodArray<z.ZodString>>;
    }, z.core.$strip>>;
    entities: z.ZodArray<z.ZodObject<{
        id: z.ZodString;
        type: z.ZodEnum<{
            Institute: "Institute";
            Company: "Company";
            GovernmentBody: "GovernmentBody";
            Organization: "Organization";
            Country: "Country";
            Location: "Location";
            Person: "Person";
            Summit: "Summit";
            Agreement: "Agreement";
            Policy: "Policy";
            AIModel: "AIModel";
        }>;
        name: z.ZodString;
        aliases: z.ZodArray<z.ZodString>;
        date: z.ZodNullable<z.ZodString>;
        mentions: z.ZodArray<z.ZodObject<{
            doc: z.ZodString;
            start: z.ZodNumber;
            end: z.ZodNumber;
        }, z.core.$strip>>;
    }, z.core.$strip>>;
    relations: z.ZodArray<z.ZodObject<{
        type: z.ZodEnum<{
            SIGNED: "SIGNED";
            PARTNERED_WITH: "PARTNERED_WITH";
            HELD_IN: "HELD_IN";
            HOSTED_BY: "HOSTED_BY";
            ATTENDED: "ATTENDED";
            PRODUCED: "PRODUCED";
            FOLLOWS: "FOLLOWS";
            BUILDS_ON: "BUILDS_ON";
            ESTABLISHED: "ESTABLISHED";
            PART_OF: "PART_OF";
            MEMBER_OF: "MEMBER_OF";
            BASED_IN: "BASED_IN";
            WORKS_FOR: "WORKS_FOR";
            EVALUATED: "EVALUATED";
            DEVELOPED: "DEVELOPED";
            PUBLISHED: "PUBLISHED";
        }>;
        source: z.ZodString;
        target: z.ZodString;
        date: z.ZodNullable<z.ZodString>;
        role: z.ZodNullable<z.ZodString>;
        confidence: z.ZodNumber;
        evidence: z.ZodArray<z.ZodObject<{
            doc: z.ZodString;
            sentence: z.ZodString;
            start: z.ZodNumber;
            end: z.ZodNumber;
            confidence: z.ZodNumber;
        }, z.core.$strip>>;
    }, z.core.$strip>>;
}, z.core.$strip>;
export type Graph = z.infer<typeof Graph>;
