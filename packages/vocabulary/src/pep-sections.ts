// What a Personal Education Plan (Cynllun Addysg Personol) asks in each of its sections: one sentence,
// addressed to whoever writes the section (the child for "All about me", otherwise the carer or the
// professional). The section titles are the PepSectionKind labels.
import { ENUM_LABELS, type Bilingual, type PepSectionKind } from './labels.ts';

/** The order a plan presents its sections in. */
export const PEP_SECTIONS: readonly PepSectionKind[] = ['ALL_ABOUT_ME', 'SCHOOL_PICTURE', 'SUPPORT', 'CARER_VIEWS', 'SOCIAL_WORKER_VIEWS', 'REVIEW_ACTIONS'];

export const PEP_SECTION_PROMPTS: Readonly<Record<PepSectionKind, Bilingual>> = {
  ALL_ABOUT_ME: {
    en: 'What do you want the people who help you at school to know about you?',
    cy: "Beth wyt ti eisiau i'r bobl sy'n dy helpu yn yr ysgol ei wybod amdanat ti?",
  },
  SCHOOL_PICTURE: {
    en: "What are the child's strengths in learning, what progress have they made, and what is getting in the way?",
    cy: "Beth yw cryfderau'r plentyn wrth ddysgu, pa gynnydd a wnaed, a beth sy'n rhwystro cynnydd?",
  },
  SUPPORT: {
    en: 'What support will the child get, from whom, and how will it help them reach their targets?',
    cy: 'Pa gymorth fydd y plentyn yn ei gael, gan bwy, a sut bydd yn helpu i gyrraedd y targedau?',
  },
  CARER_VIEWS: {
    en: 'How is the child getting on with learning at home, and what would help them most at school?',
    cy: "Sut mae'r plentyn yn dod ymlaen â dysgu gartref, a beth fyddai'n ei helpu fwyaf yn yr ysgol?",
  },
  SOCIAL_WORKER_VIEWS: {
    en: "What should the school know about the child's care plan and circumstances to support their education?",
    cy: "Beth ddylai'r ysgol ei wybod am gynllun gofal ac amgylchiadau'r plentyn er mwyn cefnogi ei addysg?",
  },
  REVIEW_ACTIONS: {
    en: 'What was agreed at the review meeting, who will do each action, and by when?',
    cy: 'Beth a gytunwyd yn y cyfarfod adolygu, pwy fydd yn gwneud pob cam, ac erbyn pryd?',
  },
};

export interface PepSectionTexts {
  readonly title: Bilingual;
  readonly prompt: Bilingual;
}

export const PEP_SECTION_TEXTS: Readonly<Record<PepSectionKind, PepSectionTexts>> = Object.fromEntries(
  PEP_SECTIONS.map((section) => [section, { title: ENUM_LABELS.PepSectionKind[section], prompt: PEP_SECTION_PROMPTS[section] }]),
) as Record<PepSectionKind, PepSectionTexts>;
