import { z } from 'zod';
export declare const RegistryEntry: z.ZodObject<{
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
    aliases: z.ZodDefault<z.ZodArray<z.ZodString>>;
    date: z.ZodOptional<z.ZodNullable<z.ZodString>>;
    endDate: z.ZodOptional<z.ZodNullable<z.ZodString>>;
    country: z.ZodOptional<z.ZodNullable<z.ZodString>>;
    city: z.ZodOptional<z.ZodNullable<z.ZodString>>;
    follows: z.ZodOptional<z.ZodNullable<z.ZodString>>;
    producedBy: z.ZodOptional<z.ZodNullable<z.ZodString>>;
    developer: z.ZodOptional<z.ZodNullable<z.ZodString>>;
    demonyms: z.ZodDefault<z.ZodArray<z.ZodString>>;
}, z.core.$strip>;
export type RegistryEntry = z.infer<typeof RegistryEntry>;
export declare class Registry {
    readonly entries: RegistryEntry[];
    readonly byId: Map<string, RegistryEntry>;
    /** normalized surface form -> entries that carry it */
    readonly byForm: Map<string, RegistryEntry[]>;
    readonly countryByName: Map<string, RegistryEntry>;
    readonly countryByDemonym: Map<string, RegistryEntry>;
    constructor(entries: RegistryEntry[]);
    lookup(surface: string): RegistryEntry[];
    countryOf(entry: RegistryEntry): RegistryEntry | undefined;
}
export declare function registry(): Registry;
