// The words of PEP sections, in English or Welsh: short sentences from templates with a few slots.
// Welsh slot values are stored already mutated for the word before them (after "a", "am", "yn"...),
// so the sentences read correctly without a grammar engine. The child's "All about me" is in the
// first person; professionals write about the child by name.
import type { PepSection, QualityRating, TextLanguage } from './plan.ts';
import type { Random } from './random.ts';
import type { Stage } from './target-texts.ts';

export interface TextContext {
  readonly language: TextLanguage;
  readonly stage: Stage;
  /** The name the child goes by. */
  readonly name: string;
  /** The school's name in the text's language, or null when the child is on no roll. */
  readonly school: string | null;
  /** Targets of the plan before this one, and how many were met; null for a first plan. */
  readonly lastTargets: { readonly met: number; readonly total: number } | null;
}

type Pair = readonly [en: string, cy: string];

/** [English, Welsh, Welsh after "a"/"gyda" (aspirate mutation)]. */
const ACTIVITIES: readonly (readonly [string, string, string])[] = [
  ['football', 'pêl-droed', 'phêl-droed'],
  ['art', 'celf', 'chelf'],
  ['swimming', 'nofio', 'nofio'],
  ['dancing', 'dawnsio', 'dawnsio'],
  ['cooking', 'coginio', 'choginio'],
  ['rugby', 'rygbi', 'rygbi'],
  ['computer games', 'gemau cyfrifiadur', 'gemau cyfrifiadur'],
  ['music', 'cerddoriaeth', 'cherddoriaeth'],
  ['riding my bike', 'reidio fy meic', 'reidio fy meic'],
  ['drawing', 'tynnu lluniau', 'thynnu lluniau'],
  ['reading', 'darllen', 'darllen'],
  ['gymnastics', 'gymnasteg', 'gymnasteg'],
  ['fishing', 'pysgota', 'physgota'],
  ['Lego', 'Lego', 'Lego'],
];

const SUBJECTS: Readonly<Record<Stage, readonly Pair[]>> = {
  'early-years': [
    ['early language', 'iaith gynnar'],
    ['early number', 'rhifedd cynnar'],
  ],
  primary: [
    ['reading', 'darllen'],
    ['maths', 'mathemateg'],
    ['art', 'celf'],
    ['PE', 'addysg gorfforol'],
    ['science', 'gwyddoniaeth'],
    ['music', 'cerddoriaeth'],
    ['Welsh', 'Cymraeg'],
    ['writing', 'ysgrifennu'],
  ],
  secondary: [
    ['maths', 'mathemateg'],
    ['English', 'Saesneg'],
    ['science', 'gwyddoniaeth'],
    ['history', 'hanes'],
    ['drama', 'drama'],
    ['PE', 'addysg gorfforol'],
    ['design and technology', 'dylunio a thechnoleg'],
    ['Welsh', 'Cymraeg'],
    ['geography', 'daearyddiaeth'],
    ['art', 'celf'],
  ],
  'post-16': [
    ['maths', 'mathemateg'],
    ['English', 'Saesneg'],
    ['construction', 'adeiladu'],
    ['childcare', 'gofal plant'],
    ['motor vehicle studies', 'astudiaethau cerbydau modur'],
    ['public services', 'gwasanaethau cyhoeddus'],
  ],
};

/** Welsh after "Dw i eisiau" (no mutation). */
const GOALS: Readonly<Record<Stage, readonly Pair[]>> = {
  'early-years': [
    ['make friends at nursery', 'gwneud ffrindiau yn y feithrinfa'],
    ['learn my letters', 'dysgu fy llythrennau'],
    ['play outside more', 'chwarae tu allan mwy'],
  ],
  primary: [
    ['get better at reading', 'gwella fy narllen'],
    ['learn my times tables', 'dysgu fy nhablau'],
    ['make more friends', 'gwneud mwy o ffrindiau'],
    ['learn to swim', 'dysgu nofio'],
    ['stay at this school', 'aros yn yr ysgol yma'],
    ['be in the school show', "cymryd rhan yn sioe'r ysgol"],
  ],
  secondary: [
    ['get good grades in my GCSEs', 'cael graddau da yn fy arholiadau TGAU'],
    ['stay out of trouble', 'cadw allan o drwbl'],
    ['join a sports team', 'ymuno â thîm chwaraeon'],
    ['go to college', "mynd i'r coleg"],
    ['get better at maths', 'gwella fy mathemateg'],
    ['come to school every day', "dod i'r ysgol bob dydd"],
    ['make more friends', 'gwneud mwy o ffrindiau'],
  ],
  'post-16': [
    ['finish my college course', 'gorffen fy nghwrs coleg'],
    ['pass my driving theory test', 'pasio fy mhrawf theori gyrru'],
    ['get a part-time job', 'cael swydd ran-amser'],
    ['learn to cook for myself', 'dysgu coginio i fi fy hun'],
    ['go to university', "mynd i'r brifysgol"],
    ['save up for my own flat', 'cynilo ar gyfer fy fflat fy hun'],
  ],
};

