// The registry of known entities (graph/registry/*.json plus world-countries):
// the gazetteer the recognizer matches and the canon the resolver dedupes to.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { z } from 'zod';
import { EntityType, IsoDate } from '../model/schemas.ts';
import { normalizeName } from '../resolve/normalize.ts';

export const RegistryEntry = z.object({
  id: z.string(),
  type: EntityType,
  name: z.string(),
  aliases: z.array(z.string()).default([]),
  date: IsoDate.nullish(),
  endDate: IsoDate.nullish(),
  country: z.string().nullish(),
  city: z.string().nullish(),
  follows: z.string().nullish(),
  producedBy: z.string().nullish(),
  developer: z.string().nullish(),
  /** Demonyms ("Korean") for countries: used to tie bodies to their state. */
  demonyms: z.array(z.string()).default([]),
});
export type RegistryEntry = z.infer<typeof RegistryEntry>;

const REGISTRY_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../graph/registry');

interface WorldCountry {
  name: { common: string; official: string };
  altSpellings: string[];
  capital?: string[];
  demonyms?: { eng?: { m: string; f: string } };
  independent?: boolean;
  unMember?: boolean;
  cca2: string;
}

function slug(s: string): string {
  return normalizeName(s).replace(/ /g, '-');
}

function countryEntries(extra: Record<string, string[]>): RegistryEntry[] {
  const require = createRequire(import.meta.url);
  const world = require('world-countries') as WorldCountry[];
  const out: RegistryEntry[] = [];
  for (const c of world) {
    // Territories are not sovereign states; Taiwan and Kosovo are treated as
    // countries by the news this pipeline reads.
    if (!c.independent && !c.unMember && !['TW', 'XK', 'PS'].includes(c.cca2)) continue;
    const name = c.name.common;
    // Two-letter codes ("IN", "IT") collide with ordinary words; the informal
    // names that matter come from countries.json.
    const alt = c.altSpellings.filter((a) => a.length > 3 && !a.includes(',') && /^[\p{Script=Latin}\s.'-]+$/u.test(a));
    const aliases = [...new Set([c.name.official, ...alt, ...(extra[name] ?? [])])].filter((a) => a !== name);
    const demonym = c.demonyms?.eng?.m;
    out.push({ id: `country/${slug(name)}`, type: 'Country', name, aliases, demonyms: demonym ? [demonym] : [], country: name });
    for (const capital of c.capital ?? []) {
      out.push({ id: `location/${slug(capital)}`, type: 'Location', name: capital, aliases: [], demonyms: [], country: name });
    }
  }
  return out;
}

function loadRegistry(): RegistryEntry[] {
  const entries: RegistryEntry[] = [];
  let extraCountryNames: Record<string, string[]> = {};
  for (const file of readdirSync(REGISTRY_DIR).filter((f) => f.endsWith('.json')).sort()) {
    const data = JSON.parse(readFileSync(path.join(REGISTRY_DIR, file), 'utf8')) as unknown;
    if (file === 'countries.json') {
      extraCountryNames = z.record(z.string(), z.union([z.array(z.string()), z.string()])).parse(data) as Record<string, string[]>;
      continue;
    }
    for (const raw of z.array(z.unknown()).parse(data)) entries.push(RegistryEntry.parse(raw));
  }
  const byId = new Set(entries.map((e) => e.id));
  for (const e of countryEntries(extraCountryNames)) if (!byId.has(e.id)) { entries.push(e); byId.add(e.id); }
  return entries;
}

export class Registry {
  readonly entries: RegistryEntry[];
  readonly byId: Map<string, RegistryEntry>;
  /** normalized surface form -> entries that carry it */
  readonly byForm: Map<string, RegistryEntry[]>;
  readonly countryByName: Map<string, RegistryEntry>;
  readonly countryByDemonym: Map<string, RegistryEntry>;

  constructor(entries: RegistryEntry[]) {
    this.entries = entries;
    this.byId = new Map(entries.map((e) => [e.id, e]));
    this.byForm = new Map();
    this.countryByName = new Map();
    this.countryByDemonym = new Map();
    for (const e of entries) {
      for (const f of [e.name, ...e.aliases]) {
        const k = normalizeName(f);
        const list = this.byForm.get(k) ?? [];
        if (!list.includes(e)) list.push(e);
        this.byForm.set(k, list);
      }
      if (e.type === 'Country') {
        for (const f of [e.name, ...e.aliases]) this.countryByName.set(normalizeName(f), e);
        for (const d of e.demonyms) this.countryByDemonym.set(d.toLowerCase(), e);
      }
    }
  }

  lookup(surface: string): RegistryEntry[] {
    return this.byForm.get(normalizeName(surface)) ?? [];
  }

  countryOf(entry: RegistryEntry): RegistryEntry | undefined {
    return entry.country ? this.countryByName.get(normalizeName(entry.country)) : undefined;
  }
}

let cached: Registry | undefined;
export function registry(): Registry {
  cached ??= new Registry(loadRegistry());
  return cached;
}
