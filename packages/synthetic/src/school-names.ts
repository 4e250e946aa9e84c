// Synthetic school names from place names and the usual Welsh naming patterns.
import type { Place } from './places.ts';
import type { Random } from './random.ts';

export type NameKind = 'primary-english' | 'primary-welsh' | 'secondary-english' | 'secondary-welsh' | 'middle-english' | 'middle-welsh' | 'special' | 'pru';

/** [English, Welsh]; {P}/{C} the place and {S}/{SC} a saint, in English and Welsh. */
type Template = readonly [string, string];

const same = (name: string): Template => [name, name];

// Welsh-medium schools are usually known by their Welsh name in both languages.
const TEMPLATES: Readonly<Record<NameKind, readonly Template[]>> = {
  'primary-english': [
    ['{P} Primary School', 'Ysgol Gynradd {C}'],
    ['{P} Community Primary School', 'Ysgol Gynradd Gymunedol {C}'],
    ['{P} Church in Wales Primary School', 'Ysgol Gynradd yr Eglwys yng Nghymru {C}'],
    ["St {S}'s Catholic Primary School, {P}", 'Ysgol Gynradd Gatholig Sant {SC}, {C}'],
    ['{P} Park Primary School', 'Ysgol Gynradd Parc {C}'],
  ],
  'primary-welsh': [same('Ysgol Gymraeg {C}'), same('Ysgol Gynradd Gymraeg {C}'), same('Ysgol {C}'), same('Ysgol Bro {C}'), same('Ysgol Gynradd Bro {C}')],
  'secondary-english': [
    ['{P} High School', 'Ysgol Uwchradd {C}'],
    ['{P} Comprehensive School', 'Ysgol Gyfun {C}'],
    ["St {S}'s Catholic High School, {P}", 'Ysgol Uwchradd Gatholig Sant {SC}, {C}'],
    ['{P} Community School', 'Ysgol Gymunedol {C}'],
  ],
  'secondary-welsh': [same('Ysgol Gyfun Gymraeg {C}'), same('Ysgol Uwchradd Bro {C}'), same('Ysgol Gyfun Bro {C}'), same('Ysgol Uwchradd Gymraeg {C}')],
  'middle-english': [
    ['{P} Learning Campus', 'Campws Dysgu {C}'],
    ['{P} All-through School', 'Ysgol Pob Oed {C}'],
    ['{P} Community Campus', 'Campws Cymunedol {C}'],
  ],
  'middle-welsh': [same('Ysgol Pob Oed Gymraeg {C}'), same('Campws Cymraeg {C}'), same('Ysgol Bro Pob Oed {C}')],
  special: [
    ['{P} Special School', 'Ysgol Arbennig {C}'],
    ['{P} Learning Centre', 'Canolfan Ddysgu {C}'],
    ['{P} Specialist School', 'Ysgol Arbenigol {C}'],
  ],
  pru: [
    ['{P} Pupil Referral Unit', 'Uned Cyfeirio Disgyblion {C}'],
    ['{P} Education Centre', 'Canolfan Addysg {C}'],
    ['{P} Learning Hub', 'Hwb Dysgu {C}'],
  ],
};

const SAINTS: readonly (readonly [string, string])[] = [
  ['David', 'Dewi'],
  ['Teilo', 'Teilo'],
  ['Cadoc', 'Cadog'],
  ['Illtyd', 'Illtud'],
  ['Joseph', 'Joseff'],
  ['Patrick', 'Padrig'],
  ['Francis', 'Ffransis'],
  ['Peter', 'Pedr'],
  ['Alban', 'Alban'],
  ['Michael', 'Mihangel'],
  ['Andrew', 'Andreas'],
  ['John', 'Ioan'],
];

// Used only when an authority needs more schools of one kind than places times patterns.
const QUARTERS: readonly (readonly [string, string])[] = [
  ['North', 'Gogledd'],
  ['South', 'De'],
  ['East', 'Dwyrain'],
  ['West', 'Gorllewin'],
];

export interface SchoolName {
  readonly nameEn: string;
  readonly nameCy: string;
}

/** Hands out names unique within one authority, in both languages. */
export class SchoolNamer {
  private readonly usedEn = new Set<string>();
  private readonly usedCy = new Set<string>();
  private readonly orders = new Map<NameKind, { places: readonly Place[]; next: number }>();

  constructor(
    private readonly rng: Random,
    private readonly places: readonly Place[],
  ) {}

  name(kind: NameKind): SchoolName {
    const templates = TEMPLATES[kind];
    const order = this.orderFor(kind);
    const capacity = order.places.length * templates.length;
    for (let attempt = 0; attempt < capacity * (QUARTERS.length + 1); attempt += 1) {
      const i = order.next;
      order.next += 1;
      const round = Math.floor(i / capacity);
      const basePlace = order.places[i % order.places.length];
      const template = templates[Math.floor(i / order.places.length) % templates.length];
      if (!basePlace || !template) break;
      const place = round === 0 ? basePlace : withQuarter(basePlace, QUARTERS[round - 1]);
      if (!place) break;
      const [saintEn, saintCy] = this.rng.pick(SAINTS);
      const fill = (text: string) => text.replace('{P}', place.en).replace('{C}', place.cy).replace('{S}', saintEn).replace('{SC}', saintCy);
      const nameEn = fill(template[0]);
      const nameCy = fill(template[1]);
      if (this.usedEn.has(nameEn) || this.usedCy.has(nameCy)) continue;
      this.usedEn.add(nameEn);
      this.usedCy.add(nameCy);
      return { nameEn, nameCy };
    }
    throw new RangeError(`ran out of ${kind} school names`);
  }

  private orderFor(kind: NameKind): { places: readonly Place[]; next: number } {
    let order = this.orders.get(kind);
    if (!order) {
      order = { places: this.rng.shuffled(this.places), next: 0 };
      this.orders.set(kind, order);
    }
    return order;
  }
}

function withQuarter(place: Place, quarter: readonly [string, string] | undefined): Place | undefined {
  return quarter ? { en: `${place.en} ${quarter[0]}`, cy: `${quarter[1]} ${place.cy}` } : undefined;
}