/** Welsh after "am" (soft mutation). */
const WORRIES: readonly Pair[] = [
  ['moving house again', 'symud tŷ eto'],
  ['my family', 'fy nheulu'],
  ['tests', 'brofion'],
  ['making friends', 'wneud ffrindiau'],
  ['changing school', 'newid ysgol'],
  ['seeing my mum', 'weld fy mam'],
  ['getting things wrong', 'wneud camgymeriadau'],
  ['my brothers and sisters', 'fy mrodyr a chwiorydd'],
];

/** Welsh after "bod yn" (soft mutation). */
const JOBS: readonly Pair[] = [
  ['a nurse', 'nyrs'],
  ['a teacher', 'athro'],
  ['a mechanic', 'fecanic'],
  ['a police officer', 'heddwas'],
  ['a chef', 'gogydd'],
  ['a footballer', 'bêl-droediwr'],
  ['an electrician', 'drydanwr'],
  ['a vet', 'filfeddyg'],
  ['a hairdresser', 'driniwr gwallt'],
  ['a builder', 'adeiladwr'],
  ['a youth worker', 'weithiwr ieuenctid'],
];

/** Each begins "my" / "fy", so no word before it mutates it. */
const HELPERS: readonly Pair[] = [
  ['My carers', 'fy ngofalwyr'],
  ['My teacher', 'fy athro'],
  ['My social worker', 'fy ngweithiwr cymdeithasol'],
  ['My nan', 'fy nain'],
  ['My support assistant', 'fy nghynorthwyydd'],
  ['My foster mum', 'fy mam maeth'],
];

/** Two different items of a list of at least two. */
function twoOf<T>(rng: Random, items: readonly T[]): [T, T] {
  const i = rng.int(0, items.length - 1);
  const j = (i + rng.int(1, items.length - 1)) % items.length;
  return [items[i] as T, items[j] as T];
}

const lower = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
const inLanguage = (pair: Pair, language: TextLanguage) => (language === 'cy' ? pair[1] : pair[0]);

/** The child's own words for "All about me". */
export function voiceText(rng: Random, context: TextContext, onBehalf: boolean): string {
  const { language, stage } = context;
  const cy = language === 'cy';
  const [a, b] = twoOf(rng, ACTIVITIES);
  const [likedPair, hardPair] = twoOf(rng, SUBJECTS[stage]);
  const liked = inLanguage(likedPair, language);
  const hard = inLanguage(hardPair, language);
  const helper = rng.pick(HELPERS);
  const goal = inLanguage(rng.pick(GOALS[stage]), language);

  const sentences: string[] = [];
  sentences.push(
    rng.pick(
      cy
        ? [`Dw i'n hoffi ${a[1]} a ${b[2]}.`, `Fy hoff bethau ydy ${a[1]} a ${b[2]}.`, `Yn fy amser sbâr dw i'n hoffi ${a[1]}.`]
        : [`I like ${a[0]} and ${b[0]}.`, `My favourite things are ${a[0]} and ${b[0]}.`, `In my spare time I like ${a[0]}.`],
    ),
  );
  if (stage === 'early-years') {
    sentences.push(cy ? "Dw i'n hoffi chwarae yn y tywod a phaentio yn y feithrinfa." : 'I like playing in the sand and painting at nursery.');
  } else {
    sentences.push(
      rng.pick(
        cy
          ? [`Fy hoff wers ydy ${liked}.`, `Dw i'n ffeindio ${hard} yn anodd ond dw i'n trio.`, "Mae'r ysgol yn iawn. Dw i'n hoffi fy nosbarth."]
          : [`My favourite lesson is ${liked}.`, `I find ${hard} hard but I am trying.`, 'School is OK. I like my class.'],
      ),
    );
  }
  if (rng.chance(0.6)) {
    sentences.push(
      cy
        ? rng.pick([`Mae ${helper[1]} yn fy helpu i pan dw i'n sownd.`, `Dw i'n gallu siarad â ${helper[1]} os dw i'n poeni.`])
        : rng.pick([`${helper[0]} helps me when I get stuck.`, `I can talk to ${lower(helper[0])} if I am worried.`]),
    );
  } else {
    const worry = inLanguage(rng.pick(WORRIES), language);
    sentences.push(cy ? `Weithiau dw i'n poeni am ${worry}.` : `Sometimes I worry about ${worry}.`);
  }
  sentences.push(
    cy ? rng.pick([`Dw i eisiau ${goal}.`, `Eleni dw i eisiau ${goal}.`]) : rng.pick([`I want to ${goal}.`, `This year I would like to ${goal}.`]),
  );
  if ((stage === 'secondary' || stage === 'post-16') && rng.chance(0.6)) {
    const job = inLanguage(rng.pick(JOBS), language);
    sentences.push(cy ? `Pan fydda i'n hŷn dw i eisiau bod yn ${job}.` : `When I'm older I want to be ${job}.`);
  }
  if (onBehalf) sentences.push(cy ? 'Ysgrifennodd fy ngweithiwr cymdeithasol hwn gyda fi.' : 'My social worker wrote this down with me.');
  return sentences.join(' ');
}

