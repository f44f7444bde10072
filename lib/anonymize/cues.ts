/**
 * Context words around a name or place. A word the lists cannot settle ("will", "hope", "jake" in lower case) is a
 * name or place only next to one of these.
 */
const set = (list: string) => new Set(list.split(/\s+/).filter(Boolean));

/** Titles written before a name, in any case: "Dr. Patel", "mrs kowalski", "Aunt Linda". */
export const HONORIFICS = set(`dr doctor mr mrs ms miss mx prof professor nurse pastor father fr rev reverend coach officer
  sgt sergeant judge aunt auntie uncle grandma grandpa nana papa sister brother deacon rabbi imam principal`);

/** "my friend jake", "my bf, tom", "our therapist Dana": people named after how they relate to the writer. */
export const RELATIONS = set(`friend friends bf gf boyfriend girlfriend husband wife partner fiance fiancé fiancee ex
  sister brother sis bro mom mum mother dad father son daughter cousin aunt auntie uncle grandma grandpa grandmother
  grandfather nana granny roommate roomie coworker co-worker colleague boss manager supervisor therapist counselor
  counsellor psychiatrist psychologist doctor teacher tutor neighbor neighbour classmate crush stepdad stepmom
  stepbrother stepsister niece nephew kid child baby bestie bff mentor landlord abuser rapist bully stalker teammate
  ex-boyfriend ex-girlfriend ex-husband ex-wife exbf exgf cousins sibling twin godmother godfather caseworker`);

/** Verbs and words before a person: "told jake", "texted sarah", "with maya". */
export const BEFORE_PERSON = set(`told tell telling texted text texting called call calling asked ask asking messaged
  message dmed dm'd met meet meeting saw see seeing love loved miss missed hate hated hug hugged visit visited dating
  dated date married marry lost kissed blocked unblocked unfriended like liked trust trusted thank thanked named
  and with dear hi hey sorry`);

/** Words after a lower-case name that make it one: "jake said". */
export const SAID = set(`said says told texted asked called thinks thought wants wanted keeps kept knows knew
  broke died passed passes loves loved hates hated`);

/** Words after a capitalised word at a sentence's start that make it a name: "Maya and I", "Jake was". */
export const AFTER_PERSON = set(`said says told texted asked called thinks thought wants wanted keeps kept knows knew
  and & was is has had left broke died passed passes loves loved hates hated`);

/** "named X", "called X", "goes by X": whatever follows is a name. */
export const NAMING = set(`named called`);

/** Words before a town: "I live in X", "moved to x", "grew up in X", "from X". */
export const BEFORE_PLACE = set(`in to from near outside around visiting visit town city village county suburb
  suburbs downtown`);
