// Realistic PEP target wording by stage, each with the role that usually owns it.
import { TARGET_OWNER_ROLES } from '@wales-lac/db';
import type { OwnerRole } from './plan.ts';

export type Stage = 'early-years' | 'primary' | 'secondary' | 'post-16';

export const OWNER_ROLES: readonly OwnerRole[] = TARGET_OWNER_ROLES;

type Texts = readonly (readonly [string, OwnerRole])[];

const ANY_STAGE: Texts = [
  ['Share their views at every PEP meeting', 'learner'],
  ["Carer to attend every parents' evening and share the report with the social worker", 'carer'],
  ['Agree how the Pupil Development Grant is spent with the school each term', 'virtual-school-head'],
];

export const TARGET_TEXTS: Readonly<Record<Stage, Texts>> = {
  'early-years': [
    ['Settle into nursery with a named key worker', 'designated-teacher'],
    ['Share a picture book with a carer every evening', 'carer'],
    ['Join in with group songs and rhymes at least three times a week', 'designated-teacher'],
    ['Use simple Welsh greetings with staff and friends', 'designated-teacher'],
    ['Attend every session of the funded early years place', 'carer'],
    ['Complete a speech and language assessment this term', 'social-worker'],
    ['Practise counting to ten during everyday routines', 'carer'],
    ['Build friendships through supported play at break times', 'designated-teacher'],
    ...ANY_STAGE,
  ],
  primary: [
    ['Read with a trusted adult three times a week', 'carer'],
    ['Learn number bonds to 20 through daily practice', 'designated-teacher'],
    ['Join an after-school club of their choice', 'learner'],
    ['Attend at least 95% of sessions this term', 'carer'],
    ['Use the calm corner to manage strong feelings, with adult support', 'designated-teacher'],
    ['Take part in weekly emotional literacy (ELSA) sessions', 'designated-teacher'],
    ['Practise spellings at home twice a week', 'carer'],
    ['Meet the designated teacher every half term to talk about how school is going', 'learner'],
    ['Improve handwriting in a weekly fine-motor group', 'designated-teacher'],
    ['Receive one-to-one maths support funded by the Pupil Development Grant', 'virtual-school-head'],
    ['Make extra transition visits before moving up to secondary school', 'designated-teacher'],
    ['Borrow a library book each week and talk about it at home', 'learner'],
    ['Keep the same school through the placement move, with transport arranged', 'social-worker'],
    ...ANY_STAGE,
  ],
  secondary: [
    ['Attend at least 95% of sessions this term', 'learner'],
    ['Hand in GCSE English Language coursework on time', 'learner'],
    ['Attend weekly maths tutoring funded by the Pupil Development Grant', 'virtual-school-head'],
    ['Meet a careers adviser to plan post-16 options', 'designated-teacher'],
    ['Keep a homework planner and go through it weekly with a carer', 'carer'],
    ['Have no fixed-term exclusions this term', 'learner'],
    ['Join a sports or music activity outside school', 'learner'],
    ['See the school counsellor fortnightly', 'designated-teacher'],
    ['Sit mock examinations with the agreed access arrangements', 'designated-teacher'],
    ['Arrange reliable transport to school after the placement move', 'social-worker'],
    ['Raise reading age through a daily reading intervention', 'designated-teacher'],
    ['Attend a taster day at the local further education college', 'learner'],
    ['Start the bronze Duke of Edinburgh award', 'learner'],
    ...ANY_STAGE,
  ],
  'post-16': [
    ['Apply to college for a Level 3 course', 'learner'],
    ['Complete the Skills Challenge Certificate', 'learner'],
    ['Open a bank account and manage the education bursary', 'social-worker'],
    ['Attend at least 90% of timetabled sessions', 'learner'],
    ['Meet the personal adviser to plan for leaving care', 'social-worker'],
    ['Find a work-experience placement linked to career interests', 'designated-teacher'],
    ['Revise for the driving theory test with support from carers', 'carer'],
    ['Agree an education goal for the pathway plan with Careers Wales', 'social-worker'],
    ...ANY_STAGE,
  ],
};

export function stageFor(schoolYearAge: number): Stage {
  if (schoolYearAge <= 4) return 'early-years';
  if (schoolYearAge <= 10) return 'primary';
  if (schoolYearAge <= 15) return 'secondary';
  return 'post-16';
}
