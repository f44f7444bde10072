/**
 * Words the name and place recognizer must leave alone although SCOWL (lexicon.ts) does not list them in lower case.
 * SLANG: how posts are written ("bf", "meds", "gonna"), so a capitalised "Mom" or "Lol" is not an unknown word.
 * SAFE_PROPER_WORDS: proper nouns that identify nobody (Safe Harbor keeps states and countries; months and days are
 * handled as dates), written out here because no word list separates them from people and towns.
 */
export const SLANG = words(`
  mom moms mommy mum mums mama momma dad dads daddy papa bf gf bff ex exes sis bro bros fam hubby wifey grandma grandpa
  nana nan granny gramps meds med psych psychs psych's therapist's lol lmao lmfao rofl omg omfg wtf tbh idk idc imo imho
  ngl irl fr rn btw bc cuz cos coz tho thru ok okay yeah yea yep nah nope gonna wanna gotta kinda sorta dunno lemme gimme
  im ive id ill dont cant wont didnt doesnt isnt wasnt arent werent havent hasnt hadnt shouldnt wouldnt couldnt youre
  theyre thats whats theres heres hes shes its lets yall ya u ur r y pls plz thx ty smh fml jk af asf ppl sm bday
  selfharm sh su ed bpd ptsd cptsd adhd ocd gad mdd did dx undiagnosed neurodivergent autistic lgbt lgbtq trans enby
  nonbinary cis gay lesbian bi pan ace suicidal suicidality unalive kms kys tw cw ig tiktok reddit subreddit subreddits
  redditor redditors discord insta snapchat whatsapp youtube twitter facebook online vent venting rant ranting
  ssri ssris snri snris antidepressant antidepressants antipsychotic antipsychotics benzo benzos er icu ward inpatient
  outpatient iop php cbt dbt emdr ect tms ketamine covid coworker coworkers roomie roomies hs uni gpa sat act ged
  cps dcfs texted texting dms dm'd dmed ghosted ghosting meme memes vape vaping weed edibles xanax zoloft prozac lexapro
  wellbutrin adderall seroquel abilify lamictal lithium sertraline fluoxetine escitalopram bupropion quetiapine
  lamotrigine venlafaxine effexor cymbalta duloxetine trazodone klonopin ativan valium vyvanse ritalin concerta
  buspirone buspar hydroxyzine gabapentin mirtazapine remeron latuda propranolol naltrexone suboxone narcan
`);

// Countries that are also given names: "Jordan" and "Chad" are people more often than places in a post, and a
// country redacted by mistake costs less than a person kept.
const NAMES_TOO = new Set(["jordan", "chad", "georgia", "jersey", "trinidad", "dominica", "reunion", "mali"]);

export const SAFE_PROPER_WORDS = new Set([
  ...words(`
  january february march april may june july august september october november december jan feb mar apr jun jul aug sep
  sept oct nov dec monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thurs fri sat sun
  christmas xmas easter thanksgiving halloween hanukkah ramadan eid diwali passover valentine valentine's
  god jesus christ lord allah buddha bible quran torah christian christians christianity catholic catholics
  muslim muslims islam jewish jew jews judaism hindu buddhist mormon atheist satan heaven hell
  english spanish french german italian chinese japanese korean arabic russian hindi portuguese dutch polish
  american americans british canadian australian mexican indian asian african european latino latina latinx hispanic
  irish scottish welsh filipino vietnamese
  reddit redditors google youtube instagram facebook twitter tiktok snapchat discord netflix spotify amazon apple
  iphone android xbox playstation nintendo minecraft fortnite roblox steam twitch whatsapp telegram tumblr pinterest
  chatgpt openai uber lyft doordash venmo paypal
  dsm icd phq gad ptsd bpd adhd ocd covid ssri nhs cdc fda
  i i'm i've i'd i'll ok okay lol omg tbh idk
  korea arabia africa zealand kingdom emirates lanka rica america states europe asia
  `),
  ...regionNames(),
].map((w) => w.toLowerCase()));

function words(list: string): string[] {
  return list.split(/\s+/).filter(Boolean);
}

/** Every country and region name ICU knows in English ("Canada", "South Korea"), and each of their words. */
function regionNames(): string[] {
  const names = new Intl.DisplayNames(["en"], { type: "region" });
  const out: string[] = [];
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      try {
        const name = names.of(code);
        if (name && name !== code && !NAMES_TOO.has(name.toLowerCase())) out.push(name);
      } catch {
        // not a region code
      }
    }
  }
  return out;
}
