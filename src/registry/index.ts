// The registry of known entities (graph/registry/*.json plus world-countries):
// the gazetteer the recognizer matches and the canon the resolver dedupes to.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import nlp from 'compromise';
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
  /** A place whose name is also a surname or a word ("Livingstone", "Riverside"): a place only where the text puts it as one. */
  needsPlaceContext: z.boolean().optional(),
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

function countryCodes(): Map<string, string> {
  const require = createRequire(import.meta.url);
  return new Map((require('world-countries') as WorldCountry[]).map((c) => [c.cca2, c.name.common]));
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

interface CityRecord {
  city: string;
  city_ascii: string;
  pop: number;
  iso2: string;
}

/** Lexicon tags that make a word a place rather than an ordinary word or a person's name. */
const PLACE_TAGS = /^(?:City|Place|Region|Country|Town)$/;

/** compromise's lexicon: word (lower case) -> its tags. */
function compromiseLexicon(): Record<string, string | string[]> {
  return (nlp as unknown as { model(): { one: { lexicon: Record<string, string | string[]> } } }).model().one.lexicon;
}

/**
 * Cities of 100,000 people or more (Natural Earth's populated places, as the
 * `city-timezones` package ships them): summits, signings and offices happen
 * in them, and no hand-kept list reaches Trento or Kigali. A city whose name
 * is also an English word or a person's name in compromise's lexicon
 * ("Reading", "Mobile", "Victoria") is left out: as a place it needs context
 * a gazetteer does not have.
 */
function cityEntries(countryByCode: Map<string, string>): RegistryEntry[] {
  const require = createRequire(import.meta.url);
  const cities = (require('city-timezones') as { cityMapping: CityRecord[] }).cityMapping;
  const lexicon = compromiseLexicon();
  // The largest city of a name keeps it ("Santiago" is Chile's).
  const largest = new Map<string, { city: CityRecord; country: string }>();
  for (const c of cities) {
    const country = countryByCode.get(c.iso2);
    if (!country || c.pop < 100_000 || !/^[\p{Lu}]/u.test(c.city)) continue;
    const tags = lexicon[c.city.toLowerCase()];
    if (tags !== undefined && ![tags].flat().some((t) => PLACE_TAGS.test(t))) continue;
    const id = `location/${slug(c.city)}`;
    if ((largest.get(id)?.city.pop ?? -1) < c.pop) largest.set(id, { city: c, country });
  }
  return [...largest].map(([id, { city: c, country }]) => ({
    id,
    type: 'Location',
    name: c.city,
    aliases: c.city_ascii && c.city_ascii !== c.city ? [c.city_ascii] : [],
    demonyms: [],
    country,
    // Cities of less than a million are taken as places only in a place's context ("in Trento", "Trento, Italy").
    ...(c.pop < 1_000_000 ? { needsPlaceContext: true } : {}),
  }));
}

/**
 * States, provinces and regions (California, Ontario, Bavaria, Tamil Nadu) from compromise's lexicon, where laws and
 * offices are made as often as in countries. Only words the lexicon knows as nothing but a region.
 */
function regionEntries(): RegistryEntry[] {
  const lexicon = compromiseLexicon();
  const out: RegistryEntry[] = [];
  for (const [word, tags] of Object.entries(lexicon)) {
    if (word.length < 4 || ![tags].flat().every((t) => t === 'Region' || t === 'ProperNoun')) continue;
    const name = word
      .replace(/\b\p{L}/gu, (c) => c.toUpperCase())
      .replace(/\b(And|Of)\b/g, (w) => w.toLowerCase())
      .replace(/\bDc$/, 'DC');
    out.push({ id: `location/${slug(name)}`, type: 'Location', name, aliases: [], demonyms: [] });
  }
  return out;
}

function loadRegistry(): RegistryEntry[] {
  const entries: RegistryEntry[] = [];
  let extraCountryNames: Record<string, string[]> = {};
  for (const file of readdirSync(REGISTRY_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const data = JSON.parse(readFileSync(path.join(REGISTRY_DIR, file), 'utf8')) as unknown;
    if (file === 'countries.json') {
      extraCountryNames = z.record(z.string(), z.union([z.array(z.string()), z.string()])).parse(data) as Record<string, string[]>;
      continue;
    }
    for (const raw of z.array(z.unknown()).parse(data)) entries.push(RegistryEntry.parse(raw));
  }
  const byId = new Set(entries.map((e) => e.id));
  const countries = countryEntries(extraCountryNames);
  for (const e of countries)
    if (!byId.has(e.id)) {
      entries.push(e);
      byId.add(e.id);
    }
  // A city never shadows a name the registry already has (a country, a company, a capital).
  const forms = new Set(entries.flatMap((e) => [e.name, ...e.aliases].map(normalizeName)));
  for (const e of [...cityEntries(countryCodes()), ...regionEntries()]) {
    if (byId.has(e.id) || forms.has(normalizeName(e.name))) continue;
    entries.push(e);
    byId.add(e.id);
  }
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