type Template = (context: TextContext, rng: Random) => Pair;

/** Welsh "yn" before a school's name mutates most names; those beginning with a vowel are safe. */
const atSchool = (context: TextContext): Pair => {
  const school = context.school ?? '';
  const cy = /^[AEIOUWY]/.test(school) ? school : 'yr ysgol';
  return [school === '' ? 'school' : school, cy];
};
const subjectOf = (context: TextContext, rng: Random): Pair => rng.pick(SUBJECTS[context.stage]);

const SETTLING: readonly Template[] = [
  (c) => [
    `${c.name} has settled well at ${atSchool(c)[0]} and gets on with staff.`,
    `Mae ${c.name} wedi setlo'n dda yn ${atSchool(c)[1]} ac yn dod ymlaen gyda'r staff.`,
  ],
  (c) => [
    `${c.name} is still settling at ${atSchool(c)[0]} after the move and needs reassurance at the start of the day.`,
    `Mae ${c.name} yn dal i setlo yn ${atSchool(c)[1]} ar ôl y symud, ac mae angen sicrwydd ar ddechrau'r dydd.`,
  ],
  (c) => [`${c.name} enjoys school and is making friends.`, `Mae ${c.name} yn mwynhau'r ysgol ac yn gwneud ffrindiau'n dda.`],
];
const PROGRESS: readonly Template[] = [
  (c) => [`${c.name} is making good progress in most areas of learning.`, `Mae ${c.name} yn gwneud cynnydd da yn y rhan fwyaf o feysydd dysgu.`],
  (c, rng) => {
    const [en, cy] = subjectOf(c, rng);
    return [`${c.name} is making steady progress; ${en} is a strength.`, `Mae ${c.name} yn gwneud cynnydd cyson; mae ${cy} yn gryfder.`];
  },
  (c, rng) => {
    const [en, cy] = subjectOf(c, rng);
    return [
      `${c.name} is working below the expected level in ${en}, and literacy is a priority.`,
      `Mae ${c.name} yn gweithio islaw'r lefel ddisgwyliedig mewn ${cy}, ac mae llythrennedd yn flaenoriaeth.`,
    ];
  },
  () => ['Progress has slowed this term because of time out of school.', "Mae'r cynnydd wedi arafu'r tymor hwn oherwydd amser allan o'r ysgol."],
];
const CONDUCT: readonly Template[] = [
  () => ['Attendance has improved this term.', "Mae presenoldeb wedi gwella'r tymor hwn."],
  () => ['Attendance is a concern and is checked weekly.', 'Mae presenoldeb yn destun pryder ac yn cael ei fonitro bob wythnos.'],
  () => ['There have been some incidents at unstructured times, such as lunch.', 'Bu rhai digwyddiadau ar adegau anstrwythuredig, fel amser cinio.'],
  (c) => [
    `Behaviour in class is good and ${c.name} responds well to praise.`,
    `Mae ymddygiad yn y dosbarth yn dda ac mae ${c.name} yn ymateb yn dda i ganmoliaeth.`,
  ],
];
const SUPPORT: readonly Template[] = [
  (c, rng) => {
    const [en, cy] = subjectOf(c, rng);
    return [
      `Weekly one-to-one ${en} support funded by the Pupil Development Grant.`,
      `Cymorth un-i-un wythnosol mewn ${cy}, wedi'i ariannu gan y Grant Datblygu Disgyblion.`,
    ];
  },
  () => ['A quiet space is available at break and lunchtime.', 'Mae lle tawel ar gael amser egwyl ac amser cinio.'],
  () => ['Daily check-in with a trusted adult at the start of the day.', 'Sgwrs bob bore gydag oedolyn dibynadwy.'],
  () => ['Weekly ELSA sessions to help with managing feelings.', 'Sesiynau ELSA wythnosol i helpu i reoli teimladau.'],
  () => ['Access arrangements (extra time and a reader) in assessments.', 'Trefniadau mynediad (amser ychwanegol a darllenydd) mewn asesiadau.'],
  (c) => [
    `Transport is arranged so that ${c.name} can stay at the same school.`,
    `Mae trafnidiaeth wedi'i threfnu fel bod ${c.name} yn gallu aros yn yr un ysgol.`,
  ],
  () => ['Homework club three times a week.', 'Clwb gwaith cartref dair gwaith yr wythnos.'],
  () => ['Speech and language therapy targets are built into class work.', "Mae targedau therapi lleferydd ac iaith yn rhan o'r gwaith dosbarth."],
];
const ACTIONS: readonly Template[] = [
  () => ['New targets agreed for next term.', 'Cytunwyd ar dargedau newydd ar gyfer y tymor nesaf.'],
  () => ['Designated teacher to update the support plan before the next review.', "Yr athro dynodedig i ddiweddaru'r cynllun cymorth cyn yr adolygiad nesaf."],
  () => ['Social worker to share the PEP with the carers and the child.', "Y gweithiwr cymdeithasol i rannu'r CAP gyda'r gofalwyr a'r plentyn."],
  () => ['Virtual school to fund tutoring for the rest of the term.', 'Yr ysgol rithwir i ariannu tiwtora am weddill y tymor.'],
  () => ['Next review at school, with the carers present.', "Bydd yr adolygiad nesaf yn yr ysgol, gyda'r gofalwyr yn bresennol."],
];
const CARERS: readonly Template[] = [
  (c, rng) => {
    const activity = rng.pick(ACTIVITIES);
    return [
      `Carers say ${c.name} is happier at home and enjoys ${activity[0]}.`,
      `Mae'r gofalwyr yn dweud bod ${c.name} yn hapusach gartref ac yn mwynhau ${activity[1]}.`,
    ];
  },
  () => ['Carers would like more information about homework.', "Hoffai'r gofalwyr gael mwy o wybodaeth am waith cartref."],
  () => ['Carers are pleased with progress but worry about friendships.', "Mae'r gofalwyr yn falch o'r cynnydd ond yn poeni am gyfeillgarwch."],
  (c) => [
    `Carers say ${c.name} is tired after family time and can be unsettled the next morning.`,
    `Mae'r gofalwyr yn dweud bod ${c.name} yn flinedig ar ôl amser teulu ac weithiau'n anesmwyth y bore wedyn.`,
  ],
  (c) => [`${c.name} reads with the carers most evenings.`, `Mae ${c.name} yn darllen gyda'r gofalwyr y rhan fwyaf o nosweithiau.`],
  () => ['Carers feel the school keeps in touch well.', "Mae'r gofalwyr yn teimlo bod yr ysgol yn cyfathrebu'n dda â nhw."],
];
const SOCIAL_WORKER: readonly Template[] = [
  (c) => [
    `The placement is stable and ${c.name} has a good relationship with the carers.`,
    `Mae'r lleoliad yn sefydlog ac mae gan ${c.name} berthynas dda gyda'r gofalwyr.`,
  ],
  (c) => [`${c.name} sees family every fortnight and this is going well.`, `Mae ${c.name} yn gweld y teulu bob pythefnos ac mae hyn yn mynd yn dda.`],
  () => [
    'A placement move is being planned; school will stay the same if at all possible.',
    'Mae symud lleoliad yn cael ei gynllunio; bydd yr ysgol yn aros yr un fath os yn bosibl.',
  ],
  (c) => [
    `${c.name} has asked for more say in decisions, and this will be taken to the next review.`,
    `Mae ${c.name} wedi gofyn am fwy o lais mewn penderfyniadau, a bydd hyn yn cael ei drafod yn yr adolygiad nesaf.`,
  ],
  () => [
    'Education is a priority in the care plan and the carers support it well.',
    "Mae addysg yn flaenoriaeth yn y cynllun gofal ac mae'r gofalwyr yn ei chefnogi'n dda.",
  ],
  () => [
    'Life-story work has started; school will be told of anything that may be upsetting.',
    'Mae gwaith stori bywyd wedi dechrau; bydd yr ysgol yn cael gwybod am unrhyw beth a allai beri gofid.',
  ],
];

