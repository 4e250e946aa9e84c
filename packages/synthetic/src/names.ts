// Common given and family names, combined at random so no record describes a real person.

export const BOYS_NAMES: readonly string[] = [
  'Oliver', 'Jack', 'Harry', 'Noah', 'Charlie', 'Leo', 'George', 'Freddie', 'Alfie', 'Theo',
  'Jacob', 'Oscar', 'Arthur', 'Thomas', 'Ethan', 'Mason', 'Riley', 'Logan', 'Lewis', 'Callum',
  'Kai', 'Finley', 'Joshua', 'Daniel', 'Tyler', 'Jayden', 'Liam', 'Harrison', 'Samuel', 'William',
];
export const GIRLS_NAMES: readonly string[] = [
  'Olivia', 'Amelia', 'Isla', 'Ava', 'Mia', 'Ivy', 'Lily', 'Freya', 'Grace', 'Sophie',
  'Ella', 'Evie', 'Poppy', 'Ruby', 'Megan', 'Erin', 'Hannah', 'Chloe', 'Isabelle', 'Lucy',
  'Willow', 'Harper', 'Jessica', 'Amber', 'Scarlett', 'Emily', 'Charlotte', 'Molly', 'Elizabeth', 'Millie',
];
export const WELSH_BOYS_NAMES: readonly string[] = [
  'Dylan', 'Rhys', 'Osian', 'Ioan', 'Gruffudd', 'Cai', 'Tomos', 'Harri', 'Evan', 'Owen',
  'Aled', 'Macsen', 'Elis', 'Iwan', 'Jac', 'Morgan', 'Gethin', 'Steffan', 'Dafydd', 'Llŷr',
];
export const WELSH_GIRLS_NAMES: readonly string[] = [
  'Seren', 'Cadi', 'Mali', 'Ffion', 'Lowri', 'Nia', 'Elin', 'Alys', 'Eira', 'Efa',
  'Gwen', 'Carys', 'Cerys', 'Bethan', 'Anwen', 'Manon', 'Tegan', 'Gwenllian', 'Non', 'Megan',
];
/** For children whose gender is 'other' or not recorded. */
export const NEUTRAL_NAMES: readonly string[] = [
  'Alex', 'Sam', 'Charlie', 'Rory', 'Jordan', 'Riley', 'Jamie', 'Robin', 'Eli', 'Morgan', 'Sasha', 'Ellis',
];

export const FAMILY_NAMES: readonly string[] = [
  'Jones', 'Williams', 'Davies', 'Evans', 'Thomas', 'Roberts', 'Hughes', 'Lewis', 'Morgan', 'Griffiths',
  'Edwards', 'Owen', 'Price', 'Rees', 'Jenkins', 'James', 'Phillips', 'Powell', 'Lloyd', 'Parry',
  'Morris', 'Watkins', 'Pritchard', 'Bevan', 'Pugh', 'Howells', 'Vaughan', 'Ellis', 'Richards', 'Harris',
  'Smith', 'Taylor', 'Brown', 'Wilson', 'Walker', 'Wright', 'Johnson', 'Clarke', 'Turner', 'Baker',
  'Hall', 'Green', 'Wood', 'King', 'Hill', 'Cooper', 'Ward', 'Moore', 'Young', 'Allen',
  'Bennett', 'Mitchell', 'Kelly', 'Murphy', 'Khan', 'Ali', 'Nowak', 'Ahmed', 'Campbell', 'Stevens',
];

/** Shortened forms a child may prefer to be called. */
export const SHORT_FORMS: Readonly<Record<string, string>> = {
  Oliver: 'Ollie', Jack: 'Jackie', Harry: 'Haz', Charlie: 'Chaz', Freddie: 'Fred', Theo: 'Teddy',
  Jacob: 'Jake', Thomas: 'Tom', Joshua: 'Josh', Daniel: 'Dan', Samuel: 'Sam', William: 'Will',
  Harrison: 'Harris', Olivia: 'Liv', Amelia: 'Millie', Isabelle: 'Izzy', Elizabeth: 'Beth', Jessica: 'Jess',
  Charlotte: 'Lottie', Scarlett: 'Scarlet', Gruffudd: 'Gruff', Dafydd: 'Dai', Steffan: 'Steff',
  Gwenllian: 'Gwen', Bethan: 'Beth', Tomos: 'Twm', Alexander: 'Alex', Gethin: 'Geth', Hannah: 'Han',
};