/** One sentence from each pool, joined. */
function compose(rng: Random, context: TextContext, pools: readonly (readonly Template[])[]): string {
  const cy = context.language === 'cy';
  return pools.map((pool) => rng.pick(pool)(context, rng)[cy ? 1 : 0]).join(' ');
}

/** Between `least` and `most` different templates of a pool, each as a pool of its own. */
function some(rng: Random, pool: readonly Template[], least: number, most: number): Template[][] {
  return rng
    .shuffled(pool)
    .slice(0, rng.int(least, most))
    .map((t) => [t]);
}

/** A professional's section of the plan. */
export function sectionText(rng: Random, section: Exclude<PepSection, 'all-about-me'>, context: TextContext): string {
  const cy = context.language === 'cy';
  switch (section) {
    case 'school-picture': {
      if (context.school === null) {
        return context.stage === 'post-16'
          ? cy
            ? `Mae ${context.name} yn y coleg; mae tiwtor y coleg wedi rhannu adroddiad cynnydd.`
            : `${context.name} is at college; the college tutor has shared a progress report.`
          : cy
            ? `Nid yw ${context.name} ar gofrestr ysgol ar hyn o bryd; mae'r ysgol rithwir yn trefnu lle.`
            : `${context.name} is not on a school roll at present; the virtual school is arranging a place.`;
      }
      return compose(rng, context, rng.chance(0.7) ? [SETTLING, PROGRESS, CONDUCT] : [SETTLING, PROGRESS]);
    }
    case 'support':
      return compose(rng, context, some(rng, SUPPORT, 2, 3));
    case 'review-actions': {
      const parts = [compose(rng, context, some(rng, ACTIONS, 1, 2))];
      const last = context.lastTargets;
      if (last !== null && last.total > 0) {
        parts.unshift(
          cy
            ? `Cafodd ${last.met} o'r ${last.total} targed o'r cynllun diwethaf eu cyflawni.`
            : `${last.met} of ${last.total} targets from the last plan were met.`,
        );
      }
      return parts.join(' ');
    }
    case 'carer-views':
      return compose(rng, context, some(rng, CARERS, 1, 2));
    case 'social-worker-views':
      return compose(rng, context, some(rng, SOCIAL_WORKER, 1, 2));
  }
}

const HEADLINES: Readonly<Record<QualityRating, readonly string[]>> = {
  green: [
    'Good plan: targets are specific and measurable.',
    'Clear, child-centred plan; Pupil Development Grant spending is linked to the targets.',
    'Strong plan with good evidence of progress since the last review.',
  ],
  amber: [
    'Targets need to be more specific and time-limited.',
    'Reasonable plan, but attendance and the use of the grant need more detail.',
    'Support is described well, but progress since the last review is not clear.',
  ],
  red: [
    'Targets are not measurable and there is no clear plan for attendance.',
    'The school picture and support sections need rewriting before the plan can be agreed.',
    "Too little detail on how the child's needs will be met; please revise within 10 school days.",
  ],
};

/** The education lead's comment on a plan, fitting the rating and whether the child's voice is in it. */
export function ratingComment(rng: Random, rating: QualityRating, hasVoice: boolean): string {
  const headline = rng.pick(HEADLINES[rating]);
  if (!hasVoice) return `${headline} The child's own views are missing: record them before the next review.`;
  if (rating === 'green' && rng.chance(0.5)) return `${headline} The child's voice comes through well.`;
  return headline;
}
